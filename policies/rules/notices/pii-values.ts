// NOTICE-PII-VALUES — no cell of a notice may hold a resident ID number, a mobile number or a
// bank card number, whatever its column is called.
import { Dataset } from '../../../engine/dataset/dataset';
import { personal } from '../../../engine/findings/personal-data';
import { frameRule } from '../../frame';
import { CONTENT_CLAUSE } from './clause';
import { flaggedCellsSql, NoticeCell, noticeCells, noticeCount, oncePerRun, postedIn } from './columns';
import { CANDIDATE_SQL, findPersonalValues, PersonalValueKind } from './personal-values';

const KIND_NAMES: Record<PersonalValueKind, { zh: string; en: string; mask: 'id' | 'phone' | 'card' }> = {
  id_number: { zh: '身份证号', en: 'resident ID number', mask: 'id' },
  phone: { zh: '手机号码', en: 'mobile number', mask: 'phone' },
  bank_card: { zh: '银行卡号', en: 'bank card number', mask: 'card' },
};

export const noticePiiValues = frameRule({
  id: 'NOTICE-PII-VALUES',
  family: 'notices',
  title: { zh: '公示任何栏目不得出现身份证号、手机号、银行卡号', en: 'No notice cell holds an ID number, mobile number or bank card number' },
  clause: CONTENT_CLAUSE,
  needs: ['notices'],
  reads: [],
  // The rule binds from the privacy limit's effective date; the categories parameter carries it.
  parameters: ['notice.allowed_categories'],
  before: { note: { zh: '(隐私限制生效前的公示,作为历史记录)', en: ' (posted before the privacy limit: history)' } },
  // A number posted before the audited period is history there, not this period's violation.
  historyBeforeAuditPeriod: true,
  async eachSpan(span, ctx) {
    const { ds } = ctx;
    const rows = (await oncePerRun(ctx, 'candidates', () => candidates(ds))).filter((c) => postedIn(span, c.posted_on));
    for (const cell of rows)
      for (const [i, pv] of findPersonalValues(cell.value).entries()) {
        const k = KIND_NAMES[pv.kind];
        ctx.find(span, {
          severity: 'error',
          record: ds.locate('notices', cell.notice_id, cell._line),
          on: String(cell.posted_on).slice(0, 10),
          related: [{ collection: 'households', id: cell.household_id }],
          message: { zh: `栏目「${cell.label}」中公示了${k.zh}`, en: `column "${cell.label}" shows a ${k.en}` },
          expected: { zh: '不含个人识别号码', en: 'no personal identifying number' },
          actual: { label: cell.label, kind: pv.kind, value: personal(k.mask, pv.value) },
          params: [span.param('notice.allowed_categories')],
          remedy: { zh: '立即撤下该公示并重新张贴不含该号码的版本', en: 'take the notice down and repost it without the number' },
          detail: `${cell.position}:${i}`,
        });
      }
  },
  async whole(ctx) {
    ctx.examine(await noticeCount(ctx.ds));
  },
});

/** The cells that may hold a number, in notice then column order. */
const candidates = (ds: Dataset) => noticeCells(ds).then((cells) => ds.all<NoticeCell>(flaggedCellsSql(cells, CANDIDATE_SQL)));
