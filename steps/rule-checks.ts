// A phrase registry: each rule's audit sentences, Chinese and English, map to one check
// that runs the rule over the export under audit and fails with what it found.
import { judgedEverything } from '../engine/run/outcome';
import { then, when } from './phrases';
import { summarise } from './verdicts';
import { JiuzhuWorld } from './world';

export function defineRuleCheck(ruleId: string, zh: string[], en: string[] = []): void {
  then(zh, en, async function (this: JiuzhuWorld) {
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
  when(zh, en, function (this: JiuzhuWorld) {
    this.scene.auditScope = true;
  });
}
