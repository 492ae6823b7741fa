// A finding's evidence (expected / actual) and the values in force, as labelled fields in the
// page's language. The objects are free-form per rule, so the rendering follows the value's
// shape: a bilingual text, a list, a nested record, an amount in fen.
import { Bilingual, Finding, UsedParameter } from '../findings/finding';
import { escapeXml as esc } from './escape';
import { bi, both } from './html-text';
import { fieldLabel } from './labels';

const NONE = `<span class="none">—</span>`;

const isBilingual = (v: unknown): v is Bilingual =>
  !!v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 2 && typeof (v as Bilingual).zh === 'string' && typeof (v as Bilingual).en === 'string';

const isScalar = (v: unknown) => v === null || typeof v !== 'object';

/** Integer fen as yuan with two decimals, exactly (no floating-point division). */
export function fenToYuan(fen: number): string {
  const abs = Math.abs(fen);
  return `${fen < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

function scalar(v: unknown, key: string): string {
  if (v === null || v === undefined) return NONE;
  if (typeof v === 'boolean') return v ? both('是', 'yes') : both('否', 'no');
  if (typeof v === 'number' && key.endsWith('_fen') && Number.isSafeInteger(v)) return `${fenToYuan(v)} ${both('元', 'yuan')}`;
  return esc(String(v));
}

export function evidenceValue(v: unknown, key = ''): string {
  if (isScalar(v)) return scalar(v, key);
  if (isBilingual(v)) return bi(v);
  if (Array.isArray(v)) {
    if (!v.length) return both('无', 'none');
    if (v.every(isScalar)) return v.map((x) => scalar(x, key)).join('<span class="sep">, </span>');
    return `<ol class="ev-list">${v.map((x) => `<li>${evidenceValue(x, key)}</li>`).join('')}</ol>`;
  }
  return fields(v as Record<string, unknown>);
}

export function fields(obj: Record<string, unknown>): string {
  const entries = Object.entries(obj);
  if (!entries.length) return NONE;
  return `<dl class="ev">${entries.map(([k, v]) => `<div><dt title="${esc(k)}">${bi(fieldLabel(k))}</dt><dd>${evidenceValue(v, k)}</dd></div>`).join('')}</dl>`;
}

/** Expected beside actual, each a labelled block. */
export function evidence(f: Finding): string {
  return `<div class="evidence"><div><h5>${both('应为', 'expected')}</h5>${evidenceValue(f.expected)}</div><div><h5>${both('实际', 'actual')}</h5>${evidenceValue(f.actual)}</div></div>`;
}

function paramValue(p: UsedParameter): string {
  const v = p.value as { see?: unknown } | null;
  // Large values (synonym tables) are printed once per rule, not in every finding.
  if (v && typeof v === 'object' && !Array.isArray(v) && v.see === 'rules[].parameters') return both('见本规则“所用参数”', "see the rule's parameters");
  return `<code>${esc(JSON.stringify(p.value))}</code>`;
}

/** The values in force for this finding: key, value, since when, set where, on which source. */
export function valuesInForce(params: UsedParameter[]): string {
  if (!params.length) return NONE;
  return `<ul class="params">${params
    .map(
      (p) =>
        `<li><code>${esc(p.key)}</code> = ${paramValue(p)} <small>(${both('自', 'from')} ${esc(p.from)}; ${p.inherited ? both(`沿用 ${p.profile}`, `inherited from ${p.profile}`) : both(`由 ${p.profile} 设定`, `set by ${p.profile}`)}; ${esc(p.source)})</small></li>`,
    )
    .join('')}</ul>`;
}
