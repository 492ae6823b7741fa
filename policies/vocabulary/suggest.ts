// "Did you mean": the names closest to one staff wrote, by edit distance over characters
// (a Chinese label one character off, an English one with a typo), plus names containing it.

function distance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[y.length];
}

/** Up to `n` of `names` closest to `wanted`, closest first. */
export function closest(wanted: string, names: Iterable<string>, n = 3): string[] {
  const w = wanted.toLowerCase();
  const scored = [...new Set(names)].map((name) => {
    const l = name.toLowerCase();
    const d = l.includes(w) || w.includes(l) ? Math.min(distance(w, l), 1) : distance(w, l);
    return { name, d };
  });
  const limit = Math.max(2, Math.ceil([...w].length / 2));
  return scored
    .filter((s) => s.d <= limit)
    .sort((a, b) => a.d - b.d || a.name.localeCompare(b.name))
    .slice(0, n)
    .map((s) => s.name);
}

/** "(最接近的: 受理日期、申请日期 / closest: …)", or nothing when no name is close. */
export function didYouMean(wanted: string, names: Iterable<string>): { zh: string; en: string } {
  const near = closest(wanted, names);
  return near.length ? { zh: `(最接近的: ${near.join('、')})`, en: ` (closest: ${near.join(', ')})` } : { zh: '', en: '' };
}
