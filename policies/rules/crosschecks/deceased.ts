// DUP-DECEASED — no payment for a month after the month of death (奈民发〔2022〕28号 二(六)3: funeral
// records are compared before each monthly payment). A household payment is judged by the
// people it covers: once every covered person has died it is an overpayment (error); while
// some covered members live, the deceased should have been removed and the amount
// recalculated (warning: the share cannot be told from the export). An individual payment
// follows its person. Payments for the month of death itself are not findings.
// Narrowed at scale: only applications covering someone in the deaths table are read, and
// only their payments for later months. Where the export records recoveries, a whole
// overpayment is judged recovered or not (a partial household's share cannot be told).
import { personal } from '../../../engine/findings/personal-data';
import { sharedScan } from '../../../engine/dataset/shared-scans';
import { PaymentT } from '../../../schemas/case-export';
import { frameRule, Span, sqlList } from '../../frame';
import { fenSql, monthRanges, paymentCount, paymentRefs, yuan } from './common';
import { MONTHLY_CLAUSE } from './clause';
import { recoveryLookup, withRecovery } from '../recoveries';

interface Row {
  kind: 'individual' | 'household';
  payment_id: string;
  application_id: string;
  household_id: string;
  program: PaymentT['program'];
  month: string;
  fen: string;
  app_line: number | null;
  /** Covered people who died before the payment's month. */
  dead: { person_id: string; died_on: string }[];
  covered: number;
}

interface Group {
  kind: 'individual' | 'household' | 'partial';
  row: Row;
  person?: string;
  deaths: { person_id: string; died_on: string }[];
  months: string[];
  payments: string[];
  fen: number;
  /** The span of its first month: history when that is before the rule. */
  span: Span<'dup.deceased_programs'>;
}

export const dupDeceased = frameRule({
  id: 'DUP-DECEASED',
  family: 'crosschecks',
  title: { zh: '死亡人员不得继续享受救助(死亡次月起不得发放)', en: 'No payment for a month after the month of death' },
  clause: MONTHLY_CLAUSE,
  needs: ['payments', 'deaths', 'applications'],
  reads: ['households', 'recoveries'],
  parameters: ['dup.deceased_programs'],
  before: { note: { zh: '(比对要求生效前,作为历史记录)', en: ' (before the cross-check took effect: history)' } },
  unset: { count: (ds) => ds.count('payments') },
  // Each payment is judged by the programmes in force in its month.
  async whole(ctx) {
    const { ds } = ctx;
    const programs = ctx.timeline.every('dup.deceased_programs').flat();
    const inP = `program IN (${sqlList(programs)})`;
    ctx.examine(await paymentCount(ds, programs));
    const covered = await sharedScan(ds, 'covered');
    // Narrowed to the dead first: covered people (listed, or a household's members where the list
    // is missing) are matched against deaths before anything else; only those applications'
    // payments are then read, and compared with the death month on the small side.
    const rows = await ds.all<Row>(
      `WITH d AS (SELECT person_id, min(died_on) AS died_on, strftime(min(died_on), '%Y-%m') AS death_month FROM deaths GROUP BY person_id),
       dead AS (
         SELECT DISTINCT x.application_id, d.person_id, d.died_on, d.death_month FROM ${covered} x JOIN d ON d.person_id = x.person_id WHERE x.${inP}),
       ncov AS (
         -- How many people each of those applications covers, from the same shared table: the listed
         -- (distinct) or the household's members; reading the households' member lists cost 3× more.
         SELECT application_id, CASE WHEN bool_or(listed) THEN count(DISTINCT person_id) ELSE count(*) END AS covered
         FROM ${covered} WHERE application_id IN (SELECT application_id FROM dead) GROUP BY application_id),
       p AS (SELECT payment_id, application_id, household_id, program, month, ${fenSql('amount')} AS fen FROM payments
             WHERE person_id IS NULL AND ${inP} AND application_id IN (SELECT application_id FROM dead)),
       hhp AS (
         SELECT 'household' AS kind, p.payment_id, p.application_id, p.household_id, p.program, p.month, p.fen,
                list(struct_pack(person_id := dead.person_id, died_on := dead.died_on::VARCHAR) ORDER BY dead.died_on, dead.person_id) AS dead, any_value(ncov.covered) AS covered
         FROM p JOIN dead ON dead.application_id = p.application_id JOIN ncov ON ncov.application_id = p.application_id
         WHERE p.month > dead.death_month
         GROUP BY ALL),
       ind AS (
         SELECT 'individual' AS kind, p.payment_id, p.application_id, p.household_id, p.program, p.month, ${fenSql('p.amount')} AS fen,
                [struct_pack(person_id := d.person_id, died_on := d.died_on::VARCHAR)] AS dead, 1 AS covered
         FROM payments p JOIN d ON d.person_id = p.person_id
         WHERE p.person_id IS NOT NULL AND p.${inP} AND p.month > d.death_month)
       SELECT u.*, a._line AS app_line FROM (SELECT * FROM hhp UNION ALL SELECT * FROM ind) u
       LEFT JOIN applications a ON a.application_id = u.application_id
       ORDER BY u.application_id, u.month, u.payment_id`,
    );
    const groups = new Map<string, Group>();
    for (const r of rows) {
      const span = ctx.timeline.on(r.month);
      if (span.status === 'off' || !span.value('dup.deceased_programs').includes(r.program)) continue;
      const kind = r.kind === 'individual' ? 'individual' : r.dead.length >= Number(r.covered) ? 'household' : 'partial';
      // A partial household gets one finding per deceased member; the others one per application (and person).
      const keys = kind === 'partial' ? r.dead.map((d) => d.person_id) : [kind === 'individual' ? r.dead[0].person_id : ''];
      for (const person of keys) {
        const key = [r.application_id, kind, person, span.history].join('\u0000');
        let g = groups.get(key);
        if (!g) groups.set(key, (g = { kind, row: r, person: person || undefined, deaths: [], months: [], payments: [], fen: 0, span }));
        for (const d of kind === 'partial' ? r.dead.filter((x) => x.person_id === person) : r.dead)
          if (!g.deaths.some((x) => x.person_id === d.person_id)) g.deaths.push(d);
        g.months.push(r.month);
        g.payments.push(r.payment_id);
        g.fen += Number(r.fen);
      }
    }
    const recoveries = await recoveryLookup(ds, [...groups.values()].filter((g) => g.kind !== 'partial').flatMap((g) => g.payments));
    for (const g of groups.values()) {
      const months = monthRanges(g.months);
      const who = g.deaths.map((d) => `${personal('id', d.person_id)}(${d.died_on} 死亡)`).join('、');
      const base = {
        record: ds.locate('applications', g.row.application_id, g.row.app_line),
        related: [
          { collection: 'households', id: g.row.household_id },
          ...g.deaths.map((d) => ({ collection: 'deaths', id: personal('id', d.person_id) })),
          ...paymentRefs(g.payments),
        ],
        params: [g.span.param('dup.deceased_programs')],
        actual: { months: [...g.months].sort(), payments: g.payments, deaths: g.deaths.map((d) => ({ person: personal('id', d.person_id), died_on: d.died_on })) },
        detail: `${g.kind}:${g.person ?? ''}:${g.span.history ? 'history' : 'in-force'}`,
      };
      if (g.kind === 'partial')
        ctx.find(g.span, {
          ...base,
          severity: 'warning',
          message: {
            zh: `保障对象 ${who} 死亡后,该户 ${months} 仍按原保障名单发放(共 ${yuan(g.fen)} 元),应核减保障人口并重新核定金额`,
            en: `after ${who} died the household was still paid on the old list in ${months} (${yuan(g.fen)} yuan); the member should be removed and the amount recalculated`,
          },
          expected: { zh: '死亡次月起核减保障人口', en: 'the deceased removed from the month after death' },
          remedy: { zh: '核减死亡成员,重新核定保障金额,追回多发部分', en: 'remove the deceased member, recalculate the benefit and recover the excess' },
        });
      else
        ctx.find(g.span, withRecovery({
          ...base,
          severity: 'error',
          message: {
            zh: `${g.kind === 'individual' ? '单人保对象' : '该户全部保障对象'} ${who} 死亡后,${months} 仍发放救助金 ${yuan(g.fen)} 元`,
            en: `${g.kind === 'individual' ? 'the individually covered person' : 'every covered person'} ${who} had died, yet ${months} were paid (${yuan(g.fen)} yuan)`,
          },
          expected: { zh: '死亡当月之后不再发放', en: 'no payment after the month of death' },
          remedy: {
            zh: `停发并追回死亡次月起发放的 ${yuan(g.fen)} 元`,
            en: `stop the payments and recover ${yuan(g.fen)} yuan paid from the month after death`,
            amount_fen: g.fen,
            month: [...g.months].sort()[0],
          },
        }, g.fen, g.payments, recoveries));
    }
  },
});
