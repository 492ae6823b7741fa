// NOTICE-FIELDS — a notice shows only the applicant's name, household size, benefit amount
// and village-level location; any other column, or a label nobody can classify, is a finding.
import { Dataset } from '../../../engine/dataset/dataset';
import { personal } from '../../../engine/findings/personal-data';
import { frameRule, sqlList } from '../../frame';
import { CONTENT_CLAUSE } from './clause';
import { flaggedCellsSql, NoticeCell, noticeCells, noticeCount, oncePerRun, postedIn } from './columns';
import { categoryName, HOUSE_NUMBER_PATTERN, looksLikeStreetAddress, normaliseLabel, synonymIndex } from './labels';

export const noticeFields = frameRule({
  id: 'NOTICE-FIELDS',
  family: 'notices',
  title: { zh: '公示内容仅限申请人姓名、家庭成员数量、保障金额、所在地', en: 'A notice shows only the applicant name, household size, benefit amount and location' },
  clause: CONTENT_CLAUSE,
  needs: ['notices'],
  reads: [],
  parameters: ['notice.allowed_categories', 'notice.label_synonyms', 'notice.location_max_level'],
  before: { note: { zh: '(隐私限制生效前的公示,作为历史记录,不计违规)', en: ' (posted before the privacy limit took effect: history, not a violation)' } },
  // A column posted before the audited period is history there, not this period's violation.
  historyBeforeAuditPeriod: true,
  async eachSpan(span, ctx) {
    const { ds } = ctx;
    const cells = await noticeCells(ds);
    // Read once per run: each span judges the same labels, and the same flagged cells when its synonyms are the same.
    const labels = await oncePerRun(ctx, 'labels', async () => (await ds.all<{ label: string }>(`SELECT DISTINCT label FROM ${cells}`)).map((r) => r.label));
    const allowed = span.param('notice.allowed_categories');
    const synonyms = span.param('notice.label_synonyms');
    const level = span.maybe('notice.location_max_level');
    const index = synonymIndex(synonyms.value);
    const allowedSet = new Set(allowed.value);
    const bad = labels.filter((l) => !allowedSet.has(index.get(normaliseLabel(l)) ?? ''));
    const location = labels.filter((l) => index.get(normaliseLabel(l)) === 'location');
    const rows = (await oncePerRun(ctx, JSON.stringify([bad, location]), () => flagged(ds, cells, bad, location))).filter((c) => postedIn(span, c.posted_on));
    for (const cell of rows) {
      const category = index.get(normaliseLabel(cell.label));
      if (category === 'location' && !looksLikeStreetAddress(cell.value)) continue;
      const what =
        category === undefined
          ? { zh: `栏目「${cell.label}」无法识别,不能确认其不含个人信息`, en: `column "${cell.label}" is not recognised, so it cannot be shown to be harmless` }
          : category === 'location'
            ? { zh: `所在地「${cell.label}」细到门牌号,只可公示到村(社区)`, en: `location column "${cell.label}" goes down to a house number; only village/community level may be shown` }
            : { zh: `公示了不允许的栏目「${cell.label}」(${categoryName(category).zh})`, en: `notice shows a forbidden column "${cell.label}" (${categoryName(category).en})` };
      ctx.find(span, {
        severity: 'error',
        record: ds.locate('notices', cell.notice_id, cell._line),
        on: String(cell.posted_on).slice(0, 10),
        related: [{ collection: 'households', id: cell.household_id }, ...(cell.application_id ? [{ collection: 'applications', id: cell.application_id }] : [])],
        message: what,
        expected: { categories: allowed.value, location_level: level?.value },
        actual: { label: cell.label, category: category ?? 'unrecognised', value: personal('text', cell.value) },
        params: [allowed, synonyms, ...(category === 'location' ? [level] : [])],
        remedy: category === undefined ? { zh: '撤下该栏目,或经业务人员确认后将其加入同义词表', en: 'take the column down, or have policy staff add it to the synonym list' } : { zh: '立即撤下或遮盖该栏目', en: 'take the column down or cover it at once' },
        detail: `${cell.position}`,
      });
    }
  },
  async whole(ctx) {
    ctx.examine(await noticeCount(ctx.ds));
  },
});

/** Cells under a forbidden label or a location down to a house number, in notice then column order. */
const flagged = (ds: Dataset, cells: string, bad: string[], location: string[]) =>
  ds.all<NoticeCell>(
    flaggedCellsSql(cells, `label IN (${sqlList(bad)}) OR (label IN (${sqlList(location)}) AND regexp_matches(trim(value), '${HOUSE_NUMBER_PATTERN}'))`, `strftime(c.posted_on, '%Y-%m-%d')`),
  );
