// `npm run build` runs this after tsc: the parsed value of every shipped YAML profile, for
// parsed-yaml.ts. Run from dist/, it writes dist/profiles.parsed.json.
import fs from 'node:fs';
import YAML from 'yaml';
import { profileFiles } from './load';
import { PARSED_PROFILES, parsedValues } from './parsed-yaml';

const texts = profileFiles()
  .filter((f) => /\.ya?ml$/.test(f))
  .map((f) => fs.readFileSync(f, 'utf8'));
fs.writeFileSync(PARSED_PROFILES, JSON.stringify(parsedValues(texts, (t) => YAML.parse(t, { uniqueKeys: true }))));
