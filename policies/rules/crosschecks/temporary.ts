// DUP-TEMP-REPEAT — one household, one cause, more than the allowed number of temporary grants
// in one window (奈民发〔2022〕28号 二(一)3 同一年度同一事由多次重复享受临时救助). The national window is the
// approval's calendar year (profile choice): a grant approved on 31 December and one on 1 January
// fall in different years; a profile may instead give a duration (12个月: an earlier grant counts
// while the later one is within 12 months after it). Causes are compared after Unicode (NFKC) and whitespace normalisation.
// DUP-TEMP-CAP — above the standard cap only case by case (一事一议), and never above the
// case-by-case ceiling, which includes the amount itself (奈民发〔2022〕28号 二(三)1 "可提高至5万元").
import { addDuration, formatDuration } from '../../duration';
import { frameRule, ParamType, sayParam, Timeline } from '../../frame';
import { fenSql, yuan } from './common';
import { DUPLICATE_CLAUSE, TEMP_CAP_CLAUSE } from './clause';

interface Grant {
  application_id: string;
  household_id: string;
  _line: number;
  cause: string | null;
  decided_on: string;
  applied_on: string;
  approval: string | null;
  fen: string | null;
}

const APPROVED_TEMPORARY = `program = 'temporary' AND decision.result = 'approved'`;
const GRANT_COLUMNS = `application_id, household_id, _line, temporary.cause AS cause, decision.decided_on::VARCHAR AS decided_on, applied_on::VARCHAR AS applied_on,
  temporary.approval AS approval, ${fenSql('temporary.amount')} AS fen`;
const normaliseCause = (c: string) => c.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

type Window = ParamType<'dup.temp_repeat_window'>;

const windowWords = (w: Window) => (w === 'calendar_year' ? { zh: '同一年度', en: 'in a calendar year' } : { zh: `${formatDuration(w).zh}内`, en: `within ${formatDuration(w).en}` });

/** Does an earlier grant on `earlier` fall in the window that ends with a grant on `later`? */
function inWindow(window: Window, earlier: string, later: string): boolean {
  return window === 'calendar_year' ? earlier.slice(0, 4) === later.slice(0, 4) : later <= addDuration(earlier, window);
}

export const dupTempRepeat = frameRule({
  id: 'DUP-TEMP-REPEAT',
  family: 'crosschecks',
  title: (n) =>
    sayParam(
      n,
      'dup.temp_max_per_cause_year',
      (v) => {
        const w = sayParam(n, 'dup.temp_repeat_window', windowWords, windowWords('calendar_year'));
        return v === 1
          ? { zh: `同一家庭同一事由${w.zh}不得重复享受临时救助`, en: `No household gets temporary assistance twice for one cause ${w.en}` }
          : { zh: `同一家庭同一事由${w.zh}享受临时救助不超过${v}次`, en: `No household gets temporary assistance more than ${v} times for one cause ${w.en}` };
      },
      { zh: '同一家庭同一事由同一年度不得超过规定次数享受临时救助', en: 'No household gets temporary assistance for one cause more often than the set number in a year' },
    ),
  clause: DUPLICATE_CLAUSE,
  needs: ['applications'],
  reads: [],
  parameters: ['dup.temp_max_per_cause_year', 'dup.temp_repeat_window'],
  before: { note: { zh: '(比对要求生效前,作为历史记录)', en: ' (before the cross-check took effect: history)' } },
  unset: { count: () => 0 },
  // A grant is judged by the values in force on its own approval: its window and how many may precede it.
  async whole(ctx) {
    const { ds } = ctx;
    await ctx.examineWhere('applications', APPROVED_TEMPORARY);
    // Only households with two or more approved grants (or a grant without a cause) come back.
    const rows = await ds.all<Grant>(
      `SELECT ${GRANT_COLUMNS} FROM (
         SELECT *, count(*) OVER (PARTITION BY household_id) AS grants FROM applications WHERE ${APPROVED_TEMPORARY})
       WHERE grants > 1 OR temporary.cause IS NULL
       ORDER BY household_id, decision.decided_on, applied_on, application_id`,
    );
    const groups = new Map<string, Grant[]>();
    for (const g of rows) {
      if (g.cause === null) {
        // Fail closed: without a cause the grant cannot be shown not to repeat another.
        ctx.find(undefined, {
          severity: 'warning',
          record: ds.locate('applications', g.application_id, g._line),
          related: [{ collection: 'households', id: g.household_id }],
          message: { zh: '临时救助未记录救助事由,无法判断是否同一事由重复救助', en: 'temporary grant records no cause, so a repeat cannot be ruled out' },
          expected: { zh: '记录救助事由', en: 'a recorded cause' },
          actual: { cause: null },
          params: [],
          remedy: { zh: '补录救助事由', en: 'record the cause' },
          detail: 'no-cause',
        });
        continue;
      }
      const key = [g.household_id, normaliseCause(g.cause)].join('\u0000');
      (groups.get(key) ?? groups.set(key, []).get(key)!).push(g);
    }
    for (const all of groups.values()) {
      for (const [i, g] of all.entries()) {
        const gs = ctx.timeline.on(g.decided_on);
        if (gs.status === 'off') continue;
        const max = gs.param('dup.temp_max_per_cause_year');
        const windowParam = gs.param('dup.temp_repeat_window');
        const window = windowParam.value;
        const earlier = all.slice(0, i).filter((e) => inWindow(window, e.decided_on, g.decided_on));
        if (earlier.length < max.value) continue;
        const allowed = earlier.slice(0, max.value);
        const grants = [...earlier, g];
        const span = window === 'calendar_year' ? { zh: `${g.decided_on.slice(0, 4)} 年度`, en: `in ${g.decided_on.slice(0, 4)}` } : { zh: windowWords(window).zh, en: windowWords(window).en };
        const fen = Number(g.fen ?? 0);
        ctx.find(gs, {
          severity: 'error',
          record: ds.locate('applications', g.application_id, g._line),
          related: [{ collection: 'households', id: g.household_id }, ...allowed.map((a) => ({ collection: 'applications', id: a.application_id }))],
          message: {
            zh: `${span.zh}因同一事由「${g.cause}」再次给予临时救助(此前已于 ${allowed.map((a) => `${a.decided_on}(申请 ${a.application_id})`).join('、')} 救助),重复金额 ${yuan(fen)} 元`,
            en: `temporary assistance for the same cause "${g.cause}" again ${span.en} (already granted ${allowed.map((a) => `${a.decided_on} (${a.application_id})`).join(', ')}); ${yuan(fen)} yuan`,
          },
          expected: window === 'calendar_year' ? { max_per_cause_year: max.value } : { max_per_cause: max.value, window: windowWords(window).zh },
          actual: { cause: g.cause, ...(window === 'calendar_year' ? { year: g.decided_on.slice(0, 4) } : {}), grants: grants.map((x) => ({ application: x.application_id, decided_on: x.decided_on })) },
          params: [max, windowParam],
          remedy: { zh: `核实后追回重复给予的 ${yuan(fen)} 元`, en: `verify and recover the repeated ${yuan(fen)} yuan`, amount_fen: fen },
          detail: 'repeat',
        });
      }
    }
  },
});

const CAP_KEY = 'dup.temp_standard_cap' as const;
const CEILING_KEY = 'dup.temp_case_by_case_ceiling' as const;
type LimitKey = typeof CAP_KEY | typeof CEILING_KEY;

export const dupTempCap = frameRule({
  id: 'DUP-TEMP-CAP',
  family: 'crosschecks',
  title: { zh: '临时救助超过一般封顶须一事一议,且不得超过一事一议封顶线', en: 'Temporary assistance above the standard cap only case by case, never above the ceiling' },
  clause: TEMP_CAP_CLAUSE,
  needs: ['applications'],
  reads: [],
  parameters: [CAP_KEY, CEILING_KEY],
  before: 'skip',
  // Each kind of approval has its own limit, with its own start: a grant is judged by the one in force on its decision.
  async whole(ctx) {
    const { ds } = ctx;
    // Narrowed in SQL: of each kind of approval only grants above the lowest limit the profile ever
    // sets (or decided before it starts) come back; the rest are counted as examined and compliant.
    let examined = 0;
    let notReviewed = 0;
    const count = async (where: string) => Number((await ds.all<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM applications WHERE ${APPROVED_TEMPORARY} AND ${where}`))[0].n);
    notReviewed += await count('temporary IS NULL');
    const rows: Grant[] = [];
    for (const [approval, key] of [['standard', CAP_KEY], ['case_by_case', CEILING_KEY]] as const) {
      const kind = `temporary.approval = '${approval}'`;
      const line = ctx.timelineOf([key]);
      const from = line.first(key)?.from;
      if (!from) {
        notReviewed += await count(kind);
        continue;
      }
      const switchedOff = line.spans.some((s) => s.status === 'off');
      const minFen = Math.min(...line.every(key).map((v) => Math.round(v * 100)));
      const maybe = switchedOff ? 'TRUE' : `(${fenSql('temporary.amount')} > ${minFen} OR decision.decided_on < DATE '${from}')`;
      if (!switchedOff) examined += await count(`${kind} AND NOT ${maybe}`);
      rows.push(...(await ds.all<Grant>(`SELECT ${GRANT_COLUMNS} FROM applications WHERE ${APPROVED_TEMPORARY} AND ${kind} AND ${maybe} ORDER BY _line`)));
    }
    rows.sort((x, y) => x._line - y._line);
    const timelines: Record<LimitKey, Timeline<LimitKey>> = { [CAP_KEY]: ctx.timelineOf([CAP_KEY]), [CEILING_KEY]: ctx.timelineOf([CEILING_KEY]) };
    for (const g of rows) {
      const date = g.decided_on ?? g.applied_on;
      const key = g.approval === 'case_by_case' ? CEILING_KEY : CAP_KEY;
      const span = timelines[key].on(date);
      const limit = span.status === 'in-force' ? span.param(key) : undefined;
      if (g.fen === null || g.approval === null || !limit) {
        notReviewed++; // no amount, or no cap in force for this kind of approval on that date
        continue;
      }
      examined++;
      const fen = Number(g.fen);
      const limitFen = Math.round(limit.value * 100);
      if (fen <= limitFen) continue;
      const excess = fen - limitFen;
      const words =
        key === CAP_KEY
          ? { zh: `临时救助 ${yuan(fen)} 元超过一般封顶标准 ${yuan(limitFen)} 元,却未经一事一议`, en: `${yuan(fen)} yuan exceeds the standard cap of ${yuan(limitFen)} without case-by-case approval` }
          : { zh: `一事一议临时救助 ${yuan(fen)} 元超过封顶线 ${yuan(limitFen)} 元`, en: `case-by-case grant of ${yuan(fen)} yuan exceeds the ceiling of ${yuan(limitFen)}` };
      ctx.find(span, {
        severity: 'error',
        record: ds.locate('applications', g.application_id, g._line),
        related: [{ collection: 'households', id: g.household_id }],
        message: words,
        expected: { approval: g.approval, max_yuan: yuan(limitFen) },
        actual: { amount_yuan: yuan(fen), approval: g.approval, decided_on: date },
        params: [limit],
        remedy: {
          zh: key === CAP_KEY ? `补办一事一议审批,或追回超出部分 ${yuan(excess)} 元` : `追回超出封顶线的 ${yuan(excess)} 元`,
          en: key === CAP_KEY ? `obtain case-by-case approval or recover the excess of ${yuan(excess)} yuan` : `recover the ${yuan(excess)} yuan above the ceiling`,
          amount_fen: excess,
        },
        detail: key,
      });
    }
    ctx.examine(examined + notReviewed);
    ctx.notJudged({ zh: `${notReviewed} 笔临时救助在审批日没有适用的封顶标准(或缺少金额),未审查`, en: `${notReviewed} grants have no cap in force on their decision date (or no amount)` }, notReviewed);
  },
});
