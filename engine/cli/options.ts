// Option values checked as commander parses them, before any work starts: a mistake costs one
// Chinese and one English line on stderr and exit 2, never a stack trace or a library's own message.
import parseTagExpression from '@cucumber/tag-expressions';
import { UsageError } from '../errors';

/** A text option that must say something: `--profile ""` is a mistake, not "use the default". */
export const nonEmpty =
  (flag: string) =>
  (value: string): string => {
    if (!value.trim()) throw new UsageError(`${flag} 的取值为空`, `${flag} is empty`);
    return value;
  };

/** A Cucumber tag expression, parsed here so a typo is named as such rather than as an internal Cucumber failure. */
export function tagExpression(value: string): string {
  nonEmpty('--tags')(value);
  try {
    parseTagExpression(value);
  } catch (e) {
    const why = (e as Error).message.replace(/^.*syntax error: /, '').replace(/\s+/g, ' ');
    throw new UsageError(
      `--tags "${value}" 不是有效的标签表达式(例: "@NOTICE-MINORS"、"@NOTICE-MINORS or @ELIG-INCOME")`,
      `--tags "${value}" is not a valid tag expression (${why}; e.g. "@NOTICE-MINORS", "@NOTICE-MINORS or @ELIG-INCOME")`,
    );
  }
  return value;
}

/** A calendar date as YYYY-MM-DD that exists (no 2024-02-30). */
export const calendarDate =
  (flag: string) =>
  (value: string): string => {
    const d = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : undefined;
    if (!d || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value)
      throw new UsageError(`${flag} 应为存在的日期 YYYY-MM-DD,而非 "${value}"`, `${flag} must be a real date as YYYY-MM-DD, not "${value}"`);
    return value;
  };

/** A comma-separated list with at least one item; items trimmed, empty items dropped, repeats folded. */
export const list =
  (flag: string) =>
  (value: string): string[] => {
    const items = [...new Set(value.split(',').map((s) => s.trim()).filter(Boolean))];
    if (!items.length) throw new UsageError(`${flag} 的取值为空`, `${flag} is empty`);
    return items;
  };

/** A memory size as DuckDB reads it (1.5GB, 800MB, 4GiB): checked here, so a typo is a usage error, not a DuckDB one. */
export function memorySize(value: string): string {
  if (!/^\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i.test(value.trim()))
    throw new UsageError(`--memory-limit 应为内存大小,如 1.5GB、800MB,而非 "${value}"`, `--memory-limit must be a memory size such as 1.5GB or 800MB, not "${value}"`);
  return value.trim();
}
