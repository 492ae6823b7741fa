// Horizontal bar charts drawn in the page itself (inline SVG, no script, no font from
// outside): findings per township, per staff member, per rule, stacked by severity.
import { Severity } from '../findings/finding';
import { escapeXml as esc } from './escape';

export interface Bar {
  label: string;
  /** In-page links for the Chinese and the English page, so a click keeps the language. */
  href?: [string, string];
  counts: Record<Severity, number>;
}

const ORDER: Severity[] = ['error', 'warning', 'info'];
const MAX_BARS = 15;
// Sized in viewBox units for a phone (≈360 px wide); CSS caps the width on a desktop.
const WIDTH = 440;
const LABEL = 172;
const ROW = 22;
const BAR = 14;

const total = (c: Record<Severity, number>) => c.error + c.warning + c.info;

/** The largest bars first; the rest folded into one "others" bar so the chart stays short. */
export function topBars(bars: Bar[], others: string): Bar[] {
  const sorted = [...bars].sort((a, b) => total(b.counts) - total(a.counts) || a.label.localeCompare(b.label));
  if (sorted.length <= MAX_BARS) return sorted;
  const rest = sorted.slice(MAX_BARS - 1);
  const counts = { error: 0, warning: 0, info: 0 };
  for (const b of rest) for (const s of ORDER) counts[s] += b.counts[s];
  return [...sorted.slice(0, MAX_BARS - 1), { label: `${others} (${rest.length})`, counts }];
}

export function barChart(bars: Bar[], title: string): string {
  const max = Math.max(1, ...bars.map((b) => total(b.counts)));
  const scale = (WIDTH - LABEL - 40) / max;
  const height = bars.length * ROW + 4;
  const rows = bars.map((b, i) => {
    const y = i * ROW + 4;
    let x = LABEL;
    const rects = ORDER.filter((s) => b.counts[s] > 0).map((s) => {
      const w = Math.max(2, b.counts[s] * scale);
      const rect = `<rect class="bar-${s}" x="${x.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="${BAR}"><title>${esc(`${b.label}: ${b.counts[s]} ${s}`)}</title></rect>`;
      x += w;
      return rect;
    });
    const label = `<text class="bar-label" x="${LABEL - 6}" y="${y + BAR - 3}" text-anchor="end">${esc(b.label.length > 22 ? `${b.label.slice(0, 21)}…` : b.label)}</text>`;
    const linked = b.href ? `<a class="zh" href="${esc(b.href[0])}">${label}</a><a class="en" href="${esc(b.href[1])}">${label}</a>` : label;
    return `<g>${linked}${rects.join('')}<text class="bar-count" x="${(x + 4).toFixed(1)}" y="${y + BAR - 3}">${total(b.counts)}</text></g>`;
  });
  return `<svg class="chart" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-label="${esc(title)}" xmlns="http://www.w3.org/2000/svg"><title>${esc(title)}</title>${rows.join('')}</svg>`;
}
