// Assistance standards the generator prices benefits with, in integer fen (money is summed
// in fen, never floating yuan). Values approximate Naiman's 2024 levels; they are synthetic.

/** Monthly dibao standard per person. */
export const DIBAO_STANDARD_FEN = { urban: 88_000, rural: 65_800 } as const;
/** 特困 basic living standard: 1.3 × the dibao standard, as most provinces set it. */
export const TEKUN_BASIC_FEN = { urban: 114_400, rural: 85_600 } as const;
/** 特困 care allowance by self-care ability (全自理 / 半护理 / 全护理). */
export const TEKUN_CARE_FEN = [10_000, 30_000, 60_000] as const;
/** 低保边缘 line: 1.5 × the dibao standard. */
export const LOW_INCOME_FACTOR = 1.5;
/** Monthly basic pension base part (基础养老金), not counted as income. */
export const BASIC_PENSION_BASE_FEN = 19_300;
/** Temporary assistance above this needs case-by-case approval (一事一议); Naiman's ceiling is 50,000. */
export const TEMPORARY_STANDARD_CAP_FEN = 300_000;
export const TEMPORARY_CEILING_FEN = 5_000_000;

/** Fen as a yuan JSON number: fen / 100 is exact to two decimals in IEEE doubles' shortest form. */
export function yuan(fen: number): number {
  return fen / 100;
}

/** Yuan as printed on a notice: whole yuan without decimals. */
export function yuanText(fen: number): string {
  return fen % 100 === 0 ? String(fen / 100) : (fen / 100).toFixed(2);
}
