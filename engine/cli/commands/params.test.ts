// `jiuzhu params`, through the real entry point in this process.
import { expect } from 'chai';
import { runCli as run } from '../../../tests/support/cli';
import { ParametersInForce, splitUnit } from './params';

const json = async (...args: string[]): Promise<ParametersInForce> => {
  const r = await run('params', ...args, '--json');
  expect(r.code, r.stderr).to.equal(0);
  return JSON.parse(r.stdout);
};

describe('jiuzhu params', function () {
  this.timeout(30_000);

  it('gives the value in force on the date, with the date it took effect', async () => {
    const before = (await json('--profile', 'neimenggu-naiman', '--on', '2022-01-01')).parameters.find((p) => p.key === 'notice.label_synonyms')!;
    const after = (await json('--profile', 'neimenggu-naiman', '--on', '2024-06-01')).parameters.find((p) => p.key === 'notice.label_synonyms')!;
    expect(before.from).to.equal('2021-11-01');
    expect(after.from).to.equal('2022-06-21');
    expect(after.value).not.to.deep.equal(before.value);
  });

  it('says whether the profile sets the value or inherits it, and from which profile', async () => {
    const before = (await json('--profile', 'neimenggu-naiman', '--on', '2022-01-01')).parameters.find((p) => p.key === 'notice.label_synonyms')!;
    const after = (await json('--profile', 'neimenggu-naiman', '--on', '2024-06-01')).parameters.find((p) => p.key === 'notice.label_synonyms')!;
    expect(before).to.include({ inherited: true, profile: 'national' });
    expect(after).to.include({ inherited: false, profile: 'neimenggu-naiman' });
  });

  it('cites the source of each value', async () => {
    const p = (await json('--profile', 'national', '--on', '2024-06-01')).parameters.find((x) => x.key === 'notice.min_days')!;
    expect(p.source).to.include('《最低生活保障审核确认办法》(民发〔2021〕57号)');
  });

  it('splits a duration into its count and its unit', async () => {
    const p = (await json('--profile', 'national', '--on', '2024-06-01')).parameters.find((x) => x.key === 'elig.emergency_paperwork')!;
    expect(p).to.include({ value: 10, unit: 'working_days' });
  });

  it('reads a unit in either shape, and leaves a value without one alone', () => {
    expect(splitUnit({ value: 5, unit: 'working_days' })).to.deep.equal({ value: 5, unit: 'working_days' });
    expect(splitUnit(7)).to.deep.equal({ value: 7 });
    expect(splitUnit({ yuan: 30000 })).to.deep.equal({ value: { yuan: 30000 } });
  });

  it('names the parameters that have no value on the date', async () => {
    const r = await json('--profile', 'national', '--on', '2020-01-01');
    expect(r.not_in_force).to.include('dup.deceased_programs');
    expect(r.parameters.map((p) => p.key)).not.to.include('dup.deceased_programs');
  });

  it('prints Chinese first, then English, with the unit in words', async () => {
    const r = await run('params', '--profile', 'national', '--on', '2024-06-01');
    expect(r.stdout).to.match(/^政策配置 profile: national\n日期 on: 2024-06-01\n/);
    expect(r.stdout).to.include('elig.emergency_paperwork = 10 工作日 working days\n');
    expect(r.stdout).to.include('  自 from 2017-01-01; 由本配置设定 set by national\n');
  });

  it('refuses a call without --profile: one line in each language, exit 2', async () => {
    const r = await run('params');
    expect(r.code).to.equal(2);
    expect(r.stdout).to.equal('');
    expect(r.stderr).to.equal("jiuzhu: 缺少必需的选项 --profile(见 --help)\njiuzhu: required option '--profile <id>' not specified (see --help)\n");
  });

  it('refuses a date that does not exist: one line in each language, exit 2', async () => {
    const r = await run('params', '--profile', 'national', '--on', '2024-02-30');
    expect(r.code).to.equal(2);
    expect(r.stderr.split('\n').filter(Boolean)).to.deep.equal(['jiuzhu: --on 应为存在的日期 YYYY-MM-DD,而非 "2024-02-30"', 'jiuzhu: --on must be a real date as YYYY-MM-DD, not "2024-02-30"']);
  });
});
