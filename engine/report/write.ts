// Writes the requested formats into the output folder.
import fs from 'node:fs';
import path from 'node:path';
import { JiuzhuError } from '../errors';
import { renderHtml } from './html';
import { renderJunit } from './junit';
import { renderMarkdown } from './markdown';
import { ComplianceReport } from './model';

export const FORMATS = {
  json: { file: 'compliance.json', render: (r: ComplianceReport) => JSON.stringify(r, null, 2) + '\n' },
  junit: { file: 'compliance-junit.xml', render: renderJunit },
  md: { file: 'compliance.md', render: renderMarkdown },
  html: { file: 'compliance.html', render: renderHtml },
} as const;
export type Format = keyof typeof FORMATS;

export function parseFormats(list: string): Format[] {
  const formats = list.split(',').map((f) => f.trim()).filter(Boolean);
  for (const f of formats)
    if (!(f in FORMATS)) throw new JiuzhuError(`未知的报告格式 "${f}"(可用: ${Object.keys(FORMATS).join(', ')})`, `unknown report format "${f}" (available: ${Object.keys(FORMATS).join(', ')})`);
  return formats as Format[];
}

export function writeReports(report: ComplianceReport, dir: string, formats: Format[]): string[] {
  fs.mkdirSync(dir, { recursive: true });
  return formats.map((f) => {
    const file = path.join(dir, FORMATS[f].file);
    fs.writeFileSync(file, FORMATS[f].render(report));
    return file;
  });
}
