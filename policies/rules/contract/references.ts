// CONTRACT-REFERENCE — a record that refers to another the export lacks is reported. A
// reference is checked only when the export carries the referenced collection at all.
import { CollectionName } from '../../../schemas/case-export';
import { Finding } from '../../../engine/findings/finding';
import { makeFinding, Rule } from '../../rule';
import { CONTRACT_CLAUSE } from './clause';

interface Reference {
  from: CollectionName;
  field: string;
  /** SQL giving the referenced value(s) of a row of `from`; list-valued when `list`. */
  expr: string;
  list?: boolean;
  to: CollectionName;
  key: string;
}

const REFERENCES: Reference[] = [
  { from: 'applications', field: 'household_id', expr: 'household_id', to: 'households', key: 'household_id' },
  { from: 'applications', field: 'handled_by', expr: 'handled_by', list: true, to: 'staff', key: 'staff_id' },
  { from: 'applications', field: 'declared_relation.staff_id', expr: 'declared_relation.staff_id', to: 'staff', key: 'staff_id' },
  { from: 'notices', field: 'household_id', expr: 'household_id', to: 'households', key: 'household_id' },
  { from: 'notices', field: 'application_id', expr: 'application_id', to: 'applications', key: 'application_id' },
  { from: 'relative_filings', field: 'application_id', expr: 'application_id', to: 'applications', key: 'application_id' },
  { from: 'relative_filings', field: 'staff_id', expr: 'staff_id', to: 'staff', key: 'staff_id' },
  { from: 'payments', field: 'application_id', expr: 'application_id', to: 'applications', key: 'application_id' },
  { from: 'payments', field: 'household_id', expr: 'household_id', to: 'households', key: 'household_id' },
  { from: 'fraud_cases', field: 'household_id', expr: 'household_id', to: 'households', key: 'household_id' },
  { from: 'fraud_cases', field: 'application_id', expr: 'application_id', to: 'applications', key: 'application_id' },
  { from: 'accountability_cases', field: 'staff_id', expr: 'staff_id', to: 'staff', key: 'staff_id' },
  { from: 'warnings', field: 'household_id', expr: 'household_id', to: 'households', key: 'household_id' },
];

const KEY: Partial<Record<CollectionName, string>> = {
  applications: 'application_id', notices: 'notice_id', relative_filings: 'filing_id', payments: 'payment_id',
  fraud_cases: 'case_id', accountability_cases: 'case_id', warnings: 'warning_id',
};

export const contractReference: Rule = {
  id: 'CONTRACT-REFERENCE',
  family: 'contract',
  title: { zh: '记录引用的其他记录须在导出数据中', en: 'Every record a record refers to is in the export' },
  clause: CONTRACT_CLAUSE,
  needs: [],
  parameters: [],
  async evaluate(ds) {
    const findings: Finding[] = [];
    let examined = 0;
    for (const ref of REFERENCES) {
      if (!ds.has(ref.from) || !ds.has(ref.to)) continue;
      examined += ds.count(ref.from);
      const id = KEY[ref.from]!;
      const value = ref.list ? 'v' : ref.expr;
      const source = ref.list ? `(SELECT ${id}, _line, unnest(${ref.expr}) AS v FROM ${ref.from})` : ref.from;
      const rows = await ds.all<{ id: string; _line: number; v: string }>(
        `SELECT s.${id} AS id, s._line, ${value} AS v FROM ${source} s WHERE ${value} IS NOT NULL AND ${value} NOT IN (SELECT ${ref.key} FROM ${ref.to}) ORDER BY s._line`,
      );
      for (const r of rows)
        findings.push(
          makeFinding(contractReference, {
            severity: 'error',
            record: ds.locate(ref.from, r.id, r._line),
            related: [{ collection: ref.to, id: r.v }],
            message: { zh: `${ref.field} 引用的 ${ref.to} 记录「${r.v}」不在导出数据中`, en: `${ref.field} refers to ${ref.to} "${r.v}", which the export lacks` },
            expected: { collection: ref.to, id: r.v },
            actual: { found: false },
            params: [],
            remedy: { zh: '补齐被引用的记录后重新导出', en: 'export the referenced record as well' },
            detail: `${ref.field}:${r.v}`,
          }),
        );
    }
    return { findings, examined };
  },
};
