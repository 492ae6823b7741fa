// Sentences of the penalties family. The scene: one household that
// obtained assistance by fraud; one case, its decision, the household's payments and the
// person's credit repair, each sentence changing one fact. Amounts arrive as integer fen.
import { Given, Then } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import { Tier, TIER_ZH } from '../policies/parameters/penalties';
import { assess, CIRCUMSTANCE_ZH, fenToYuanText, TRANSFER_ZH } from '../policies/rules/penalties/grading';
import { fraudCase, payment, reapprovedApplication } from '../policies/rules/penalties/testing';
import { defineAuditScope, defineRuleCheck } from './rule-checks';
import { JiuzhuWorld } from './world';

const TIER_OF: Record<string, Tier> = Object.fromEntries(Object.entries(TIER_ZH).map(([k, v]) => [v, k as Tier]));
const tierOf = (zh: string): Tier => {
  const t = TIER_OF[zh.trim()];
  if (!t) throw new Error(`未知失信等级「${zh}」(可用: ${Object.keys(TIER_OF).join('、')})`);
  return t;
};
const CIRCUMSTANCE_OF: Record<string, string> = {
  ...Object.fromEntries(Object.entries(CIRCUMSTANCE_ZH).map(([k, v]) => [v, k])),
  隐瞒死亡: 'concealed_death',
  故意隐瞒死亡信息: 'concealed_death',
  财政供养人员为亲属骗取: 'public_funded_for_relative',
  拒不履行处罚决定: 'refused_penalty',
};
const circumstanceOf = (zh: string) => {
  const c = CIRCUMSTANCE_OF[zh.trim()];
  if (!c) throw new Error(`未知情节「${zh}」(可用: ${Object.keys(CIRCUMSTANCE_OF).join('、')})`);
  return c;
};
const TRANSFER_OF: Record<string, string> = { ...Object.fromEntries(Object.entries(TRANSFER_ZH).map(([k, v]) => [v.replace(/^移送/, ''), k])), 法院: 'court_enforcement', 公安: 'police', 司法机关: 'judiciary', 纪委监委: 'discipline' };
const yuan = (fen: number) => Number((fen / 100).toFixed(2));

/** The scenario's case, created on first mention (5,000 yuan at application, found 2024-03-01). */
function theCase(world: JiuzhuWorld): any {
  world.scene.case ??= world.add('fraud_cases', fraudCase({ amount: 5000, circumstances: [] }));
  world.forgetSpecExport();
  return world.scene.case;
}

function theDecision(world: JiuzhuWorld): any {
  const c = theCase(world);
  if (!c.decision) throw new Error('尚未作出处理决定:请先说明“处理决定于 … 作出,认定为…”');
  return c.decision;
}

function setAmount(world: JiuzhuWorld, stage: 'application' | 'in_receipt', fen: number) {
  const c = theCase(world);
  c.stage = stage;
  c.amount = yuan(fen);
  if (c.decision) c.decision.recovered_amount = c.amount;
}

Given('申请救助时骗取{money}', function (this: JiuzhuWorld, fen: number) {
  setAmount(this, 'application', fen);
});
Given('获得救助后骗取{money}', function (this: JiuzhuWorld, fen: number) {
  setAmount(this, 'in_receipt', fen);
});
Given('情节为{text}', function (this: JiuzhuWorld, list: string) {
  theCase(this).circumstances = !list ? [] : CIRCUMSTANCE_OF[list.trim()] ? [circumstanceOf(list)] : list.split(/[,，;；]/).map(circumstanceOf);
});
// A decision that recovers the amount and records the routine measures; sentences below change one each.
Given(/^处理决定于 (\d{4}-\d{2}-\d{2}) 作出,认定为(一般失信|较重失信|严重失信)$/, function (this: JiuzhuWorld, date: string, tier: string) {
  const c = theCase(this);
  c.found_on = c.found_on > date ? date : c.found_on;
  c.decision = { decided_on: date, tier: tierOf(tier), recovered_amount: c.amount, fine_amount: 0, blacklisted: false, verification_frequency_raised: true, education_given: true, transfers: [] };
});
Given('决定追缴{money}', function (this: JiuzhuWorld, fen: number) {
  theDecision(this).recovered_amount = yuan(fen);
});
Given('决定罚款{money}', function (this: JiuzhuWorld, fen: number) {
  theDecision(this).fine_amount = yuan(fen);
});
Given('已列入失信人员名单', function (this: JiuzhuWorld) {
  theDecision(this).blacklisted = true;
});
Given('未列入失信人员名单', function (this: JiuzhuWorld) {
  theDecision(this).blacklisted = false;
});
Given('已加大核查频次', function (this: JiuzhuWorld) {
  theDecision(this).verification_frequency_raised = true;
});
Given('未记录加大核查频次', function (this: JiuzhuWorld) {
  theDecision(this).verification_frequency_raised = false;
});
Given(/^自 (\d{4}-\d{2}) 起停止救助$/, function (this: JiuzhuWorld, month: string) {
  theDecision(this).assistance_stopped_from = month;
});
Given('未记录停止救助', function (this: JiuzhuWorld) {
  delete theDecision(this).assistance_stopped_from;
});
Given(/^该户 (\d{4}-\d{2}) 领取救助金(.+)$/, function (this: JiuzhuWorld, month: string, amount: string) {
  theCase(this);
  const n = (this.records.payments?.length ?? 0) + 1;
  this.add('payments', payment({ payment_id: `P${String(n).padStart(3, '0')}`, month, amount: Number(amount.replace(/[元,，]/g, '')) }));
});
Given(/^已移送(法院强制执行|公安机关|司法机关|纪委监委问责)$/, function (this: JiuzhuWorld, to: string) {
  theDecision(this).transfers.push(TRANSFER_OF[to]);
});
Given('未移送任何机关', function (this: JiuzhuWorld) {
  theDecision(this).transfers = [];
});
Given(/^当事人于 (\d{4}-\d{2}-\d{2}) 纠正失信行为并退缴$/, function (this: JiuzhuWorld, date: string) {
  const c = theCase(this);
  c.credit_repair = { ...(c.credit_repair ?? { applied_on: date, decided_on: date, granted: true }), corrected_on: date, repaid_on: date };
});
Given('未申请信用修复', function (this: JiuzhuWorld) {
  delete theCase(this).credit_repair;
});
Given(/^于 (\d{4}-\d{2}-\d{2}) 申请信用修复,(\d{4}-\d{2}-\d{2}) (准予|不予)修复$/, function (this: JiuzhuWorld, applied: string, decided: string, verdict: string) {
  const c = theCase(this);
  c.credit_repair = { corrected_on: applied, repaid_on: applied, ...(c.credit_repair ?? {}), applied_on: applied, decided_on: decided, granted: verdict === '准予' };
});

// Contract v1.1: a re-approval after the stop, the blacklist removal date, what was collected.
Given(/^重新批准申请 (\S+) 于 (\d{4}-\d{2}-\d{2}) 作出,自 (\d{4}-\d{2}) 起恢复发放$/, function (this: JiuzhuWorld, id: string, date: string, month: string) {
  const c = theCase(this);
  c.reapproval = { application_id: id, decided_on: date, from_month: month };
  this.records.applications ??= [];
  this.add('applications', reapprovedApplication(id, c.household_id, c.person_ids[0], date));
});
Given(/^该户 (\d{4}-\d{2}) 按重新批准的申请领取救助金(.+)$/, function (this: JiuzhuWorld, month: string, amount: string) {
  const c = theCase(this);
  if (!c.reapproval) throw new Error('尚未重新批准:请先说明“重新批准申请 … 于 … 作出,自 … 起恢复发放”');
  const n = (this.records.payments?.length ?? 0) + 1;
  this.add('payments', { ...payment({ payment_id: `P${String(n).padStart(3, '0')}`, month, amount: Number(amount.replace(/[元,，]/g, '')) }), application_id: c.reapproval.application_id });
});
Given(/^于 (\d{4}-\d{2}-\d{2}) 移出失信人员名单$/, function (this: JiuzhuWorld, date: string) {
  theCase(this).blacklist_removed_on = date;
});
Given('已追回{money}', function (this: JiuzhuWorld, fen: number) {
  const c = theCase(this);
  this.add('recoveries', { recovery_id: `R${(this.records.recoveries?.length ?? 0) + 1}`, household_id: c.household_id, case_id: c.case_id, reason: 'fraud', ordered_on: c.decision?.decided_on ?? c.found_on, amount_due: c.amount, payment_ids: [], collected: [{ on: '2024-06-30', amount: yuan(fen) }] });
});
Given('追缴记录中没有该案件', function (this: JiuzhuWorld) {
  theCase(this);
  this.records.recoveries ??= [];
  this.forgetSpecExport();
});

// The tier the profile gives, through the same `assess` the PEN-TIER rule and `jiuzhu penalty` use.
Then(/^应认定为(一般失信|较重失信|严重失信)$/, async function (this: JiuzhuWorld, tier: string) {
  const c = theCase(this);
  const date = c.decision?.decided_on ?? c.found_on;
  const a = assess(this.profile, { stage: c.stage, amountFen: Math.round(c.amount * 100), circumstances: c.circumstances }, date, date);
  assert.equal(a.tier, tierOf(tier), `认定为 ${a.tier},应为 ${tierOf(tier)}: ${a.reason.zh}`);
});
Then('罚款幅度应为{money}至{money}', function (this: JiuzhuWorld, min: number, max: number) {
  const c = theCase(this);
  const date = c.decision?.decided_on ?? c.found_on;
  const a = assess(this.profile, { stage: c.stage, amountFen: Math.round(c.amount * 100), circumstances: c.circumstances }, date, date);
  const fine = a.requirements?.fine;
  assert.ok(fine != null, `${a.reason.zh}: 该等级不处罚款`);
  const range = [fenToYuanText(fine.minFen), fenToYuanText(fine.maxFen)];
  assert.deepEqual(range, [fenToYuanText(min), fenToYuanText(max)], `罚款幅度为 ${range.join('至')},应为 ${fenToYuanText(min)}至${fenToYuanText(max)}: ${a.reason.zh}`);
});
Then('不应处罚款', function (this: JiuzhuWorld) {
  const c = theCase(this);
  const date = c.decision?.decided_on ?? c.found_on;
  const a = assess(this.profile, { stage: c.stage, amountFen: Math.round(c.amount * 100), circumstances: c.circumstances, recordedTier: c.decision?.tier }, date, date);
  assert.equal(a.requirements?.fine, null, `应不处罚款: ${a.reason.zh}`);
});

defineAuditScope(['检查待审计数据中的每一起骗取救助案件'], ['every fraud case in the export under audit is checked']);
defineRuleCheck('PEN-TIER', ['每起案件认定的失信等级都应与政策配置一致'], ['every fraud case is graded as the profile requires']);
defineRuleCheck('PEN-RECOVER', ['每起案件都应足额追缴骗取的资金'], ['every fraud case recovers the amount obtained']);
defineRuleCheck('PEN-FINE', ['罚款都应符合失信等级及1至3倍的幅度'], ['every fine matches the tier and lies within 1–3× the amount']);
defineRuleCheck('PEN-BLACKLIST', ['列入失信人员名单都应与失信等级及信用修复一致'], ['blacklist entries match the tier and credit repairs']);
defineRuleCheck('PEN-STOP', ['应停止救助的案件自决定当月起都不应再发放'], ['no payment from the decision month where the tier stops assistance']);
defineRuleCheck('PEN-TRANSFER', ['拒不履行或达到追诉标准的案件都应依规移送'], ['every refusal or case at the prosecution threshold is transferred']);
defineRuleCheck('PEN-REPAIR', ['信用修复都应符合半年期限和15个工作日的认定期限'], ['every credit repair meets the six-month window and the 15-working-day deadline']);
