import { expect } from 'chai';
import { BarredDef, Facts, reasonExemption, SituationDef } from './reasoning';

const none: Facts = { abuse_of_power: false, personal_gain: false, repeated_same_matter: false, failed_timely_remedy: false, major_loss: false, knowingly: false };
const situations: SituationDef[] = [
  { code: 'T01', zh: '探索性试验中的失误,未造成重大损失', en: 'exploratory', status: 'quoted', requires_absent: ['major_loss'] },
  { code: 'T02', zh: '客观原因出现偏差且及时纠正', en: 'corrected', status: 'quoted', requires_absent: ['failed_timely_remedy'] },
  { code: 'T03', zh: '待补充', en: 'tbd', status: 'to_complete' },
];
const barred: BarredDef[] = [
  { code: 'N01', zh: '滥用职权', en: 'abuse', status: 'quoted', when_all: ['abuse_of_power'] },
  { code: 'N04', zh: '未及时补救造成重大损失', en: 'late', status: 'quoted', when_all: ['failed_timely_remedy', 'major_loss'] },
  { code: 'N06', zh: '待补充', en: 'tbd', status: 'to_complete', when_all: [] },
];

describe('reasonExemption (exceptions beat rules)', () => {
  it('exempts on an applicable ground when no barred fact holds', () => {
    const r = reasonExemption(['T02'], none, situations, barred);
    expect(r.conclusion).to.equal('exemptable');
    expect(r.applicable.map((g) => g.code)).to.deep.equal(['T02']);
  });

  it('defeats three applicable grounds with one barred fact, whatever their order', () => {
    const facts = { ...none, abuse_of_power: true };
    for (const order of [['T01', 'T02', 'T03'], ['T03', 'T02', 'T01']]) {
      const r = reasonExemption(order, facts, situations, barred);
      expect(r.conclusion).to.equal('defeated');
      expect(r.applicable).to.have.length(3);
      expect(r.defeatedBy.map((b) => b.code)).to.deep.equal(['N01']);
    }
  });

  it('keeps "the ground does not reach the case" apart from "the conclusion is defeated"', () => {
    const r = reasonExemption(['T01'], { ...none, major_loss: true }, situations, barred);
    expect(r.conclusion).to.equal('no_ground');
    expect(r.inapplicable).to.deep.equal([{ code: 'T01', zh: situations[0].zh, wordingToComplete: false, because: ['major_loss'] }]);
    expect(r.defeatedBy).to.deep.equal([]);
  });

  it('needs every fact of a combined barred situation', () => {
    expect(reasonExemption(['T03'], { ...none, failed_timely_remedy: true }, situations, barred).conclusion).to.equal('exemptable');
    expect(reasonExemption(['T03'], { ...none, failed_timely_remedy: true, major_loss: true }, situations, barred).conclusion).to.equal('defeated');
  });

  it('reports codes the profile never defines (fail closed)', () => {
    const r = reasonExemption(['X99', 'T03'], none, situations, barred);
    expect(r.undefinedCodes).to.deep.equal(['X99']);
    expect(r.applicable.map((g) => g.code)).to.deep.equal(['T03']);
    expect(reasonExemption(['X99'], none, situations, barred).conclusion).to.equal('no_ground');
  });
});
