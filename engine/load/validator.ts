// ajv, compiled once per process, gives the JSON Schema semantics and the messages for
// records the SQL pass flagged. Messages are data ({path, keyword, zh, en}), rendered per locale.
import Ajv2020, { ErrorObject, ValidateFunction } from 'ajv/dist/2020';
import schema from '../../schemas/case-export.schema.json';
import { CollectionName, defName } from '../../schemas/case-export';
import { MULTIPLE_OF_PRECISION } from './sql-validator';

export interface FieldError {
  path: string;
  keyword: string;
  zh: string;
  en: string;
}

let ajv: Ajv2020 | undefined;
const compiled = new Map<string, ValidateFunction>();

function validatorFor(def: string): ValidateFunction {
  ajv ??= new Ajv2020({ allErrors: true, strict: false, validateFormats: false, multipleOfPrecision: MULTIPLE_OF_PRECISION });
  if (!ajv.getSchema(schema.$id)) ajv.addSchema(schema);
  let fn = compiled.get(def);
  if (!fn) {
    fn = ajv.getSchema(`${schema.$id}#/$defs/${def}`);
    if (!fn) throw new Error(`no $defs/${def} in the contract schema`);
    compiled.set(def, fn);
  }
  return fn;
}

export function validateRecord(collection: CollectionName, record: unknown): FieldError[] {
  return validateAgainst(defName(collection), record);
}

export function validateMeta(meta: unknown): FieldError[] {
  return validateAgainst('Meta', meta);
}

function validateAgainst(def: string, value: unknown): FieldError[] {
  const fn = validatorFor(def);
  if (fn(value)) return [];
  return collapse(fn.errors ?? []).map(describe);
}

// A wrong type also fails its pattern/enum; keep the most telling error per path.
function collapse(errors: ErrorObject[]): ErrorObject[] {
  const byPath = new Map<string, ErrorObject>();
  for (const e of errors) {
    const path = e.keyword === 'required' ? `${e.instancePath}/${(e.params as { missingProperty: string }).missingProperty}` : e.instancePath;
    if (!byPath.has(path)) byPath.set(path, e);
  }
  return [...byPath.values()];
}

export function jsonPath(instancePath: string): string {
  return '$' + instancePath.split('/').slice(1).map((p) => (/^\d+$/.test(p) ? `[${p}]` : `.${p}`)).join('');
}

function describe(e: ErrorObject): FieldError {
  const p = e.params as Record<string, any>;
  const path = e.keyword === 'required' ? jsonPath(`${e.instancePath}/${p.missingProperty}`) : jsonPath(e.instancePath);
  const [zh, en] = ((): [string, string] => {
    switch (e.keyword) {
      case 'required': return ['缺少必填字段', 'required field is missing'];
      case 'type': return [`类型应为 ${p.type}`, `must be of type ${p.type}`];
      case 'enum': return [`取值应为以下之一: ${p.allowedValues.join(', ')}`, `must be one of: ${p.allowedValues.join(', ')}`];
      case 'const': return [`取值应为 ${p.allowedValue}`, `must equal ${p.allowedValue}`];
      case 'pattern': return [`格式不符(${FORMAT_HINT[p.pattern] ?? p.pattern})`, `does not match the expected format (${FORMAT_HINT_EN[p.pattern] ?? p.pattern})`];
      case 'minLength': return ['不得为空', 'must not be empty'];
      case 'minimum': return [`不得小于 ${p.limit}`, `must be >= ${p.limit}`];
      case 'maximum': return [`不得大于 ${p.limit}`, `must be <= ${p.limit}`];
      case 'multipleOf': return ['金额最多两位小数', 'money has at most two decimals'];
      default: return [e.message ?? e.keyword, e.message ?? e.keyword];
    }
  })();
  return { path, keyword: e.keyword, zh, en };
}

const DATE_PATTERN = (schema as any).$defs.Death.properties.died_on.pattern as string;
const FORMAT_HINT: Record<string, string> = {
  [DATE_PATTERN]: '应为有效日期 YYYY-MM-DD',
  '^\\d{4}-(0[1-9]|1[0-2])$': '应为月份 YYYY-MM',
  '^\\d{17}[\\dX]$': '应为18位身份证号',
};
const FORMAT_HINT_EN: Record<string, string> = {
  [DATE_PATTERN]: 'a valid date YYYY-MM-DD',
  '^\\d{4}-(0[1-9]|1[0-2])$': 'a month YYYY-MM',
  '^\\d{17}[\\dX]$': 'an 18-character resident ID number',
};
