// A phrase registry: each rule's audit sentences, Chinese and English, map to one check
// that runs the rule over the export under audit and fails with what it found.
import { Then, When } from '@cucumber/cucumber';
import { judgedEverything } from '../engine/run/outcome';
import { summarise } from './verdicts';
import { JiuzhuWorld } from './world';

export function defineRuleCheck(ruleId: string, zh: string[], en: string[] = []): void {
  for (const phrase of [...zh, ...en])
    Then(phrase, async function (this: JiuzhuWorld) {
      const result = await this.audit(ruleId);
      const blocking = result.findings.filter((f) => f.severity !== 'info');
      if (blocking.length) throw new Error(summarise(result));
      // Nothing blocking, but not every record judged: the claim cannot be made, nor denied.
      if (!judgedEverything(result)) return 'skipped';
      return undefined;
    });
}

/** "When checking every … in the export under audit": names what is examined; the Then runs the rule. */
export function defineAuditScope(zh: string[], en: string[] = []): void {
  for (const phrase of [...zh, ...en])
    When(phrase, function (this: JiuzhuWorld) {
      this.scene.auditScope = phrase;
    });
}
