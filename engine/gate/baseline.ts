// A baseline: the findings known on a given day, so a gate fails only on new ones. Either the
// file `jiuzhu baseline` writes or any earlier compliance.json (the findings are read the same).
import { InputError } from '../errors';

export interface BaselineFinding {
  fingerprint: string;
  rule: string;
  record: { collection: string; id: string; file?: string; line?: number };
  severity: string;
}

export interface Baseline {
  kind: 'jiuzhu-baseline';
  tool: { name: 'jiuzhu'; version: string; ruleset: { version: string; digest: string } };
  profile: string;
  generated_at: string;
  findings: BaselineFinding[];
}

interface ReportLike {
  tool: { version: string; ruleset: { version: string; digest: string } };
  profile: { id: string } | string;
  generated_at: string;
  findings: { fingerprint: string; rule: string; record: { collection: string; id: string; file?: string; line?: number }; severity: string }[];
}

export function baselineOf(report: ReportLike): Baseline {
  return {
    kind: 'jiuzhu-baseline',
    tool: { name: 'jiuzhu', version: report.tool.version, ruleset: { version: report.tool.ruleset.version, digest: report.tool.ruleset.digest } },
    profile: typeof report.profile === 'string' ? report.profile : report.profile.id,
    generated_at: report.generated_at,
    findings: report.findings.map((f) => ({
      fingerprint: f.fingerprint,
      rule: f.rule,
      record: { collection: f.record.collection, id: f.record.id, ...(f.record.file ? { file: f.record.file } : {}), ...(f.record.line ? { line: f.record.line } : {}) },
      severity: f.severity,
    })),
  };
}

/** A baseline file's text: a baseline or a compliance.json; anything else is exit 2 naming the file. */
export function parseBaseline(text: string, file: string): Baseline {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new InputError(`基线文件 ${file} 不是有效的 JSON`, `baseline file ${file} is not valid JSON: ${(e as Error).message}`);
  }
  const d = data as Partial<ReportLike> & { kind?: string };
  const ok =
    d && typeof d === 'object' && Array.isArray(d.findings) && d.tool && d.tool.ruleset && d.profile &&
    d.findings.every((f) => f && typeof f.fingerprint === 'string' && typeof f.rule === 'string' && f.record && typeof f.record.id === 'string');
  if (!ok) throw new InputError(`基线文件 ${file} 既不是 jiuzhu baseline 也不是 compliance.json`, `baseline file ${file} is neither a jiuzhu baseline nor a compliance.json`);
  return d.kind === 'jiuzhu-baseline' ? (d as Baseline) : baselineOf(d as ReportLike);
}
