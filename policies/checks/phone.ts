// Chinese mainland mobile numbers (手机号码): 11 digits, 1 then 3–9. Notices print them in
// many ways, so spaces, hyphens and a +86/0086/86 country prefix are tolerated.

/** True when `s` is a mainland mobile number, optionally with a country prefix and separators. */
export function isMobileNumber(s: string): boolean {
  if (typeof s !== 'string') return false;
  const compact = s.trim().replace(/[\s-]/g, '');
  const national = compact.replace(/^(\+86|0086|86)(?=\d{11}$)/, '');
  return /^1[3-9]\d{9}$/.test(national);
}
