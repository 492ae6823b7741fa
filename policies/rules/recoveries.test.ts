import { expect } from 'chai';
import { FindingInput } from '../rule';
import { RecoveryLookup, RecoveryRecord, withRecovery } from './recoveries';

const input = (): FindingInput => ({
  severity: 'error',
  record: { collection: 'applications', id: 'A1' },
  message: { zh: '死亡后仍发放 1300.00 元', en: 'paid 1300.00 after death' },
  expected: null,
  actual: { payments: ['P1', 'P2'] },
  params: [],
  remedy: { zh: '追回 1300.00 元', en: 'recover 1300.00', amount_fen: 130000 },
});
const lookup = (...records: RecoveryRecord[]): RecoveryLookup => ({ of: (ids) => records.filter((r) => r.payment_ids.some((p) => ids.includes(p))) });
const collected = (fen: number, payment_ids = ['P1', 'P2']): RecoveryRecord => ({ recovery_id: 'R1', payment_ids, collected_fen: fen, last_on: fen ? '2024-06-20' : null });

describe('recoveries: what the export records of an overpayment', () => {
  it('leaves the finding exactly as made when the export has no recoveries', () => {
    expect(withRecovery(input(), 130000, ['P1', 'P2'], undefined)).to.deep.equal(input());
  });

  it('turns a finding recovered to the fen into info, naming the date', () => {
    const out = withRecovery(input(), 130000, ['P1', 'P2'], lookup(collected(130000)));
    expect(out.severity).to.equal('info');
    expect(out.message.zh).to.include('已于 2024-06-20 全额追回 1300.00 元');
    expect(out.related).to.deep.equal([{ collection: 'recoveries', id: 'R1' }]);
  });

  it('keeps the severity one fen short, and asks for the rest', () => {
    const out = withRecovery(input(), 130000, ['P1', 'P2'], lookup(collected(129999)));
    expect(out.severity).to.equal('error');
    expect(out.message.zh).to.include('尚欠 0.01 元');
    expect(out.remedy).to.deep.include({ amount_fen: 1 });
  });

  it('warns of a fen collected in excess, with a refund', () => {
    const out = withRecovery(input(), 130000, ['P1', 'P2'], lookup(collected(130001)));
    expect(out.severity).to.equal('warning');
    expect(out.remedy).to.deep.include({ amount_fen: -1 });
  });

  it('says so when no recovery names the payments, keeping severity and remedy', () => {
    const out = withRecovery(input(), 130000, ['P1', 'P2'], lookup(collected(130000, ['P9'])));
    expect(out.severity).to.equal('error');
    expect(out.message.zh).to.include('追缴记录中没有这笔追缴');
    expect(out.remedy).to.deep.equal(input().remedy);
  });

  it('says a recovery was ordered when nothing is collected yet', () => {
    const out = withRecovery(input(), 130000, ['P1', 'P2'], lookup(collected(0)));
    expect(out.message.zh).to.include('已决定追缴(R1),尚未追回');
    expect(out.remedy).to.deep.include({ amount_fen: 130000 });
  });
});
