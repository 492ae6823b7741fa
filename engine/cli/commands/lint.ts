// `jiuzhu lint [profile…]`: the profile checks for staff editing a profile. Exit 0 when every
// profile is clean, 2 with every problem listed (file, key, Chinese and English).
import { EXIT } from '../../errors';
import { lintProfiles } from '../../profile/lint';

export function lint(profiles: string[]): number {
  const results = lintProfiles(profiles);
  let problems = 0;
  for (const r of results) {
    if (!r.problems.length) {
      process.stdout.write(`✔ ${r.file}\n`);
      continue;
    }
    for (const p of r.problems) {
      problems++;
      process.stdout.write(`✘ ${p.file}: ${p.key}: ${p.zh}\n    ${p.en}\n`);
    }
  }
  process.stdout.write(
    problems
      ? `${problems} 个问题,涉及 ${results.filter((r) => r.problems.length).length} 个政策配置 / ${problems} problem(s) in ${results.filter((r) => r.problems.length).length} profile(s)\n`
      : `${results.length} 个政策配置均无问题 / ${results.length} profile(s) clean\n`,
  );
  return problems ? EXIT.unusable : EXIT.clean;
}
