// Rules started ahead of their scenarios (while Cucumber starts): a rule enters the report only
// when a scenario asks for it, runs once however often it is asked, and ending the session stops
// the rules still waiting.
import { expect } from 'chai';
import path from 'node:path';
import { loadExport, LoadedExport } from '../load/loader';
import { loadProfile } from '../profile/load';
import { AuditSession, drained, endSession, Lane, runAhead, runInSession, startSession } from './session';

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

  describe('DuckDB threads while the rules run (as an audit runs: JIUZHU_THREADS unset)', () => {
    const threads = async () => (await loaded.dataset.all<{ t: string }>(`SELECT current_setting('threads')::VARCHAR AS t`))[0].t;
    // Test processes pin DuckDB to one thread (JIUZHU_THREADS=1), which an audit leaves alone.
    const pinned = process.env.JIUZHU_THREADS;
    beforeEach(async () => {
      delete process.env.JIUZHU_THREADS;
      await loaded.dataset.run(`SET threads = 2`);
    });
    afterEach(async () => {
      if (pinned !== undefined) process.env.JIUZHU_THREADS = pinned;
      await loaded.dataset.run(`SET threads = ${pinned ?? 2}`);
    });

    it('runs rules on both connections on one thread each, and restores the count when the session ends', async () => {
      const session = startSession(loaded, loadProfile('national'));
      runAhead(session, ['NOTICE-FIELDS', 'CONTRACT-ID-CHECK']);
      await session.ready;
      expect(await threads()).to.equal('1');
      await runInSession(session, 'NOTICE-FIELDS');
      await endSession();
      expect(await threads()).to.equal('2');
    });

    it('leaves the threads alone when every rule runs on one connection', async () => {
      const session = startSession(loaded, loadProfile('national'));
      runAhead(session, ['NOTICE-FIELDS', 'NOTICE-MINORS']);
      await runInSession(session, 'NOTICE-MINORS');
      expect(await threads()).to.equal('2');
    });

    it('gives the threads back when one connection has no rule left while the other has', async () => {
      const session = startSession(loaded, loadProfile('national'));
      runAhead(session, ['CONTRACT-ID-CHECK', 'NOTICE-FIELDS']);
      // The second connection is held busy, as by a long rule, until the first has drained.
      session.lanes[1].pending++;
      await runInSession(session, 'CONTRACT-ID-CHECK');
      await session.lanes[0].queue;
      expect(session.threadsBack).to.equal(true);
      expect(await threads()).to.equal('2');
      session.lanes[1].pending--;
    });
  });

  describe('when one connection runs out of rules', () => {
    const sent: string[] = [];
    const laneOf = (pending: number): Lane => ({ pending, queue: Promise.resolve(), loaded: Promise.resolve({ dataset: { run: async (sql: string) => sent.push(sql) } } as unknown as LoadedExport) });
    const sessionOf = (lanes: Lane[], threads?: string) => ({ lanes, threads }) as unknown as AuditSession;
    const settle = () => new Promise((next) => setImmediate(next));
    beforeEach(() => (sent.length = 0));

    it('gives DuckDB its threads back while the other connection still has rules', async () => {
      const [idle, busy] = [laneOf(0), laneOf(3)];
      const session = sessionOf([idle, busy], '2');
      drained(session, idle);
      drained(session, idle);
      await settle();
      expect(sent).to.deep.equal(['SET threads = 2']);
      expect(session.threadsBack).to.equal(true);
    });

    it('leaves the thread count alone when no connection has rules left', async () => {
      const [a, b] = [laneOf(0), laneOf(0)];
      drained(sessionOf([a, b], '2'), a);
      await settle();
      expect(sent).to.deep.equal([]);
    });

    it('leaves the thread count alone when the rules did not set it (JIUZHU_THREADS)', async () => {
      const [idle, busy] = [laneOf(0), laneOf(1)];
      drained(sessionOf([idle, busy]), idle);
      await settle();
      expect(sent).to.deep.equal([]);
    });
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
