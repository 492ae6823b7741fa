// Reads a file the gate was pointed at; a missing or unreadable one is exit 2 naming it.
import fs from 'node:fs';
import { InputError } from '../errors';

export function readInput(file: string, zh: string, en: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError(`无法读取${zh} ${file}: ${(e as NodeJS.ErrnoException).code ?? ''}`, `cannot read ${en} ${file}: ${(e as Error).message}`);
  }
}
