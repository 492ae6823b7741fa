// NOTICE-MINORS — nothing about a minor (under the age of majority on the posting date): no
// minor member's name or ID number appears anywhere in the notice, whether the minor is the
// applicant or another member of the household.
import { personal } from '../../../engine/findings/personal-data';
import { ageOn } from '../../dates';
import { frameRule } from '../../frame';
import { MINORS_CLAUSE } from './clause';
import { noticeCells, noticeCount, oncePerRun, postedIn } from './columns';
import { sharedScan } from '../../../engine/dataset/shared-scans';
import { Dataset } from '../../../engine/dataset/dataset';

interface Hit {
  notice_id: string;
  household_id: string;
  _line: number;
  posted_on: string;
  position: number;
  label: string;
  name: string;
  person_id: string;
  birth_date: string;
  relation: string;
  is_applicant: boolean;
}

export const noticeMinors = frameRule({
  id: 'NOTICE-MINORS',
  family: 'notices',
  title: { zh: '公示不得涉及未成年人信息', en: 'A notice reveals nothing about a minor' },
  clause: MINORS_CLAUSE,
  needs: ['notices', 'households'],
  reads: ['applications'],
  parameters: ['notice.age_of_majority'],
  // A minor named before the age limit applied is still shown, as history (info).
  before: {},
  // A minor named before the audited period is history there, not this period's violation.
  historyBeforeAuditPeriod: true,
  async eachSpan(span, ctx) {
    const { ds } = ctx;
    const majority = span.param('notice.age_of_majority');
    // One comparison of cells with young members for the whole run (per age limit); each span takes its posting dates.
    const hits = (await oncePerRun(ctx, `${majority.value + 1}`, () => query(ds, majority.value + 1))).filter((h) => postedIn(span, h.posted_on));
    for (const h of hits) {
      const age = ageOn(h.birth_date, h.posted_on);
      if (age >= majority.value) continue;
      const who = h.is_applicant ? { zh: '未成年申请人', en: 'a minor applicant' } : { zh: `未成年家庭成员(${RELATION_ZH[h.relation] ?? h.relation})`, en: `a minor member (${h.relation})` };
      ctx.find(span, {
        severity: 'error',
        record: ds.locate('notices', h.notice_id, h._line),
        on: String(h.posted_on).slice(0, 10),
        related: [{ collection: 'households', id: h.household_id }],
        message: {
          zh: `栏目「${h.label}」公示了${who.zh}的信息,其在公示当日 ${age} 周岁`,
          en: `column "${h.label}" reveals ${who.en}, aged ${age} on the posting date`,
        },
        expected: { zh: `不公示未满 ${majority.value} 周岁者的任何信息`, en: `nothing about anyone under ${majority.value}` },
        actual: { label: h.label, member: personal('name', h.name), age_on_posting: age, posted_on: h.posted_on },
        params: [majority],
        remedy: { zh: '立即撤下该公示,删除未成年人信息后重新公示', en: 'take the notice down and repost it without the minor' },
        detail: `${h.position}:${h.person_id}`,
      });
    }
  },
  async whole(ctx) {
    ctx.examine(await noticeCount(ctx.ds));
  },
});

/**
 * Candidates in SQL (members young enough on the posting date whose name or ID is in a cell), in
 * report order; the exact age on the day is decided by ageOn. Narrow first: only members young
 * enough on the latest posting date, and only cells of their households, are compared text to text.
 */
async function query(ds: Dataset, years: number): Promise<Hit[]> {
  const cells = await noticeCells(ds);
  const members = await sharedScan(ds, 'members');
  const hasApps = ds.has('applications');
  return ds.all<Hit>(
    `WITH young AS (
       SELECT m.household_id, m.name, m.person_id, m.birth_date, m.relation
       FROM ${members} m
       WHERE m.birth_date > (SELECT max(posted_on) FROM ${cells}) - INTERVAL ${years} YEAR)
     , named AS MATERIALIZED (
       SELECT c.household_id, c._line, c.posted_on, c.position, c.label, y.name, y.person_id, y.birth_date, y.relation
       FROM young y JOIN ${cells} c ON c.household_id = y.household_id
       WHERE (length(y.name) >= 2 AND contains(c.value, y.name)) OR contains(c.value, y.person_id))
     -- The age on the posting date is compared on the few cells that name someone: inside the join
     -- (where DuckDB would put it) it cost more than the join itself, on every cell of a household.
     , hit AS (SELECT * FROM named WHERE birth_date > posted_on - INTERVAL ${years} YEAR)
     SELECT n.notice_id, hit.*, ${hasApps ? `coalesce(a.applicant_person_id = hit.person_id, false)` : 'false'} AS is_applicant
     FROM hit JOIN notices n ON n._line = hit._line
     ${hasApps ? 'LEFT JOIN applications a ON a.application_id = n.application_id' : ''}
     ORDER BY hit._line, hit.position, hit.person_id`,
  );
}

const RELATION_ZH: Record<string, string> = { head: '户主', spouse: '配偶', child: '子女', parent: '父母', sibling: '兄弟姐妹', grandparent: '祖父母', grandchild: '孙子女', other: '其他' };
