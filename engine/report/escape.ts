export const escapeXml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] as string).replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '');

export const escapeMd = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function position(f: { record: { file?: string; line?: number; index?: number } }): string {
  const r = f.record;
  if (!r.file) return '';
  return r.line !== undefined ? `${r.file}:${r.line}` : r.index !== undefined ? `${r.file}[${r.index}]` : r.file;
}
