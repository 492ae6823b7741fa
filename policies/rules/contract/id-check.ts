// CONTRACT-ID-CHECK — a resident ID number (GB 11643-1999) whose last character is not the
// ISO 7064 MOD 11-2 check character of the other seventeen was mistyped or made up: a
// data-quality warning naming the field, the record stays in the audit. A lower-case x the
// loader read as X is reported the same way, so no value is changed silently.
import { NORMALISED_IDS, PERSON_ID_PATH_SQL, PERSON_ID_PATHS, personIdSql } from '../../../engine/load/person-ids';
import { COLLECTIONS } from '../../../schemas/case-export';
import { RESIDENT_ID_CHECK_CHARS, RESIDENT_ID_WEIGHTS } from '../../checks/resident-id';
import { frameRule } from '../../frame';
import { CONTRACT_CLAUSE } from './clause';

/**
 * SQL: the check character the 17-digit body `n` (a BIGINT) calls for — the weighted sum
 * residentIdCheckChar makes, taken by integer division (string functions per digit cost several
 * times more at a million households). With q_k = n // 10^k, the k-th digit from the right is
 * q_k − 10·q_(k+1), so Σ w_k·d_k regroups as Σ q_k·(w_k − 10·w_(k−1)): one division per digit
 * and no `% 10` (a sixth less CPU); every term is below 1.2·10^18, inside a BIGINT.
 */
export const checkCharSql = (n: string) => {
  const w = (k: number) => (k < 0 ? 0 : RESIDENT_ID_WEIGHTS[16 - k]);
  const terms = RESIDENT_ID_WEIGHTS.map((_, k) => [k, (((w(k) - 10 * w(k - 1)) % 11) + 11) % 11] as const)
    .filter(([, c]) => c)
    .map(([k, c]) => `${k ? `(${n} // ${10n ** BigInt(k)})` : n} * ${c}`);
  return `substr('${RESIDENT_ID_CHECK_CHARS}', 1 + CAST((${terms.join(' + ')}) % 11 AS INTEGER), 1)`;
};

const REMEDY = { zh: '在来源系统中核对并更正该身份证号后重新导出', en: 'check the ID number against the person’s documents in the source system and export again' };

export const contractIdCheck = frameRule({
  id: 'CONTRACT-ID-CHECK',
  family: 'contract',
  title: { zh: '身份证号码校验码须正确', en: 'Every resident ID number carries its correct check character' },
  clause: CONTRACT_CLAUSE,
  needs: [],
  reads: [...new Set(PERSON_ID_PATHS.map((p) => p.collection))],
  parameters: [],
  before: 'skip',
  async whole(ctx) {
    const { ds } = ctx;
    const paths = PERSON_ID_PATHS.filter((p) => ds.has(p.collection));
    const collections = [...new Set(paths.map((p) => p.collection))];
    // One query for every path (k orders them as the contract lists them): a query per path
    // paid DuckDB's fixed cost of planning the seventeen-term check nine times.
    const ids = paths.map((p, k) => `SELECT ${k} AS k, * FROM (${personIdSql(p, COLLECTIONS[p.collection].key)})`).join(' UNION ALL ');
    const rows = paths.length
      ? await ds.all<{ k: number; id: string; _line: number; path: string; want: string }>(
          // The body is cast once in an inner query: an expression repeated 17 times is computed 17
          // times. The path is spelt out only for the IDs reported.
          `SELECT k, id, _line, ${PERSON_ID_PATH_SQL} AS path, want FROM (SELECT k, id, _line, path_head, i, path_tail, v, ${checkCharSql('n')} AS want FROM (SELECT *, CAST(substr(v, 1, 17) AS BIGINT) AS n FROM (${ids}) WHERE v IS NOT NULL)) WHERE want <> substr(v, 18, 1) ORDER BY k, _line, path`,
        )
      : [];
    for (const r of rows)
      ctx.find(undefined, {
        severity: 'warning',
        record: ds.locate(paths[r.k].collection, r.id, r._line),
        message: {
          zh: `${r.path} 的身份证号码校验码错误(按前17位应为 ${r.want}),号码可能录错`,
          en: `${r.path}: the resident ID number's check character is wrong (the first 17 digits call for ${r.want}); the number may be mistyped`,
        },
        expected: { field: r.path, check_character: r.want },
        actual: { field: r.path, check_character_correct: false },
        params: [],
        remedy: REMEDY,
        detail: `check:${r.path}`,
      });
    // Only records still in their table: a rejected copy is reported by CONTRACT-INVALID.
    const normalised = collections.length
      ? await ds.all<{ k: number; _line: number; id: string; path: string }>(
          `${collections.map((c, k) => `SELECT ${k} AS k, _line, id, path FROM ${NORMALISED_IDS} WHERE collection = '${c}' AND _line IN (SELECT _line FROM ${c})`).join(' UNION ALL ')} ORDER BY k, _line, path`,
        )
      : [];
    for (const n of normalised)
      ctx.find(undefined, {
        severity: 'warning',
        record: ds.locate(collections[n.k], n.id, n._line),
        message: {
          zh: `${n.path} 的身份证号码末位为小写 x,已按大写 X 读取`,
          en: `${n.path}: the resident ID number ends in a lower-case x, read as X`,
        },
        expected: { field: n.path, last_character: 'X' },
        actual: { field: n.path, last_character: 'x' },
        params: [],
        remedy: { zh: '在来源系统中将末位改为大写 X', en: 'write the last character as an upper-case X in the source system' },
        detail: `case:${n.path}`,
      });
    ctx.examine(collections.reduce((a, c) => a + ds.count(c), 0));
  },
});
