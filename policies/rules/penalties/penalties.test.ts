import { expect } from 'chai';
import { loadRecords } from '../../../engine/load/from-records';
import { loadProfile } from '../../../engine/profile/load';
import { parseMoneyToFen } from '../../../steps/money';
import { Rule } from '../../rule';
import { penBlacklist } from './blacklist';
import { penFine } from './fine';
import { assess } from './grading';
import { penRecover } from './recover';
import { penRepair } from './repair';
import { penStop } from './stop';
import { fraudCase, payment } from './testing';
import { penTier } from './tier';
import { penTransfer } from './transfer';

const xiantao = () => loadProfile('hubei-xiantao');
const tieling = () => loadProfile('liaoning-tieling');
const grade = (stage: 'application' | 'in_receipt', yuan: string, circumstances: string[] = [], date = '2024-03-01') =>
  assess(xiantao(), { stage, amountFen: parseMoneyToFen(`${yuan}元`), circumstances }, date, date).tier;

async function run(rule: Rule, records: Record<string, unknown[]>, profile = xiantao()) {
  const loaded = await loadRecords(records);
  try {
    expect(loaded.dataset.rejected, JSON.stringify(loaded.dataset.rejected)).to.deep.equal([]);
    return await rule.evaluate(loaded.dataset, profile);
  } finally {
    loaded.dataset.close();
  }
}

describe('penalty grading (Xiantao)', () => {
  it('puts 10,000 at application in the general tier and one fen more in serious', () => {
    expect(grade('application', '9999.99')).to.equal('general');
    expect(grade('application', '10000')).to.equal('general');
    expect(grade('application', '10000.01')).to.equal('serious');
  });
  it('puts 20,000 in receipt in the general tier and one fen more in serious', () => {
    expect(grade('in_receipt', '19999.99')).to.equal('general');
    expect(grade('in_receipt', '20000')).to.equal('general');
    expect(grade('in_receipt', '20000.01')).to.equal('serious');
  });
  it('raises a case to severe from each aggravating threshold on, inclusive', () => {
    expect(grade('in_receipt', '19999.99', ['concealed_death'])).to.equal('general');
    expect(grade('in_receipt', '20000', ['concealed_death'])).to.equal('severe');
    expect(grade('application', '9999.99', ['public_funded_for_relative'])).to.equal('general');
    expect(grade('application', '10000', ['public_funded_for_relative'])).to.equal('severe');
    expect(grade('application', '19999.99', ['refused_penalty'])).to.equal('serious');
    expect(grade('application', '20000', ['refused_penalty'])).to.equal('severe');
  });
  it('computes the fine range in integer fen', () => {
    const a = assess(xiantao(), { stage: 'application', amountFen: 1_000_001, circumstances: [] }, '2024-03-01', '2024-03-01');
    expect(a.requirements!.fine).to.deep.include({ minFen: 1_000_001, maxFen: 3_000_003 });
  });
  it('judges a case decided before the rules took effect as history', () => {
    expect(assess(xiantao(), { stage: 'application', amountFen: 100, circumstances: [] }, '2018-06-01').standing).to.equal('pre_rule');
  });
  it('grades a case by its tiers in force even before a later-set penalty parameter (credit repair) takes effect', () => {
    const repair = tieling().timeline('penalty.credit_repair')[0].value;
    const later = xiantao().withValue('penalty.credit_repair', repair, '2025-01-01', 'credit repair set later than the tiers');
    const a = assess(later, { stage: 'application', amountFen: 100, circumstances: [] }, '2024-03-01', '2024-03-01');
    expect(a.standing).to.equal('in_force');
    expect(a.tier).to.equal('general');
  });
  it('does not grade a case where the profile switched its tiers off', () => {
    const off = xiantao().withValue('penalty.grading', null, '2019-01-01', 'tiers switched off');
    expect(assess(off, { stage: 'application', amountFen: 100, circumstances: [] }, '2024-03-01').standing).to.equal('off');
  });
});

describe('PEN-* rules over records', () => {
  it('PEN-TIER reports a serious tier recorded for a 10,000 yuan application fraud, with the reason', async () => {
    const r = await run(penTier, { fraud_cases: [fraudCase({ amount: 10000, decision: { decided_on: '2024-03-01', tier: 'serious', fine_amount: 10000, verification_frequency_raised: true } })] });
    expect(r.findings.map((f) => f.message.zh)).to.have.length(1);
    expect(r.findings[0].message.zh).to.match(/记录为较重失信,按政策配置应为一般失信.*\[0, 10000\]/);
  });
  it('PEN-FINE accepts exactly 1× and 3×, refuses a fen outside, and a fine the tier does not carry', async () => {
    const at = (fine: number, amount = 10000.01) => run(penFine, { fraud_cases: [fraudCase({ amount, decision: { decided_on: '2024-03-01', tier: 'serious', fine_amount: fine } })] });
    expect((await at(10000.01)).findings).to.have.length(0);
    expect((await at(30000.03)).findings).to.have.length(0);
    expect((await at(10000)).findings).to.have.length(1);
    expect((await at(30000.04)).findings).to.have.length(1);
    expect((await at(500, 5000)).findings[0].message.zh).to.match(/一般失信不处罚款/);
  });
  it('PEN-RECOVER reports a shortfall with the amount still to recover', async () => {
    const r = await run(penRecover, { fraud_cases: [fraudCase({ amount: 8000, decision: { decided_on: '2024-03-01', tier: 'general', recovered_amount: 7999.99 } })] });
    expect(r.findings[0].remedy!.amount_fen).to.equal(1);
  });
  it('PEN-BLACKLIST reports a missing entry for severe and an entry for general', async () => {
    const r = await run(penBlacklist, {
      fraud_cases: [
        fraudCase({ case_id: 'C1', amount: 25000, stage: 'in_receipt', circumstances: ['concealed_death'], decision: { decided_on: '2024-03-01', tier: 'severe', fine_amount: 25000 } }),
        fraudCase({ case_id: 'C2', amount: 500, decision: { decided_on: '2024-03-01', tier: 'general', blacklisted: true } }),
      ],
    });
    expect(r.findings.map((f) => f.record.id)).to.deep.equal(['C1', 'C2']);
  });
  it('PEN-STOP (Tieling) reports payments from the decision month on', async () => {
    const r = await run(
      penStop,
      {
        fraud_cases: [fraudCase({ amount: 5000, decision: { decided_on: '2024-03-20', tier: 'serious', blacklisted: true, assistance_stopped_from: '2024-03' } })],
        payments: [payment({ payment_id: 'P1', month: '2024-02', amount: 600 }), payment({ payment_id: 'P2', month: '2024-03', amount: 600 }), payment({ payment_id: 'P3', month: '2024-04', amount: 600.5 })],
      },
      tieling(),
    );
    expect(r.findings).to.have.length(1);
    expect(r.findings[0].remedy!.amount_fen).to.equal(120050);
    expect(r.findings[0].related.map((x) => x.id)).to.include.members(['P2', 'P3']);
  });
  it('PEN-TRANSFER requires court enforcement on refusal and a criminal transfer from 30,000', async () => {
    const r = await run(penTransfer, {
      fraud_cases: [
        fraudCase({ case_id: 'C1', amount: 30000, decision: { decided_on: '2024-03-01', tier: 'serious', fine_amount: 30000 } }),
        fraudCase({ case_id: 'C2', amount: 29999.99, decision: { decided_on: '2024-03-01', tier: 'serious', fine_amount: 30000 } }),
      ],
    });
    expect(r.findings.map((f) => f.record.id)).to.deep.equal(['C1']);
  });
  it('marks decided cases not reviewed under a profile without penalty tiers (national)', async () => {
    const r = await run(penTier, { fraud_cases: [fraudCase({ amount: 500, decision: { decided_on: '2024-03-01', tier: 'general' } })] }, loadProfile('national'));
    expect(r.findings).to.have.length(0);
    expect(r.examined).to.equal(0);
    expect(r.notReviewed!.count).to.equal(1);
  });
  it('PEN-REPAIR (Tieling) checks the six months and the 15 working days across National Day', async () => {
    const repair = (corrected: string, decided: string) =>
      run(penRepair, { fraud_cases: [fraudCase({ amount: 5000, decision: { decided_on: '2024-03-15', tier: 'serious', assistance_stopped_from: '2024-03' }, credit_repair: { corrected_on: corrected, repaid_on: corrected, applied_on: '2024-09-20', decided_on: decided, granted: true } })] }, tieling());
    expect((await repair('2024-09-15', '2024-10-16')).findings).to.have.length(0);
    expect((await repair('2024-09-16', '2024-10-16')).findings.map((f) => f.message.zh)).to.have.length(1);
    expect((await repair('2024-09-15', '2024-10-17')).findings[0].message.zh).to.match(/应在15个工作日内\(至迟 2024-10-16\)/);
  });
});
