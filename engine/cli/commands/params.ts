// `jiuzhu params --profile ID [--on DATE]`: every parameter the profile chain puts in force on a
// date — value, unit, the date it took effect, its source, and whether this profile sets it or
// inherits it — so policy staff read a county's values without reading YAML or TypeScript.
import { ParameterValue, ResolvedProfile } from '../../profile/profile';
import { citeSource } from '../../profile/source';
import { EXIT } from '../../errors';
import { Bilingual } from '../../findings/finding';
import { PARAMETERS } from '../../../policies/parameters';
import { Unit, UNIT_NAMES } from '../../../policies/duration';

/** A value and its unit, when the value is a duration (`{ value: 5, unit: working_days }`, policies/duration.ts). */
export function splitUnit(value: unknown): { value: unknown; unit?: string } {
  if (!value || typeof value !== 'object' || Array.isArray(value) || typeof (value as any).unit !== 'string') return { value };
  const { unit, ...rest } = value as Record<string, unknown> & { unit: string };
  const keys = Object.keys(rest);
  if ('value' in rest && keys.length === 1) return { value: rest.value, unit };
  return { value: rest, unit };
}

export const unitName = (unit: string) => {
  const n = UNIT_NAMES[unit as Unit];
  return n ? `${n.zh} ${n.en}` : unit;
};

export interface ParameterLine {
  key: string;
  value: unknown;
  unit?: string;
  from: string;
  until?: string;
  source: string;
  /** The profile whose file sets the value. */
  profile: string;
  inherited: boolean;
}

export function parameterLine(p: ParameterValue): ParameterLine {
  return { key: p.key, ...splitUnit(p.value), from: p.from, ...(p.until ? { until: p.until } : {}), source: citeSource(p.source), profile: p.definedBy, inherited: p.inherited };
}

/** `5 工作日 working days` or the value as JSON. */
export function showValue(p: Pick<ParameterLine, 'value' | 'unit'>): string {
  return `${JSON.stringify(p.value)}${p.unit ? ` ${unitName(p.unit)}` : ''}`;
}

export const setOrInherited = (p: ParameterLine) => (p.inherited ? `继承自 inherited from ${p.profile}` : `由本配置设定 set by ${p.profile}`);

export interface ParametersInForce {
  profile: { id: string; chain: string[] };
  on: string;
  parameters: (ParameterLine & { description?: Bilingual })[];
  /** Keys the chain declares that have no value on that date (not yet in force, or switched off). */
  not_in_force: string[];
}

export function parametersInForce(profile: ResolvedProfile, on: string): ParametersInForce {
  const parameters: ParametersInForce['parameters'] = [];
  const none: string[] = [];
  for (const key of profile.keys()) {
    const v = profile.at(key, on);
    const description = PARAMETERS[key]?.description;
    if (v) parameters.push({ ...parameterLine(v), ...(description ? { description } : {}) });
    else none.push(key);
  }
  return { profile: { id: profile.id, chain: profile.info.chain }, on, parameters, not_in_force: none };
}

export function renderParameters(p: ParametersInForce): string {
  const lines = [`政策配置 profile: ${p.profile.chain.join(' ← ')}`, `日期 on: ${p.on}`, ''];
  for (const v of p.parameters) {
    lines.push(`${v.key} = ${showValue(v)}`);
    if (v.description) lines.push(`  ${v.description.zh} / ${v.description.en}`);
    lines.push(`  自 from ${v.from}; ${setOrInherited(v)}`);
    lines.push(`  依据 source: ${v.source}`);
  }
  if (p.not_in_force.length) lines.push('', `该日期无取值 / no value on that date: ${p.not_in_force.join(', ')}`);
  return lines.join('\n') + '\n';
}

export interface ParamsOptions {
  profile: string;
  on?: string;
  json?: boolean;
}

export async function params(opts: ParamsOptions): Promise<number> {
  const { loadProfile } = await import('../../profile/load');
  const result = parametersInForce(loadProfile(opts.profile), opts.on ?? new Date().toISOString().slice(0, 10));
  process.stdout.write(opts.json ? JSON.stringify(result, null, 2) + '\n' : renderParameters(result));
  return EXIT.clean;
}
