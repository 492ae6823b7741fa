// NOTICE-FIELDS — a notice shows only the applicant's name, household size, benefit amount
// and village-level location; any other column, or a label nobody can classify, is a finding.
import { personal } from '../../../engine/findings/personal-data';
import { Finding } from '../../../engine/findings/finding';
import { auditPeriod, historyBeforePeriod } from '../../audit-period';
import { makeFinding, Rule } from '../../rule';
import { inPeriod, periodsOf, sqlList } from '../../periods';
import { CONTENT_CLAUSE } from './clause';
import { NoticeCell, noticeCells, noticeCount } from './columns';
import { categoryName, HOUSE_NUMBER_PATTERN, looksLikeStreetAddress, normaliseLabel, synonymIndex } from './labels';

const KEYS = ['notice.allowed_categories', 'notice.label_synonyms', 'notice.location_max_level'];

export const noticeFields: Rule = {
  id: 'NOTICE-FIELDS',
  family: 'notices',
  title: { zh: '公示内容仅限申请人姓名、家庭成员数量、保障金额、所在地', en: 'A notice shows only the applicant name, household size, benefit amount and location' },
  clause: CONTENT_CLAUSE,
  needs: ['notices'],
  reads: [],
  parameters: KEYS,
  async evaluate(ds, profile) {
    const findings: Finding[] = [];
    const cells = await noticeCells(ds);
    const labels = (await ds.all<{ label: string }>(`SELECT DISTINCT label FROM ${cells}`)).map((r) => r.label);
    for (const period of periodsOf(profile, KEYS)) {
      if (period.off) continue;
      const allowed = period.values['notice.allowed_categories']!;
      const synonyms = period.values['notice.label_synonyms']!;
      const level = period.values['notice.location_max_level'];
      const index = synonymIndex(synonyms.value as Record<string, string[]>);
      const allowedSet = new Set(allowed.value as string[]);
      const bad = labels.filter((l) => !allowedSet.has(index.get(normaliseLabel(l)) ?? ''));
      const location = labels.filter((l) => index.get(normaliseLabel(l)) === 'location');
      const rows = await ds.all<NoticeCell>(
        `SELECT notice_id, household_id, application_id, strftime(posted_on, '%Y-%m-%d') AS posted_on, _line, position, label, value FROM ${cells} c
         WHERE ${inPeriod('posted_on', period)} AND (label IN (${sqlList(bad)}) OR (label IN (${sqlList(location)}) AND regexp_matches(trim(value), '${HOUSE_NUMBER_PATTERN}')))
         ORDER BY _line, position`,
      );
      for (const cell of rows) {
        const category = index.get(normaliseLabel(cell.label));
        if (category === 'location' && !looksLikeStreetAddress(cell.value)) continue;
        const severity = period.preRule ? 'info' : 'error';
        const history = period.preRule ? { zh: '(隐私限制生效前的公示,作为历史记录,不计违规)', en: ' (posted before the privacy limit took effect: history, not a violation)' } : { zh: '', en: '' };
        const what =
          category === undefined
            ? { zh: `栏目「${cell.label}」无法识别,不能确认其不含个人信息`, en: `column "${cell.label}" is not recognised, so it cannot be shown to be harmless` }
            : category === 'location'
              ? { zh: `所在地「${cell.label}」细到门牌号,只可公示到村(社区)`, en: `location column "${cell.label}" goes down to a house number; only village/community level may be shown` }
              : { zh: `公示了不允许的栏目「${cell.label}」(${categoryName(category).zh})`, en: `notice shows a forbidden column "${cell.label}" (${categoryName(category).en})` };
        findings.push(
          makeFinding(noticeFields, {
            severity,
            record: ds.locate('notices', cell.notice_id, cell._line),
            on: String(cell.posted_on).slice(0, 10),
            related: [{ collection: 'households', id: cell.household_id }, ...(cell.application_id ? [{ collection: 'applications', id: cell.application_id }] : [])],
            message: { zh: what.zh + history.zh, en: what.en + history.en },
            expected: { categories: allowed.value, location_level: level?.value },
            actual: { label: cell.label, category: category ?? 'unrecognised', value: personal('text', cell.value) },
            params: [allowed, synonyms, ...(category === 'location' ? [level] : [])],
            remedy: category === undefined ? { zh: '撤下该栏目,或经业务人员确认后将其加入同义词表', en: 'take the column down, or have policy staff add it to the synonym list' } : { zh: '立即撤下或遮盖该栏目', en: 'take the column down or cover it at once' },
            detail: `${cell.position}`,
          }),
        );
      }
    }
    // A column posted before the audited period is history there, not this period's violation.
    return { findings: historyBeforePeriod(findings, auditPeriod(ds)), examined: await noticeCount(ds) };
  },
};
