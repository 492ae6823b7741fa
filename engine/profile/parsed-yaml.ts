// Parsing YAML is most of what reading the profiles costs an audit (~0.15 s of CPU for the dozen it
// reads, on the thread that also starts Cucumber). The build writes the parsed value of every shipped
// profile to dist/, keyed by the SHA-256 of its text: the text is still read live every time, and
// only a byte-identical text reuses its parse. An edited profile is parsed from its YAML, as before.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { PACKAGE_ROOT } from '../root';

export const PARSED_PROFILES = path.join(PACKAGE_ROOT, 'dist', 'profiles.parsed.json');

const digest = (text: string) => crypto.createHash('sha256').update(text).digest('hex');

const records = new Map<string, Map<string, unknown>>();

function load(file: string): Map<string, unknown> {
  try {
    return new Map(Object.entries(JSON.parse(fs.readFileSync(file, 'utf8'))));
  } catch {
    return new Map(); // no build (ts-node) or an unreadable file: every profile is parsed from its YAML
  }
}

/** The value `yaml.parse` gives this text, when the build recorded it; else undefined. */
export function parsedAt(text: string, file = PARSED_PROFILES): unknown {
  if (!records.has(file)) records.set(file, load(file));
  return records.get(file)!.get(digest(text));
}

/** The parsed value of each YAML text that JSON carries unchanged, by the digest of its text. */
export function parsedValues(texts: string[], parse: (text: string) => unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const text of texts) {
    let value: unknown;
    try {
      value = parse(text);
    } catch {
      continue; // a profile that does not parse is reported where it is read
    }
    // Only what JSON carries exactly (no .inf, no -0): anything else is parsed from its YAML.
    if (isDeepStrictEqual(JSON.parse(JSON.stringify(value)), value)) out[digest(text)] = value;
  }
  return out;
}
