// Rules started ahead of their scenarios (while Cucumber starts): a rule enters the report only
// when a scenario asks for it, runs once however often it is asked, and ending the session stops
// the rules still waiting.
import { expect } from 'chai';
import path from 'node:path';
import { loadExport, LoadedExport } from '../load/loader';
import { loadProfile } from '../profile/load';
import { endSession, runAhead, runInSession, startSession } from './session';

const FIX = path.resolve(__dirname, '..', '..', 'tests', 'fixtures', 'exports', 'notices-clean.json');

describe('rules started ahead in an audit session', function () {
  this.timeout(60_000);
  let loaded: LoadedExport;
  before(async () => (loaded = await loadExport(FIX)));
  after(() => loaded.dataset.close());
  afterEach(() => endSession());

  it('leaves a rule started ahead out of the results until a scenario asks for it', async () => {
    const session = startSession(loaded, loadProfile('national'));
    runAhead(session, ['NOTICE-MINORS', 'NOTICE-FIELDS']);
    await session.started.get('NOTICE-FIELDS');
    expect([...session.results.keys()]).to.deep.equal([]);
    const r = await runInSession(session, 'NOTICE-FIELDS');
    expect(r.rule.id).to.equal('NOTICE-FIELDS');
    expect([...session.results.keys()]).to.deep.equal(['NOTICE-FIELDS']);
    expect([...session.timings.keys()]).to.deep.equal(['NOTICE-FIELDS']);
  });

  it('runs a rule once however often it is started and asked for', async () => {
    const session = startSession(loaded, loadProfile('national'));
    runAhead(session, ['NOTICE-MINORS']);
    const first = session.started.get('NOTICE-MINORS');
    runAhead(session, ['NOTICE-MINORS']);
    expect(session.started.get('NOTICE-MINORS')).to.equal(first);
    expect(await runInSession(session, 'NOTICE-MINORS')).to.equal(await runInSession(session, 'NOTICE-MINORS'));
  });

  it('runs the rules on one DuckDB thread each and restores the thread count when the session ends', async () => {
    const threads = async () => (await loaded.dataset.all<{ t: string }>(`SELECT current_setting('threads')::VARCHAR AS t`))[0].t;
    const before = await threads();
    const session = startSession(loaded, loadProfile('national'));
    await runInSession(session, 'NOTICE-FIELDS');
    expect(await threads()).to.equal('1');
    await endSession();
    expect(await threads()).to.equal(before);
  });

  it('skips a tag that names no rule', () => {
    const session = startSession(loaded, loadProfile('national'));
    runAhead(session, ['NOTICE-NO-SUCH-RULE']);
    expect(session.started.size).to.equal(0);
  });

  it('stops the rules still waiting when the session ends', async () => {
    const session = startSession(loaded, loadProfile('national'));
    runAhead(session, ['NOTICE-MINORS', 'NOTICE-FIELDS', 'NOTICE-PERIOD']);
    await endSession();
    const last = await session.started.get('NOTICE-PERIOD')!.then(
      () => 'ran',
      (e: Error) => e.message,
    );
    expect(last).to.match(/session ended before rule NOTICE-PERIOD ran/);
  });
});
