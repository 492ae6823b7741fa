// The exemption profiles carry the counts the seeds give (000 洞头 10/7; 001 铁岭 9 and 10 容缺
// situations, 寒亭 12/5) and say which wordings still await policy staff.
import { expect } from 'chai';
import { loadProfile } from '../../../engine/profile/load';
import { BarredDef, SituationDef } from './reasoning';

const on = '2024-06-01';
const situations = (id: string) => loadProfile(id).at<SituationDef[]>('exempt.situations', on)!.value;
const barred = (id: string) => loadProfile(id).at<BarredDef[]>('exempt.barred', on)!.value;

describe('exemption profiles', () => {
  it('list as many situations as the seeds count', () => {
    expect(situations('zhejiang-dongtou')).to.have.length(10);
    expect(barred('zhejiang-dongtou')).to.have.length(7);
    expect(situations('liaoning-tieling')).to.have.length(9);
    expect(situations('shandong-hanting')).to.have.length(12);
    expect(barred('shandong-hanting')).to.have.length(5);
    expect(loadProfile('liaoning-tieling').at<{ situations: unknown[] }>('elig.tolerance', on)!.value.situations).to.have.length(10);
  });

  it('mark every situation whose wording is not in the seed for policy staff to complete', () => {
    const seeded = (id: string) => situations(id).filter((s) => s.status === 'quoted').map((s) => s.code);
    expect(seeded('zhejiang-dongtou')).to.deep.equal([]);
    expect(seeded('liaoning-tieling')).to.deep.equal(['T01', 'T02']);
    expect(seeded('shandong-hanting')).to.deep.equal(['H01']);
    for (const id of ['zhejiang-dongtou', 'liaoning-tieling', 'shandong-hanting'])
      for (const s of situations(id).filter((x) => x.status === 'to_complete')) expect(s.zh, `${id} ${s.code}`).to.include('待业务人员补充');
  });

  it('bar abuse of power, personal gain and repeated error everywhere (the negative list)', () => {
    for (const id of ['zhejiang-dongtou', 'liaoning-tieling', 'shandong-hanting']) {
      const facts = barred(id).flatMap((b) => (b.when_all.length === 1 ? b.when_all : []));
      expect(facts, id).to.include.members(['abuse_of_power', 'personal_gain', 'repeated_same_matter', 'knowingly']);
      expect(barred(id).some((b) => b.when_all.join() === 'failed_timely_remedy,major_loss'), id).to.equal(true);
    }
  });

  it('give Dongtou one year of tracking with a talk every six months, and no tracking rule elsewhere', () => {
    expect(loadProfile('zhejiang-dongtou').at('exempt.tracking', on)!.value).to.deep.equal({ period: { value: 12, unit: 'months' }, talk_interval: { value: 6, unit: 'months' }, outcomes: ['exempt'] });
    expect(loadProfile('shandong-hanting').at('exempt.tracking', on)).to.equal(undefined);
  });

  it('keep the vehicle exemption local to Shunyi and the income exclusions national', () => {
    expect(loadProfile('national').at('elig.vehicle', on)).to.equal(undefined);
    expect(loadProfile('beijing-shunyi').at('elig.vehicle', on)!.definedBy).to.equal('beijing-shunyi');
    expect(loadProfile('beijing-shunyi').at('elig.income_exclusions', on)!.inherited).to.equal(true);
  });
});
