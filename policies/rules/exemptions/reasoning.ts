// The exemption decision as default logic (Catala-style; DESIGN "Exceptions beat rules").
// Two things are kept apart:
//   - a claimed situation that does not REACH the case (unknown code, or its own condition
//     fails, e.g. "未造成重大损失" while a major loss occurred): the rule is inapplicable;
//   - a barred fact that DEFEATS the conclusion: the negative list is an exception that beats
//     every positive ground, whatever order the case lists them in and however many there are.
import { Fact, FACTS } from '../../parameters/exemptions';

export interface SituationDef {
  code: string;
  zh: string;
  en: string;
  status: 'quoted' | 'to_complete';
  requires_absent?: Fact[];
}

export interface BarredDef {
  code: string;
  zh: string;
  en: string;
  status: 'quoted' | 'to_complete';
  when_all: Fact[];
}

export type Facts = Record<Fact, boolean>;

export interface Ground {
  code: string;
  zh: string;
  /** Wording still to be supplied by policy staff (only the count is in the published document). */
  wordingToComplete: boolean;
}

export interface ExemptionReasoning {
  claimed: string[];
  /** Codes the profile never defines: cannot be classified (fail closed). */
  undefinedCodes: string[];
  /** Grounds that reach the case. */
  applicable: Ground[];
  /** Grounds defined but not reaching the case, with the facts that keep them out. */
  inapplicable: (Ground & { because: Fact[] })[];
  /** Barred situations that hold: each defeats every applicable ground. */
  defeatedBy: { code: string; zh: string; en: string; facts: Fact[] }[];
  /** exemptable: a ground applies and nothing defeats it; defeated: an exception holds; no_ground: no ground reaches the case. */
  conclusion: 'exemptable' | 'defeated' | 'no_ground';
}

export const FACT_NAMES: Record<Fact, { zh: string; en: string }> = {
  abuse_of_power: { zh: '滥用职权', en: 'abuse of power' },
  personal_gain: { zh: '谋取私利(徇私舞弊、贪污受贿)', en: 'personal gain (favouritism, bribery)' },
  repeated_same_matter: { zh: '同一事项重复失误', en: 'repeated error on the same matter' },
  failed_timely_remedy: { zh: '未及时采取措施应对解决', en: 'failed to act in time' },
  major_loss: { zh: '造成重大影响和损失', en: 'major impact or loss' },
  knowingly: { zh: '明知故犯', en: 'knowingly broke the rules' },
};

export function reasonExemption(claimed: string[], facts: Facts, situations: SituationDef[], barred: BarredDef[]): ExemptionReasoning {
  const byCode = new Map(situations.map((s) => [s.code, s]));
  const codes = [...new Set(claimed)];
  const undefinedCodes = codes.filter((c) => !byCode.has(c));
  const applicable: Ground[] = [];
  const inapplicable: ExemptionReasoning['inapplicable'] = [];
  for (const code of codes) {
    const s = byCode.get(code);
    if (!s) continue;
    const ground = { code, zh: s.zh, wordingToComplete: s.status === 'to_complete' };
    const because = (s.requires_absent ?? []).filter((f) => facts[f] === true);
    if (because.length) inapplicable.push({ ...ground, because });
    else applicable.push(ground);
  }
  // The exception is checked independently of the grounds: it does not matter which, or how many, were claimed.
  const defeatedBy = barred.filter((b) => b.when_all.length > 0 && b.when_all.every((f) => facts[f] === true)).map((b) => ({ code: b.code, zh: b.zh, en: b.en, facts: b.when_all }));
  const conclusion = defeatedBy.length ? 'defeated' : applicable.length ? 'exemptable' : 'no_ground';
  return { claimed: codes, undefinedCodes, applicable, inapplicable, defeatedBy, conclusion };
}

/** Facts the case sets true, in the contract's order (for messages). */
export const factsHeld = (facts: Facts): Fact[] => FACTS.filter((f) => facts[f] === true);

export const groundList = (gs: Ground[]) => gs.map((g) => (g.wordingToComplete ? `${g.code}(表述待补充)` : `${g.code}「${shorten(g.zh)}」`)).join('、');

function shorten(s: string): string {
  return [...s].length > 24 ? [...s].slice(0, 24).join('') + '…' : s;
}
