import fs from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from './root';

/** The package version: the CLI's --version and the rule-set version in every report. */
export const PACKAGE_VERSION: string = JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')).version;
