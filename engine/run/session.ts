// The export under audit when Cucumber runs inside `jiuzhu audit`: the CLI loads it once,
// sets it here, and the @audit steps read it. Each rule runs at most once per session,
// however many scenarios name it.
import { LoadedExport } from '../load/loader';
import { ResolvedProfile } from '../profile/profile';
import { ruleById, RULES_BY_ID } from '../../policies/rules';
import { auditRule } from './audit';
import { RuleResult } from './outcome';

interface Timed {
  result: RuleResult;
  ms: number;
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
  /** The last rule started: rules run one after another on the dataset's one connection. */
  queue: Promise<unknown>;
  /** Set when the session ends: rules still waiting in the queue do not start. */
  ended?: boolean;
}

let current: AuditSession | undefined;

export function startSession(loaded: LoadedExport, profile: ResolvedProfile): AuditSession {
  current = { loaded, profile, results: new Map(), timings: new Map(), started: new Map(), queue: Promise.resolve() };
  return current;
}

export function currentSession(): AuditSession | undefined {
  return current;
}

/** Ends the session once the rule running now (if any) is done: the dataset can then be closed. */
export async function endSession(): Promise<void> {
  const session = current;
  current = undefined;
  if (!session) return;
  session.ended = true;
  await session.queue;
}

function start(session: AuditSession, ruleId: string): Promise<Timed> {
  let run = session.started.get(ruleId);
  if (!run) {
    run = session.queue.then(async () => {
      if (session.ended) throw new Error(`the audit session ended before rule ${ruleId} ran`);
      const t = Date.now();
      const result = await auditRule(session.loaded, session.profile, ruleById(ruleId));
      return { result, ms: Date.now() - t };
    });
    // A failure reaches the scenario that asks for the rule, never an unhandled rejection here.
    run.catch(() => undefined);
    session.queue = run.catch(() => undefined);
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
  for (const id of ruleIds) if (RULES_BY_ID.has(id)) start(session, id);
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
