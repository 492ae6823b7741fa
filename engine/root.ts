// The package root, where package.json, features/, the YAML profiles and calendar, and schemas/
// live — the same folder whether this runs as TypeScript (engine/…) or compiled (dist/engine/…).
// dist/ holds code only: a feature or profile that policy staff edit is read live, never a stale copy.
import fs from 'node:fs';
import path from 'node:path';

function packageRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

export const PACKAGE_ROOT = packageRoot(__dirname);

/** True when this is the compiled build (dist/), not TypeScript run through ts-node. */
export const COMPILED = __filename.endsWith('.js');
