// ajv, compiled once per process, gives the JSON Schema semantics and the messages for
// records the SQL pass flagged. Messages are data ({path, keyword, zh, en}), rendered per locale.
import Ajv2020, { ErrorObject, ValidateFunction } from 'ajv/dist/2020';
import schema from '../../schemas/case-export.schema.json';
import { CollectionName, defName } from '../../schemas/case-export';
import { decimalsOf } from './json-text';

export interface FieldError {
  path: string;
  keyword: string;
  zh: string;
  en: string;
}

let ajv: Ajv2020 | undefined;
const compiled = new Map<string, ValidateFunction>();
/** The number texts of the record being validated (instancePath → text), when it came as text. */
let numberTexts: Map<string, string> | undefined;

/** Money carries `x-decimals: 2`: the value as written has at most two decimals. */
export const DECIMALS_KEYWORD = 'x-decimals';

function validatorFor(def: string): ValidateFunction {
  if (!ajv) {
    ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: false, validateSchema: false });
    // Judged on the number's own text, exactly: multipleOf on a binary double cannot tell
    // 12.34 from 12.340000001 reliably, and a JS value without text is judged by its shortest form.
    ajv.addKeyword({
      keyword: DECIMALS_KEYWORD,
      type: 'number',
      schemaType: 'number',
      validate: (places: number, data: number, _parent?: unknown, cxt?: { instancePath: string }) =>
        decimalsOf(numberTexts?.get(cxt?.instancePath ?? '') ?? String(data)) <= places,
    });
  }
  let fn = compiled.get(def);
  if (!fn) {
    if (!(schema.$defs as Record<string, object>)[def]) throw new Error(`no $defs/${def} in the contract schema`);
    // Each record type compiled on its own (its $refs resolve in the $defs beside it): compiling
    // the whole contract to check the meta cost about 0.2 s of every run's start.
    fn = ajv.compile({ ...(schema.$defs as Record<string, object>)[def], $defs: schema.$defs });
    compiled.set(def, fn);
  }
  return fn;
}

/** Contract errors of a record; `numbers` gives the numbers' own text when the record was read from text. */
export function validateRecord(collection: CollectionName, record: unknown, numbers?: Map<string, string>): FieldError[] {
  numberTexts = numbers;
  try {
    return validateAgainst(defName(collection), record);
  } finally {
    numberTexts = undefined;
  }
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
      case DECIMALS_KEYWORD: return ['金额最多两位小数(不作舍入)', 'money has at most two decimals (never rounded)'];
      default: return [e.message ?? e.keyword, e.message ?? e.keyword];
    }
  })();
  return { path, keyword: e.keyword === DECIMALS_KEYWORD ? 'decimals' : e.keyword, zh, en };
}

const DATE_PATTERN = (schema as any).$defs.Death.properties.died_on.pattern as string;
const FORMAT_HINT: Record<string, string> = {
  [DATE_PATTERN]: '应为有效日期 YYYY-MM-DD',
  '^\\d{4}-(0[1-9]|1[0-2])$': '应为月份 YYYY-MM',
  '^\\d{17}[\\dXx]$': '应为18位身份证号',
};
const FORMAT_HINT_EN: Record<string, string> = {
  [DATE_PATTERN]: 'a valid date YYYY-MM-DD',
  '^\\d{4}-(0[1-9]|1[0-2])$': 'a month YYYY-MM',
  '^\\d{17}[\\dXx]$': 'an 18-character resident ID number',
};
