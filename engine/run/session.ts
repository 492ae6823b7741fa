// The export under audit when Cucumber runs inside `jiuzhu audit`: the CLI loads it once,
// sets it here, and the @audit steps read it. Each rule runs at most once per session,
// however many scenarios name it.
import { LoadedExport } from '../load/loader';
import { ResolvedProfile } from '../profile/profile';
import { ruleById, RULES_BY_ID } from '../../policies/rules';
import { vocabulary } from '../../policies/vocabulary/load';
import { Rule } from '../../policies/rule';
import { auditRule } from './audit';
import { RuleResult } from './outcome';

interface Timed {
  result: RuleResult;
  ms: number;
}

/** A connection rules run on, one after another (never two queries at once on one connection). */
export interface Lane {
  loaded: Promise<LoadedExport>;
  /** The last rule started on it. */
  queue: Promise<unknown>;
  /** Rules started on it and not yet settled. */
  pending: number;
}

export interface AuditSession {
  loaded: LoadedExport;
  profile: ResolvedProfile;
  /** The rules a scenario asked for, by id: what the report shows. */
  results: Map<string, RuleResult>;
  /** Milliseconds each rule took, for the progress log and the benchmark's profile. */
  timings: Map<string, number>;
  /** Rules started (ahead of their scenario, or by it), not yet asked for. */
  started: Map<string, Promise<Timed>>;
  /** The dataset's own connection, and a second one opened when a rule first needs it. */
  lanes: Lane[];
  /** Set when the session ends: rules still waiting in the queue do not start. */
  ended?: boolean;
  /** DuckDB's thread count before the rules ran on one thread each, restored when the session ends. */
  threads?: string;
  /** Settles once the rules' thread count is set: every connection's first rule waits for it. */
  ready: Promise<unknown>;
  /** Set once one connection ran out of rules while the other had some: DuckDB's threads were given back. */
  threadsBack?: boolean;
}

// Two rules at once, one per connection, use both cores. The cross-checks and the notice rules run
// on the second connection; the others, and every vocabulary rule (they share jz_calendar), on the
// first, which balances the two at county and at 100,000 households (the shared member scans are
// built once for both: engine/dataset/shared-scans.ts).
const SECOND_LANE_FAMILIES = new Set(['crosschecks', 'notices']);

// While the rules run, each query on one DuckDB thread: the two connections keep both cores busy,
// and splitting a query over threads only added work (a fifth to a quarter more CPU for the rules
// at 20,000 and 100,000 households).
async function oneThreadEach(session: AuditSession): Promise<void> {
  session.threads = await session.loaded.dataset.oneThreadPerQuery();
}

function laneOf(rule: Rule): number {
  return SECOND_LANE_FAMILIES.has(rule.family) && !vocabulary().rules.includes(rule) ? 1 : 0;
}

let current: AuditSession | undefined;

export function startSession(loaded: LoadedExport, profile: ResolvedProfile): AuditSession {
  const own: Lane = { loaded: Promise.resolve(loaded), queue: Promise.resolve(), pending: 0 };
  current = { loaded, profile, results: new Map(), timings: new Map(), started: new Map(), lanes: [own], ready: Promise.resolve() };
  return current;
}

export function currentSession(): AuditSession | undefined {
  return current;
}

/** Ends the session once the rules running now (if any) are done: the dataset can then be closed. */
export async function endSession(): Promise<void> {
  const session = current;
  current = undefined;
  if (!session) return;
  session.ended = true;
  await Promise.all(session.lanes.map((l) => l.queue));
  for (const lane of session.lanes.slice(1)) await lane.loaded.then((l) => l.dataset.unhide()).catch(() => undefined);
  if (session.threads) await session.loaded.dataset.run(`SET threads = ${session.threads}`).catch(() => undefined);
}

// One thread per query suits two busy connections; once one has no rule left, the other's
// queries get DuckDB's threads back, or the last rules of a large export run on one core
// (at 1,000,000 households the two connections' rules differ by several seconds).
export function drained(session: AuditSession, idle: Lane): void {
  if (!session.threads || session.threadsBack || session.ended || !session.lanes.some((l) => l.pending > 0)) return;
  session.threadsBack = true;
  // In the idle connection's queue: a rule asked for later on it must not share the connection with this.
  idle.queue = idle.queue
    .then(() => idle.loaded)
    .then((l) => l.dataset.run(`SET threads = ${session.threads}`))
    .catch(() => undefined);
}

function lane(session: AuditSession, n: number): Lane {
  if (!session.lanes[n]) {
    const loaded = session.ready.then(() => session.loaded.dataset.ownConnection()).then((dataset) => ({ ...session.loaded, dataset }));
    loaded.catch(() => undefined);
    session.lanes[n] = { loaded, queue: Promise.resolve(), pending: 0 };
  }
  return session.lanes[n];
}

function start(session: AuditSession, ruleId: string): Promise<Timed> {
  let run = session.started.get(ruleId);
  if (!run) {
    const known = RULES_BY_ID.get(ruleId);
    const on = lane(session, known ? laneOf(known) : 0);
    run = on.queue.then(async () => {
      if (session.ended) throw new Error(`the audit session ended before rule ${ruleId} ran`);
      const loaded = await on.loaded;
      const t = Date.now();
      const result = await auditRule(loaded, session.profile, ruleById(ruleId));
      return { result, ms: Date.now() - t };
    });
    // A failure reaches the scenario that asks for the rule, never an unhandled rejection here.
    run.catch(() => undefined);
    on.queue = run.catch(() => undefined);
    on.pending++;
    on.queue.then(() => --on.pending || drained(session, on));
    session.started.set(ruleId, run);
  }
  return run;
}

/**
 * Starts the rules the selected scenarios will ask for, in their order, while Cucumber is still
 * starting: the rules' SQL runs on DuckDB's threads while Cucumber loads and parses on this one.
 * A rule only enters the report when a scenario asks for it (`runInSession`).
 */
export function runAhead(session: AuditSession, ruleIds: readonly string[]): void {
  const rules = ruleIds.flatMap((id) => RULES_BY_ID.get(id) ?? []);
  // One thread each only when both connections will have rules: alone, a connection keeps DuckDB's threads.
  const both = new Set(rules.map(laneOf)).size > 1;
  if (both && session.started.size === 0 && !session.threads) {
    const own = session.lanes[0];
    own.queue = session.ready = own.queue.then(() => oneThreadEach(session)).catch(() => undefined);
  }
  for (const rule of rules) start(session, rule.id);
}

export async function runInSession(session: AuditSession, ruleId: string): Promise<RuleResult> {
  let result = session.results.get(ruleId);
  if (!result) {
    const done = await start(session, ruleId).catch((e) => {
      session.started.delete(ruleId); // asked again, a rule that failed runs again
      throw e;
    });
    result = done.result;
    session.timings.set(ruleId, done.ms);
    session.results.set(ruleId, result);
  }
  return result;
}
