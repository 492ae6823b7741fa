// ELIG-TOLERANCE (铁岭) — acceptance with missing documents (容缺受理, 告知承诺) only in the
// profile's listed situations (3 types, 10 situations), with a signed commitment, the review
// finished within 10 working days (counted on the official calendar, after the acceptance day),
// and the missing documents supplied afterwards. A situation the profile does not list, or a
// profile that lists none, cannot be classified: a finding, never a pass. An application still
// undecided at meta.period.to is late if the working days had run out by then, else not yet due.
import { CalendarRangeError } from '../../calendar/working-days';
import { addDuration, formatDuration } from '../../duration';
import { HISTORY_REMEDY, notYetDue } from '../../audit-period';
import { frameRule, sayParam } from '../../frame';
import { judgingSpan, takesEffect } from './cases';
import { TOLERANCE_CLAUSE } from './clause';

const OUTSIDE_CALENDAR = { zh: '日期超出工作日历已知年份,无法计算工作日', en: 'dates outside the working-day calendar' };

interface Row {
  application_id: string;
  household_id: string;
  _line: number;
  applied_on: string;
  accepted_on: string | null;
  tolerance: { situation: string; commitment_signed: boolean; missing_documents: string[]; supplemented_on: string | null } | null;
  result: string | null;
  decided_on: string | null;
}

export const eligTolerance = frameRule({
  id: 'ELIG-TOLERANCE',
  family: 'exemptions',
  title: (n) => {
    const d = sayParam(n, 'elig.tolerance', (v) => formatDuration(v.review_within), { zh: '规定期限', en: 'the set time' });
    return { zh: `容缺受理限于规定情形,须签署承诺书,${d.zh}内完成审核确认并补正材料`, en: `Tolerance acceptance only in listed situations, with a signed commitment, review within ${d.en}, documents supplied later` };
  },
  clause: TOLERANCE_CLAUSE,
  needs: ['applications'],
  reads: [],
  parameters: ['elig.tolerance'],
  // An acceptance from before the local scheme gets its own history finding below.
  before: {},
  async whole(ctx) {
    const { ds, profile, audit: period } = ctx;
    let unreviewed = 0;
    const rows = await ds.all<Row>(
      `SELECT application_id, household_id, _line, applied_on::VARCHAR AS applied_on, accepted_on::VARCHAR AS accepted_on, tolerance,
              decision.result AS result, decision.decided_on::VARCHAR AS decided_on
       FROM applications WHERE route = 'tolerance' ORDER BY _line`,
    );
    ctx.examine(rows.length);
    for (const r of rows) {
      const accepted = r.accepted_on ?? r.applied_on;
      const span = judgingSpan(ctx.timeline, accepted);
      const base = { record: ds.locate('applications', r.application_id, r._line), related: [{ collection: 'households', id: r.household_id }] };
      if (!span || span.history) {
        const pre = !!span?.history;
        ctx.find(span, {
          ...base,
          severity: pre ? 'info' : 'warning',
          message: pre
            ? { zh: `${accepted} 容缺受理,早于本地告知承诺制施行(${takesEffect(ctx.timeline)}),作为历史记录`, en: `tolerance acceptance on ${accepted}, before the local scheme (${takesEffect(ctx.timeline)}): history` }
            : { zh: `容缺受理,但所适用政策(${profile.id})未规定容缺受理情形,无法确认`, en: `tolerance acceptance, but profile ${profile.id} lists no tolerance situations: cannot be confirmed` },
          expected: { zh: '适用规定了容缺受理情形的政策', en: 'a profile listing tolerance situations' },
          actual: { route: 'tolerance', accepted_on: accepted },
          params: [],
          remedy: pre ? HISTORY_REMEDY : { zh: '在政策配置中列明本地容缺受理情形,或按一般程序复核', en: 'list the local tolerance situations in the profile, or review under the standard route' },
          detail: pre ? 'pre-rule' : 'no-list',
        });
        continue;
      }
      const param = span.param('elig.tolerance');
      const p = param.value;
      const limit = formatDuration(p.review_within);
      const fb = { ...base, params: [param] };
      const tol = r.tolerance;
      if (!tol) {
        ctx.find(span, { ...fb, severity: 'error', message: { zh: '按容缺受理办理,却没有容缺信息(情形、承诺书、缺少材料)', en: 'tolerance route without the tolerance record' }, expected: { tolerance: 'required' }, actual: { tolerance: null }, remedy: { zh: '补录容缺受理情形、承诺书和缺少的材料', en: 'record the tolerance situation, the signed commitment and the missing documents' }, detail: 'record' });
        continue;
      }
      const situation = p.situations.find((s) => s.code === tol.situation);
      if (!situation)
        ctx.find(span, {
          ...fb,
          severity: 'error',
          message: { zh: `容缺情形「${tol.situation}」不在本地 ${p.situations.length} 种可容缺受理情形之内`, en: `tolerance situation "${tol.situation}" is not among the ${p.situations.length} listed` },
          expected: { situations: p.situations.map((s) => s.code) },
          actual: { situation: tol.situation },
          remedy: { zh: '按一般程序受理,或由业务人员确认该情形', en: 'use the standard route, or have policy staff confirm the situation' },
          detail: 'situation',
        });
      if (p.commitment_required && !tol.commitment_signed)
        ctx.find(span, {
          ...fb,
          severity: 'error',
          message: { zh: '容缺受理未签署告知承诺书', en: 'no signed commitment for a tolerance acceptance' },
          expected: { commitment_signed: true },
          actual: { commitment_signed: false },
          remedy: { zh: '补签承诺书', en: 'obtain the signed commitment' },
          detail: 'commitment',
        });
      if (r.decided_on && r.result !== 'pending') {
        try {
          const deadline = addDuration(accepted, p.review_within);
          if (r.decided_on > deadline)
            ctx.find(span, {
              ...fb,
              severity: 'error',
              message: { zh: `${accepted} 容缺受理,${r.decided_on} 才完成审核确认,超过${limit.zh}时限(至迟 ${deadline})`, en: `accepted ${accepted}, decided ${r.decided_on}: beyond the ${limit.en} limit (${deadline})` },
              expected: { decided_by: deadline },
              actual: { accepted_on: accepted, decided_on: r.decided_on },
              remedy: { zh: `查明超时原因,容缺受理后在 ${limit.zh} 内完成审核确认`, en: `find the cause of the delay; decide within ${limit.en} of a tolerance acceptance` },
              detail: 'review',
            });
        } catch (e) {
          if (!(e instanceof CalendarRangeError)) throw e;
          unreviewed++;
        }
      } else if (period.stated) {
        try {
          const deadline = addDuration(accepted, p.review_within);
          if (deadline >= period.to) {
            // Still examined (its other duties were judged), and its decision not yet due.
            ctx.examine(1);
            ctx.notJudged(notYetDue(period));
          } else
            ctx.find(span, {
              ...fb,
              severity: 'error',
              message: {
                zh: `${accepted} 容缺受理,至导出期末(${period.to})仍未作出审核确认,超过${limit.zh}时限(至迟 ${deadline})`,
                en: `accepted ${accepted}, still undecided at the end of the exported period (${period.to}), beyond the ${limit.en} limit (${deadline})`,
              },
              expected: { decided_by: deadline },
              actual: { accepted_on: accepted, decided_on: null },
              remedy: { zh: '立即完成审核确认,并查明超时原因', en: 'decide now and find the cause of the delay' },
              detail: 'review',
            });
        } catch (e) {
          if (!(e instanceof CalendarRangeError)) throw e;
          unreviewed++;
        }
      }
      if (tol.missing_documents.length && !tol.supplemented_on)
        ctx.find(span, {
          ...fb,
          severity: 'warning',
          message: { zh: `容缺材料(${tol.missing_documents.join('、')})尚未补正`, en: `missing documents (${tol.missing_documents.join(', ')}) not yet supplied` },
          expected: { supplemented: true },
          actual: { missing_documents: tol.missing_documents, supplemented_on: null },
          remedy: { zh: '督促申请人补正容缺材料', en: 'have the applicant supply the documents' },
          detail: 'supplement',
        });
    }
    ctx.notJudged(OUTSIDE_CALENDAR, unreviewed);
  },
});
