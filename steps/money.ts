// Amounts as staff write them (1.5万元, 15,000元, full-width １５０００元) → integer fen.
// Parsed as decimal text, never through floating yuan, so 9,999.99 stays 999999 fen.
export function parseMoneyToFen(text: string): number {
  const s = text.normalize('NFKC').replace(/[,，\s]/g, '').replace('。', '.');
  const m = /^(\d+)(?:\.(\d+))?(万元|元|万)?$/.exec(s);
  if (!m) throw new Error(`不是金额 / not an amount: ${text}`);
  const [, whole, frac = '', unit] = m;
  const scale = unit?.startsWith('万') ? 6 : 2; // 1万元 = 10,000 yuan = 10^6 fen
  if (frac.length > scale) throw new Error(`金额精度超过分 / more precise than a fen: ${text}`);
  return Number(whole + frac.padEnd(scale, '0'));
}

export const fenToYuan = (fen: number) => (fen / 100).toFixed(2);
