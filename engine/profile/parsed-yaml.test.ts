import { expect } from 'chai';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { profileFiles } from './load';
import { parsedAt, parsedValues } from './parsed-yaml';

const parse = (text: string) => YAML.parse(text, { uniqueKeys: true });

/** A record of these texts' parsed values, as the build writes it, in a file of its own. */
function recordOf(texts: string[]): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'jiuzhu-parsed-')), 'profiles.parsed.json');
  fs.writeFileSync(file, JSON.stringify(parsedValues(texts, parse)));
  return file;
}

describe("the build's record of parsed profiles", () => {
  const texts = profileFiles().filter((f) => f.endsWith('.yaml')).map((f) => fs.readFileSync(f, 'utf8'));
  const record = recordOf(texts);

  it('gives every shipped profile the value its YAML parses to', () => {
    for (const text of texts) expect(parsedAt(text, record)).to.deep.equal(parse(text));
  });

  it('has nothing for a text edited since the build, which is then parsed from its YAML', () => {
    expect(parsedAt(`${texts[0]}\n# 改过 / edited\n`, record)).to.equal(undefined);
  });

  it('leaves out a value JSON does not carry exactly', () => {
    const file = recordOf(['limit: .inf\n', 'limit: 5\n']);
    expect(parsedAt('limit: .inf\n', file)).to.equal(undefined);
    expect(parsedAt('limit: 5\n', file)).to.deep.equal({ limit: 5 });
  });

  it('has nothing when there is no build', () => {
    expect(parsedAt(texts[0], path.join(os.tmpdir(), 'no-such-dir', 'profiles.parsed.json'))).to.equal(undefined);
  });
});
