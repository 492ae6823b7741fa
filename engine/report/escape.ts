export const escapeXml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] as string).replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '');

// Markdown: the text must stay text in every common renderer, whether it allows raw HTML or not,
// and a table row must stay one row. HTML's own characters become entities (a pipe too: an
// entity never splits a GFM table cell, where a backslash escape is read differently by
// different renderers); Markdown's inline marks are backslash-escaped; newlines become spaces.
const MD: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '|': '&#124;', '\\': '\\\\', '`': '\\`', '*': '\\*', _: '\\_', '[': '\\[', ']': '\\]', '~': '\\~' };

/** Text for a Markdown line or table cell; safe also at the start of a line (no heading, list or code block). */
export const escapeMd = (s: string) =>
  s
    .replace(/\r\n|[\r\n\t]/g, ' ')
    .replace(/[&<>"|\\`*_[\]~]/g, (c) => MD[c])
    .replace(/^ +/, (m) => '&#32;'.repeat(m.length))
    .replace(/^[#+=-]/, '\\$&')
    .replace(/^(\d+)([.)])(?=\s|$)/, '$1\\$2');

/** A Markdown code span that no backtick in the text can end early (not for table cells: a pipe would split them). */
export function mdCode(s: string): string {
  const text = s.replace(/\r\n|[\r\n]/g, ' ');
  const fence = '`'.repeat(Math.max(0, ...(text.match(/`+/g) ?? []).map((r) => r.length)) + 1);
  const pad = /^`|`$/.test(text) ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

export function position(f: { record: { file?: string; line?: number; index?: number } }): string {
  const r = f.record;
  if (!r.file) return '';
  return r.line !== undefined ? `${r.file}:${r.line}` : r.index !== undefined ? `${r.file}[${r.index}]` : r.file;
}
