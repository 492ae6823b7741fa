// Two compliance reports compared by fingerprint: what is new, what was resolved, what stayed,
// counted by rule and by township. Pure; the command reads the files and prints.
export interface DiffFinding {
  fingerprint: string;
  rule: string;
  severity: string;
  record: { collection: string; id: string };
  message?: { zh: string; en: string };
  groups?: Record<string, string>;
}

export interface DiffReportInput {
  generated_at: string;
  export: { path: string; meta: unknown };
  profile: { id: string };
  tool: { version: string; ruleset: { digest: string } };
  findings: DiffFinding[];
}

type Kind = 'new' | 'resolved' | 'unchanged';
type Tally = Record<Kind, number>;

export interface ReportDiff {
  old: { generated_at: string; path: string; profile: string; digest: string };
  new: { generated_at: string; path: string; profile: string; digest: string };
  counts: Tally;
  by_rule: Record<string, Tally>;
  by_township: Record<string, Tally>;
  new_findings: DiffFinding[];
  resolved: DiffFinding[];
  unchanged: DiffFinding[];
}

export const regionOf = (r: DiffReportInput): string | undefined => (r.export.meta as { region_code?: string } | null)?.region_code;

/** The township key a finding is counted under; findings without one are counted under '—'. */
const township = (f: DiffFinding) => f.groups?.township ?? '—';

export function diffReports(before: DiffReportInput, after: DiffReportInput): ReportDiff {
  const oldPrints = new Set(before.findings.map((f) => f.fingerprint));
  const newPrints = new Set(after.findings.map((f) => f.fingerprint));
  const lists: Record<Kind, DiffFinding[]> = {
    new: after.findings.filter((f) => !oldPrints.has(f.fingerprint)),
    resolved: before.findings.filter((f) => !newPrints.has(f.fingerprint)),
    unchanged: after.findings.filter((f) => oldPrints.has(f.fingerprint)),
  };
  const by_rule: Record<string, Tally> = {};
  const by_township: Record<string, Tally> = {};
  const tally = (m: Record<string, Tally>, k: string) => (m[k] ??= { new: 0, resolved: 0, unchanged: 0 });
  for (const kind of ['new', 'resolved', 'unchanged'] as Kind[])
    for (const f of lists[kind]) {
      tally(by_rule, f.rule)[kind]++;
      tally(by_township, township(f))[kind]++;
    }
  const side = (r: DiffReportInput) => ({ generated_at: r.generated_at, path: r.export.path, profile: r.profile.id, digest: r.tool.ruleset.digest });
  return {
    old: side(before),
    new: side(after),
    counts: { new: lists.new.length, resolved: lists.resolved.length, unchanged: lists.unchanged.length },
    by_rule: sortKeys(by_rule),
    by_township: sortKeys(by_township),
    new_findings: lists.new,
    resolved: lists.resolved,
    unchanged: lists.unchanged,
  };
}

const sortKeys = <T>(m: Record<string, T>) => Object.fromEntries(Object.entries(m).sort(([a], [b]) => a.localeCompare(b)));
