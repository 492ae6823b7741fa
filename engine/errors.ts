// User mistakes (bad paths, unreadable exports, bad profiles, bad options) are thrown as
// JiuzhuError with an exit code and a bilingual one-line message; only the command-line
// entry point turns them into stderr + process.exit, never a stack trace.
export const EXIT = { clean: 0, findings: 1, unusable: 2 } as const;

export class JiuzhuError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
    readonly exitCode: number = EXIT.unusable,
  ) {
    super(`${zh} / ${en}`);
    this.name = 'JiuzhuError';
  }
}

/** A mistake in how the command was called: an empty, malformed or impossible option value, an unusable --out. */
export class UsageError extends JiuzhuError {}

/** Unreadable input: missing path, malformed JSON, wrong schema version, unknown collection file, empty export. */
export class InputError extends JiuzhuError {}

/** A policy profile that cannot be used: unknown key, missing source, overlapping or gapped ranges. */
export class ProfileError extends JiuzhuError {
  constructor(
    readonly file: string,
    readonly key: string,
    zh: string,
    en: string,
  ) {
    super(`${file}: ${key}: ${zh}`, `${file}: ${key}: ${en}`);
    this.name = 'ProfileError';
  }
}
