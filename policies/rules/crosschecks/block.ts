// DUP-BLOCK — 政策保: an approval without individual review. Every approval of a reviewed
// programme needs a household survey on or before its decision (an emergency approval,
// 先行救助, may complete it afterwards, but must have one); a batch in which approvals lack
// it is a group admitted as a whole (奈民发〔2022〕28号 二(一)2: 未经审核确认将特定群体整体纳入低保).
import { ApplicationT } from '../../../schemas/case-export';
import { frameRule, sqlList } from '../../frame';
import { BLOCK_CLAUSE } from './clause';

interface Row {
  application_id: string;
  household_id: string;
  _line: number;
  program: ApplicationT['program'];
  route: string;
  batch_id: string | null;
  survey: string | null;
  decided_on: string;
  batch_size: string | null;
  batch_unreviewed: string | null;
}

export const dupBlock = frameRule({
  id: 'DUP-BLOCK',
  family: 'crosschecks',
  title: { zh: '杜绝"政策保":未经入户调查、逐户审核不得批准,不得整体批量纳入', en: 'No approval without individual review; no group admitted as a batch (政策保)' },
  clause: BLOCK_CLAUSE,
  needs: ['applications'],
  reads: [],
  parameters: ['dup.review_programs'],
  before: { note: { zh: '(作为历史记录)', en: ' (history)' } },
  unset: { count: () => 0 },
  // One query over every programme the profile ever lists; each approval is judged by the list in force on its decision.
  async whole(ctx) {
    const { ds } = ctx;
    const programs = sqlList(ctx.timeline.every('dup.review_programs').flat());
    const approved = (t = '') => `${t}decision.result = 'approved' AND ${t}program IN (${programs})`;
    const unreviewed = (t = '') => `(${t}household_survey_on IS NULL OR (${t}route <> 'emergency' AND ${t}household_survey_on > ${t}decision.decided_on))`;
    await ctx.examineWhere('applications', approved());
    const rows = await ds.all<Row>(
      `WITH batches AS (SELECT batch_id, count(*) AS batch_size, count(*) FILTER (WHERE ${unreviewed()}) AS batch_unreviewed
                        FROM applications WHERE ${approved()} AND batch_id IS NOT NULL GROUP BY batch_id)
       SELECT a.application_id, a.household_id, a._line, a.program, a.route, a.batch_id, a.household_survey_on::VARCHAR AS survey,
              a.decision.decided_on::VARCHAR AS decided_on, b.batch_size, b.batch_unreviewed
       FROM applications a LEFT JOIN batches b ON b.batch_id = a.batch_id
       WHERE ${approved('a.')} AND ${unreviewed('a.')}
       ORDER BY a._line`,
    );
    for (const r of rows) {
      const span = ctx.timeline.on(r.decided_on);
      if (span.status === 'off' || !span.value('dup.review_programs').includes(r.program)) continue;
      const size = Number(r.batch_size ?? 0);
      const bad = Number(r.batch_unreviewed ?? 0);
      const why = r.survey ? { zh: `入户调查(${r.survey})晚于审核确认(${r.decided_on})`, en: `household survey (${r.survey}) after the decision (${r.decided_on})` } : { zh: '没有入户调查记录', en: 'no household survey' };
      const batch = r.batch_id
        ? bad === size
          ? { zh: `;批次「${r.batch_id}」${size} 户全部未经入户调查,属整体纳入`, en: `; batch "${r.batch_id}": all ${size} approvals unreviewed, a group admitted as a whole` }
          : { zh: `;批次「${r.batch_id}」${size} 户中 ${bad} 户未经入户调查`, en: `; batch "${r.batch_id}": ${bad} of ${size} approvals unreviewed` }
        : { zh: '', en: '' };
      ctx.find(span, {
        severity: 'error',
        record: ds.locate('applications', r.application_id, r._line),
        related: [{ collection: 'households', id: r.household_id }],
        message: { zh: `未经逐户审核即批准(${why.zh})${batch.zh}`, en: `approved without individual review (${why.en})${batch.en}` },
        expected: { zh: '审核确认前完成入户调查', en: 'a household survey before the decision' },
        actual: { household_survey_on: r.survey, decided_on: r.decided_on, route: r.route, batch_id: r.batch_id, batch_size: size || null, batch_unreviewed: bad || null },
        params: [span.param('dup.review_programs')],
        remedy: { zh: '补做入户调查、履行审核确认手续;不再符合条件的及时清退', en: 'survey the household and complete the review; exit it if no longer eligible' },
        detail: 'unreviewed',
      });
    }
  },
});
