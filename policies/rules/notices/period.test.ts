// NOTICE-PERIOD states its minimum with the unit the profile gives it, in the title and in each
// finding; a working-day count it cannot make (outside the calendar's years) is not reviewed.
import { expect } from 'chai';
import { loadRecords } from '../../../engine/load/from-records';
import { loadProfile } from '../../../engine/profile/load';
import { auditRule } from '../../../engine/run/audit';
import { ruleTitle } from '../../rule';
import { application, household } from '../exemptions/testing';
import { noticePeriod } from './period';

const COUNTY = 'tests/fixtures/profiles/working-days-county.yaml';

async function judge(profile: string, postedOn: string, endsOn: string) {
  const hh = household(1);
  const app = application(hh, { applied_on: '2024-01-02' });
  const notice = { notice_id: 'N001', application_id: app.application_id, household_id: hh.household_id, kind: 'review', posted_on: postedOn, ends_on: endsOn, channel: '村务公开栏', columns: [] };
  const loaded = await loadRecords({ households: [hh], applications: [app], notices: [notice] } as any);
  try {
    return await auditRule(loaded, loadProfile(profile), noticePeriod);
  } finally {
    loaded.dataset.close();
  }
}

describe('NOTICE-PERIOD, with the unit of its minimum', function () {
  this.timeout(30_000);

  it('prints the unit in the title: 7天 nationally, 5个工作日 in a working-day county', () => {
    expect(ruleTitle(noticePeriod, loadProfile('national')).zh).to.contain('公示期不少于7天');
    expect(ruleTitle(noticePeriod, loadProfile(COUNTY)).zh).to.contain('公示期不少于5个工作日');
    expect(ruleTitle(noticePeriod, loadProfile(COUNTY)).en).to.contain('at least 5 working days');
  });

  it('says how many working days a short notice ran and the day it had to run to', async () => {
    const r = await judge(COUNTY, '2024-03-07', '2024-03-11');
    expect(r.findings).to.have.length(1);
    expect(r.findings[0].message.zh).to.equal('公示期3个工作日(2024-03-07 至 2024-03-11),少于5个工作日(应至少公示至 2024-03-13)');
    expect(r.findings[0].actual).to.deep.include({ working_days: 3 });
  });

  it('counts the same notice in calendar days under the national profile', async () => {
    const r = await judge('national', '2024-03-07', '2024-03-11');
    expect(r.findings[0].message.zh).to.equal('公示期5天(2024-03-07 至 2024-03-11),少于7天(应至少公示至 2024-03-13)');
    expect(r.findings[0].expected).to.deep.equal({ min_days: 7 });
  });

  it('does not review a working-day count outside the calendar\'s known years', async () => {
    const r = await judge(COUNTY, '2031-03-06', '2031-03-10');
    expect(r.findings).to.deep.equal([]);
    expect(r.outcome).to.equal('not_reviewed');
  });
});
