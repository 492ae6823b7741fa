// The gate: marks each finding new, known (in the baseline) or waived, and lists what the baseline
// had that no longer occurs, waivers that expired and waivers that matched nothing. Pure.
import type { Baseline, BaselineFinding } from './baseline';
import type { Waiver } from './waivers';

export type FindingStatus = 'new' | 'known' | 'waived';

/** A waiver as the report shows it: the entry of the waiver file, without its line in that file. */
export type AppliedWaiver = Omit<Waiver, 'line'>;

export interface GateSection {
  today: string;
  baseline: null | {
    generated_at: string;
    profile: string;
    ruleset: { version: string; digest: string };
    /** What differs from this run: profile, rule-set version or digest (empty when nothing does). */
    differs: { key: 'profile' | 'ruleset.version' | 'ruleset.digest'; baseline: string; current: string }[];
  };
  resolved: BaselineFinding[];
  expired_waivers: AppliedWaiver[];
  stale_waivers: AppliedWaiver[];
}

interface Gateable {
  fingerprint: string;
  rule: string;
  record: { collection: string; id: string };
  status?: FindingStatus;
  waiver?: AppliedWaiver;
}

const applied = ({ line: _line, ...w }: Waiver): AppliedWaiver => w;

const matches = (w: Waiver, f: Gateable) =>
  w.rule === f.rule && (w.fingerprint ? w.fingerprint === f.fingerprint : !!w.record && w.record.collection === f.record.collection && w.record.id === f.record.id);

export function applyGate<F extends Gateable>(
  findings: F[],
  current: { profile: string; ruleset: { version: string; digest: string } },
  opts: { baseline?: Baseline; waivers?: Waiver[]; today: string },
): GateSection {
  const known = new Set(opts.baseline?.findings.map((f) => f.fingerprint));
  const live = (opts.waivers ?? []).filter((w) => w.expires >= opts.today);
  const used = new Set<Waiver>();
  for (const f of findings) {
    const w = live.find((x) => matches(x, f));
    if (w) {
      used.add(w);
      f.status = 'waived';
      f.waiver = applied(w);
    } else f.status = opts.baseline && known.has(f.fingerprint) ? 'known' : 'new';
  }
  const seen = new Set(findings.map((f) => f.fingerprint));
  const b = opts.baseline;
  const differs: NonNullable<GateSection['baseline']>['differs'] = [];
  if (b) {
    if (b.profile !== current.profile) differs.push({ key: 'profile', baseline: b.profile, current: current.profile });
    if (b.tool.ruleset.version !== current.ruleset.version) differs.push({ key: 'ruleset.version', baseline: b.tool.ruleset.version, current: current.ruleset.version });
    if (b.tool.ruleset.digest !== current.ruleset.digest) differs.push({ key: 'ruleset.digest', baseline: b.tool.ruleset.digest, current: current.ruleset.digest });
  }
  return {
    today: opts.today,
    baseline: b ? { generated_at: b.generated_at, profile: b.profile, ruleset: b.tool.ruleset, differs } : null,
    resolved: b ? b.findings.filter((f) => !seen.has(f.fingerprint)) : [],
    expired_waivers: (opts.waivers ?? []).filter((w) => w.expires < opts.today).map(applied),
    stale_waivers: live.filter((w) => !used.has(w)).map(applied),
  };
}
