// A vocabulary rule once its sentences are read: what it chooses, what it requires, and what a
// finding says — checked against the contract's types, ready to compile to SQL.
import { Bilingual, Severity } from '../../engine/findings/finding';
import { Unit } from '../duration';
import { Field, RecordKind, ValueType } from './contract';
import { Link } from './links';

/** A place in a feature file, for every message staff see. */
export interface Place {
  file: string;
  line: number;
}

/** What an operand is, for the type checker (a parameter's duration is only ever an offset). */
export type OperandType = ValueType | 'duration' | 'codes';

export type Operand =
  | { kind: 'field'; alias: string; field: Field; type: OperandType }
  | { kind: 'literal'; type: OperandType; sql: string; text: string }
  | { kind: 'param'; key: string; type: OperandType }
  /** A date moved by a duration: after it (民法典第二百零一条: the day itself not counted), or counting it. */
  | { kind: 'offset'; type: 'date'; base: Operand; by: { value: number; unit: Unit } | { param: string }; sign: 1 | -1; countingStart: boolean }
  /** The calendar quarter a date falls in ('2024-Q2'), to compare with a quarter the export records. */
  | { kind: 'quarter'; type: 'quarter'; base: Operand }
  /** Values of a field over linked records (该申请的家庭成员的身份证号): a list. */
  | { kind: 'values'; type: 'codes'; path: Link[]; aliases: string[]; field: Field; from: string };

export type CompareOp = '=' | '<>' | '<' | '<=' | '>' | '>=';

export type Condition = (
  | { kind: 'compare'; left: Operand; op: CompareOp; right: Operand }
  | { kind: 'in'; left: Operand; values: Operand[]; negate: boolean }
  | { kind: 'present'; operand: Operand; present: boolean }
  /** An optional field: absent, or else meeting the condition (任职止为空或不早于…). */
  | { kind: 'absent-or'; operand: Operand; inner: Condition }
  | { kind: 'between'; left: Operand; low: Operand; high: Operand }
  /** A list holds every value of another (参加部门包含参数 X 的全部): nothing required is missing. */
  | { kind: 'includes'; left: Operand; right: Operand; negate: boolean }
  | { kind: 'param-is'; key: string; value: boolean }
  | { kind: 'exists'; path: Link[]; aliases: string[]; conditions: Condition[]; negate: boolean; from: string }
  | { kind: 'count'; path: Link[]; aliases: string[]; conditions: Condition[]; op: CompareOp; right: Operand; from: string }
  | { kind: 'sum'; path: Link[]; aliases: string[]; conditions: Condition[]; field: Field; op: CompareOp; right: Operand; from: string }
) & { text: string; line: number };

export interface ParameterDeclaration {
  key: string;
  type: 'amount' | 'duration' | 'integer' | 'boolean' | 'codes';
  description: Bilingual;
  place: Place;
}

export interface RuleIR {
  id: string;
  family: string;
  title: Bilingual;
  clause: { document: string; tag: string; note?: string };
  place: Place;
  draft: boolean;
  subject: RecordKind;
  /** The date that says which parameter values apply (按其决定日期适用政策). */
  datedBy?: Field;
  /** Periods before the rule took effect: judged as history (info) or not at all. */
  before: 'history' | 'skip';
  where: Condition[];
  require: Condition[];
  parameters: string[];
  /** The type of each parameter it reads (amounts are shown with two decimals). */
  parameterTypes: Record<string, OperandType>;
  severity: Severity;
  message: Bilingual;
  remedy: Bilingual;
  groups: { township?: string; staff?: string };
}
