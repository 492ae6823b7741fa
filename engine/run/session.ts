// The export under audit when Cucumber runs inside `jiuzhu audit`: the CLI loads it once,
// sets it here, and the @audit steps read it. Each rule runs at most once per session,
// however many scenarios name it.
import { LoadedExport } from '../load/loader';
import { ResolvedProfile } from '../profile/profile';
import { ruleById } from '../../policies/rules';
import { auditRule } from './audit';
import { RuleResult } from './outcome';

export interface AuditSession {
  loaded: LoadedExport;
  profile: ResolvedProfile;
  results: Map<string, RuleResult>;
  /** Milliseconds each rule took, for the progress log and the benchmark's profile. */
  timings: Map<string, number>;
}

let current: AuditSession | undefined;

export function startSession(loaded: LoadedExport, profile: ResolvedProfile): AuditSession {
  current = { loaded, profile, results: new Map(), timings: new Map() };
  return current;
}

export function currentSession(): AuditSession | undefined {
  return current;
}

export function endSession(): void {
  current = undefined;
}

export async function runInSession(session: AuditSession, ruleId: string): Promise<RuleResult> {
  let result = session.results.get(ruleId);
  if (!result) {
    const start = Date.now();
    result = await auditRule(session.loaded, session.profile, ruleById(ruleId));
    session.timings.set(ruleId, Date.now() - start);
    session.results.set(ruleId, result);
  }
  return result;
}
