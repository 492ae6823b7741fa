// ELIG-SINGLE — individual coverage (单人保) inside a household that is not itself eligible is
// for seriously ill or severely disabled members only (奈民发〔2022〕28号 二(二)1 "低收入家庭重病重残等特殊
// 群体单人保"). A grade the profile cannot classify (三级: severe only for intellectual or mental
// disability, which the export does not record) is a warning, never a pass. The other
// direction: a refused low-income household (over the standard, within the profile's multiple
// of it) with a member who qualifies was owed 单人保 consideration (possible omission, warning),
// unless another ground the export shows justifies the refusal (disqualifying-grounds).
import { personal } from '../../../engine/findings/personal-data';
import { frameRule, sqlList } from '../../frame';
import { INCLUSION_CLAUSE } from './clause';
import { checkedText, foundText, GROUNDED_REFUSAL_REMEDY, otherGrounds } from '../../disqualifying-grounds';

interface Member {
  person_id: string;
  name: string;
  serious_illness: boolean | null;
  disability_grade: number | null;
}

export const eligSingle = frameRule({
  id: 'ELIG-SINGLE',
  family: 'exemptions',
  title: { zh: '单人保仅适用于重病、重度残疾成员', en: 'Individual coverage only for seriously ill or severely disabled members' },
  clause: INCLUSION_CLAUSE,
  needs: ['applications', 'households'],
  reads: [],
  parameters: ['elig.single_coverage'],
  before: 'skip',
  async eachSpan(span, ctx) {
    const { ds, profile } = ctx;
    const param = span.param('elig.single_coverage');
    const s = param.value;
    const qualifies = (m: Member) => (s.serious_illness && m.serious_illness === true) || (m.disability_grade !== null && s.severe_disability_grades.includes(m.disability_grade));
    const rows = await ds.all<{ application_id: string; household_id: string; _line: number; decided_on: string; covered: string[]; members: Member[] | null }>(
      `SELECT a.application_id, a.household_id, a._line, a.decision.decided_on::VARCHAR AS decided_on, a.decision.covered_person_ids AS covered, h.members AS members
       FROM applications a LEFT JOIN households h USING (household_id)
       WHERE a.decision.result = 'approved' AND a.decision.coverage = 'individual' AND a.program IN (${sqlList(s.programs)}) AND ${span.where('a.decision.decided_on')}
       ORDER BY a._line`,
    );
    ctx.examine(rows.length);
    for (const r of rows) {
      const base = { record: ds.locate('applications', r.application_id, r._line), related: [{ collection: 'households', id: r.household_id }], params: [param] };
      const expected = { zh: `重大疾病${s.severe_disability_grades.length ? `或 ${s.severe_disability_grades.join('、')} 级残疾` : ''}`, en: `serious illness or disability grade ${s.severe_disability_grades.join('/')}` };
      if (!r.covered.length)
        ctx.find(span, { ...base, severity: 'error', message: { zh: '单人保未列明保障对象', en: 'individual coverage names no covered person' }, expected, actual: { covered: [] }, remedy: { zh: '补正保障对象;无法列明的复核后停发', en: 'name the covered person, or review and stop' }, groups: { direction: 'inclusion' }, detail: 'empty' });
      for (const pid of r.covered) {
        const m = (r.members ?? []).find((x) => x.person_id === pid);
        const who = m ? personal('name', m.name) : personal('id', pid);
        if (!m) {
          ctx.find(span, {
            ...base, severity: 'error',
            message: { zh: `单人保对象 ${who} 不是该户家庭成员`, en: `covered person ${who} is not a member of the household` },
            expected, actual: { person: personal('id', pid) }, remedy: { zh: '核实保障对象身份与家庭成员关系,不符的停发并追回', en: 'verify the covered person belongs to the household; stop and recover if not' }, groups: { direction: 'inclusion' }, detail: `person:${pid}`,
          });
          continue;
        }
        if (qualifies(m)) continue;
        const unclear = m.disability_grade !== null && s.unclear_disability_grades.includes(m.disability_grade);
        ctx.find(span, {
          ...base,
          severity: unclear ? 'warning' : 'error',
          message: unclear
            ? { zh: `单人保对象 ${who} 为${m.disability_grade}级残疾,须确认是否为智力、精神残疾方可认定为重度残疾`, en: `covered person ${who} has grade ${m.disability_grade} disability: severe only if intellectual or mental, which the export does not say` }
            : { zh: `单人保对象 ${who} 既非重病也非重度残疾${m.disability_grade ? `(${m.disability_grade}级残疾)` : ''},不适用单人保(错保)`, en: `covered person ${who} is neither seriously ill nor severely disabled (wrongful inclusion)` },
          expected,
          actual: { person: personal('id', pid), serious_illness: m.serious_illness ?? false, disability_grade: m.disability_grade },
          remedy: unclear ? { zh: '核实残疾类别', en: 'verify the disability type' } : { zh: '复核后停发,依规追回', en: 'review, stop and recover' },
          groups: { direction: 'inclusion' },
          detail: `person:${pid}`,
        });
      }
    }
    // Omission side: a low-income household refused as over the standard, with a member 单人保 would cover, and no later approval.
    const grades = s.severe_disability_grades.length ? s.severe_disability_grades.join(', ') : 'NULL';
    const refused = await ds.all<{ application_id: string; household_id: string; _line: number; decided_on: string; name: string }>(
      `SELECT a.application_id, a.household_id, a._line, a.decision.decided_on::VARCHAR AS decided_on,
              list_filter(h.members, m -> ${s.serious_illness ? 'coalesce(m.serious_illness, false) OR ' : ''}coalesce(m.disability_grade IN (${grades}), false))[1].name AS name
       FROM applications a JOIN households h USING (household_id)
       LEFT JOIN (SELECT household_id, max(decision.decided_on) AS last_approved FROM applications WHERE decision.result = 'approved' GROUP BY household_id) la USING (household_id)
       WHERE a.decision.result = 'rejected' AND a.program IN (${sqlList(s.programs)}) AND ${span.where('a.decision.decided_on')}
         AND a.income IS NOT NULL AND CAST(a.income.monthly_per_capita * 100 AS BIGINT) >= CAST(a.income.standard_monthly * 100 AS BIGINT)
         AND CAST(a.income.monthly_per_capita * 100 AS BIGINT) * 100 <= CAST(a.income.standard_monthly * 100 AS BIGINT) * ${Math.round(s.low_income_ratio * 100)}
         AND len(list_filter(h.members, m -> ${s.serious_illness ? 'coalesce(m.serious_illness, false) OR ' : ''}coalesce(m.disability_grade IN (${grades}), false))) > 0
         -- no approval on or after the refusal (a join on each household's latest approval, not a correlated scan)
         AND (la.last_approved IS NULL OR la.last_approved < a.decision.decided_on)
       ORDER BY a._line`,
    );
    const grounds = await otherGrounds(ds, profile, refused.map((r) => r.application_id), ['income']);
    for (const r of refused) {
      const g = grounds.get(r.application_id) ?? { checked: [], found: [] };
      const base = { record: ds.locate('applications', r.application_id, r._line), related: [{ collection: 'households', id: r.household_id }], params: [param] };
      const expected = { zh: '对重病重残成员考虑单人保', en: 'consider individual coverage for the member' };
      if (g.found.length) {
        ctx.find(span, {
          ...base,
          severity: 'info',
          message: { zh: `成员 ${personal('name', r.name)} 重病或重度残疾,但拒绝另有依据:${foundText(g).zh}(不作漏保)`, en: `member ${personal('name', r.name)} qualifies for individual coverage, but the refusal has a ground: ${foundText(g).en} (not an omission)` },
          expected,
          actual: { result: 'rejected', decided_on: r.decided_on, grounds_checked: g.checked, other_grounds: g.found },
          remedy: GROUNDED_REFUSAL_REMEDY,
          detail: 'refusal-ground',
        });
        continue;
      }
      ctx.find(span, {
        ...base,
        severity: 'warning',
        message: { zh: `该户为低收入家庭,因收入超标于 ${r.decided_on} 被拒绝,但成员 ${personal('name', r.name)} 重病或重度残疾,可申请单人保(可能漏保);${checkedText(g).zh}`, en: `refused on ${r.decided_on} as over the standard, but member ${personal('name', r.name)} qualifies for individual coverage (possible omission); ${checkedText(g).en}` },
        expected,
        actual: { result: 'rejected', decided_on: r.decided_on, grounds_checked: g.checked },
        remedy: { zh: '告知并受理单人保申请', en: 'inform the household and take an individual-coverage application' },
        groups: { direction: 'omission' },
        detail: 'omission',
      });
    }
  },
});
