import { expect } from 'chai';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ProfileError } from '../errors';
import { findProfileFile, loadProfile, profileFiles, readProfileFile } from './load';

const dir = (name: string) => path.join(__dirname, '..', '..', 'tests', 'fixtures', 'profiles', name);

describe('loadProfile', () => {
  it('loads every shipped profile', () => {
    for (const file of profileFiles()) expect(() => loadProfile(path.basename(file).replace(/\.ya?ml$/, ''))).not.to.throw();
  });

  it('refuses an unknown parameter key, naming the file and the key', () => {
    expect(() => loadProfile('national', dir('unknown-key'))).to.throw(ProfileError, /national\.yaml: parameters\.notice\.min_dayz: .*unknown parameter/);
  });

  it('refuses a value without a source', () => {
    expect(() => loadProfile('national', dir('no-source'))).to.throw(ProfileError, /parameters\.notice\.min_days\.0\.source/);
  });

  it('refuses two values from the same date as ambiguous', () => {
    expect(() => loadProfile('national', dir('dup-date'))).to.throw(ProfileError, /parameters\.notice\.min_days\[1\]: .*ambiguous/);
  });

  it('refuses a value of the wrong type', () => {
    expect(() => loadProfile('national', dir('bad-value'))).to.throw(ProfileError, /parameters\.notice\.min_days\[0\]\.value: invalid value/);
  });

  it('refuses an extends cycle', () => {
    expect(() => loadProfile('loop', dir('overlay'))).to.throw(ProfileError, /extends cycle/);
  });

  it('refuses an unknown profile, listing the known ones', () => {
    expect(() => loadProfile('nowhere', dir('overlay'))).to.throw(/unknown policy profile "nowhere" \(available: county, loop, national\)/);
  });

  it('finds a profile by its Chinese alias', () => {
    expect(loadProfile('某县政策', dir('overlay')).id).to.equal('county');
  });
});

describe('dated, overlaid values', () => {
  const county = () => loadProfile('county', dir('overlay'));

  it('uses the parent value before the child changed it', () => {
    const v = county().at('notice.min_days', '2019-12-31');
    expect(v?.value).to.deep.equal({ value: 7, unit: "calendar_days" });
    expect(v?.inherited).to.equal(true);
  });

  it("uses the child's value from its own date", () => {
    const v = county().at('notice.min_days', '2020-01-01');
    expect(v?.value).to.deep.equal({ value: 10, unit: "calendar_days" });
    expect(v?.definedBy).to.equal('county');
    expect(v?.inherited).to.equal(false);
  });

  it('has no value once the child switched the parameter off', () => {
    expect(county().at('notice.min_days', '2023-01-01')).to.equal(undefined);
  });

  it('has no value before a parameter took effect', () => {
    expect(county().at('notice.age_of_majority', '2021-10-31')).to.equal(undefined);
    expect(county().at('notice.age_of_majority', '2021-11-01')?.value).to.equal(18);
  });

  it('records the chain leaf first', () => {
    expect(county().info.chain).to.deep.equal(['county', 'national']);
  });

  it('reads a profile file and reports its id mismatch', () => {
    expect(readProfileFile(path.join(dir('overlay'), 'county.yaml')).doc.id).to.equal('county');
  });

  it('reads a profile file once while it is unchanged, and again once it is edited', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jiuzhu-profile-'));
    const file = path.join(tmp, 'county.yaml');
    fs.copyFileSync(path.join(dir('overlay'), 'county.yaml'), file);
    try {
      const first = readProfileFile(file);
      expect(readProfileFile(file)).to.equal(first);
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('A county', 'A small county'));
      expect(readProfileFile(file).doc.name.en).to.equal('A small county');
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('finds an alias written with a YAML escape (a file it cannot rule out by its text is parsed)', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jiuzhu-profile-'));
    const text = fs.readFileSync(path.join(dir('overlay'), 'county.yaml'), 'utf8').replace('aliases: [某县政策]', 'aliases: ["\\u67d0\\u53bf\\u653f\\u7b56"]');
    fs.writeFileSync(path.join(tmp, 'county.yaml'), text);
    try {
      expect(findProfileFile('某县政策', tmp)).to.equal(path.join(tmp, 'county.yaml'));
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
