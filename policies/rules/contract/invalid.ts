// CONTRACT-INVALID — a record that does not conform to the export contract is reported with
// file, line (or array index), field path and reason, and is left out of every other rule.
import { makeFinding, Rule } from '../../rule';
import { CONTRACT_CLAUSE } from './clause';

export const contractInvalid: Rule = {
  id: 'CONTRACT-INVALID',
  family: 'contract',
  title: { zh: '记录须符合导出数据契约', en: 'Every record conforms to the export contract' },
  clause: CONTRACT_CLAUSE,
  needs: [],
  reads: [],
  judgesRejected: true,
  parameters: [],
  async evaluate(ds) {
    const findings = ds.rejected.map((r) =>
      makeFinding(contractInvalid, {
        severity: 'error',
        record: { collection: r.collection, id: r.id ?? '', file: r.file, ...(r.line !== undefined ? { line: r.line } : { index: r.index }) },
        message: {
          zh: `记录不符合契约,未参加审计: ${r.errors.map((e) => `${e.path} ${e.zh}`).join(';')}`,
          en: `record does not conform to the contract and was left out of the audit: ${r.errors.map((e) => `${e.path} ${e.en}`).join('; ')}`,
        },
        expected: { contract: ds.meta?.schema_version ?? '1.0' },
        actual: { errors: r.errors.map((e) => ({ path: e.path, keyword: e.keyword })) },
        params: [],
        remedy: { zh: '在来源系统中更正该记录后重新导出', en: 'correct the record in the source system and export again' },
        detail: `${r.line ?? r.index}`,
      }),
    );
    const total = [...ds.sources.values()].reduce((a, s) => a + s.records, 0);
    return { findings, examined: total };
  },
};



