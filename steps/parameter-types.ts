// Parameter types for sentences as policy staff write them: Chinese quotes, full-width
// digits, amounts in 万元 or with thousands separators.
import { defineParameterType } from '@cucumber/cucumber';
import { parseMoneyToFen } from './money';

// “…”, 「…」 or "…": the built-in {string} knows only ASCII quotes.
defineParameterType({
  name: 'text',
  regexp: [/“([^”]*)”/, /「([^」]*)」/, /"([^"]*)"/],
  transformer: (a?: string, b?: string, c?: string) => a ?? b ?? c ?? '',
});

defineParameterType({
  name: 'money',
  regexp: /[0-9０-９][0-9０-９,，.．]*(?:万元|元|万)/,
  transformer: (s: string) => parseMoneyToFen(s),
});

defineParameterType({
  name: 'date',
  regexp: /\d{4}-\d{2}-\d{2}/,
  transformer: (s: string) => s,
});

defineParameterType({
  name: 'ruleId',
  regexp: /[A-Z]+(?:-[A-Z]+)+/,
  transformer: (s: string) => s,
});
