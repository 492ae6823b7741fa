// Sentences of the exemptions family: a staff member's accountability case
// (容错免责) and a household's application with its income, vehicles, members, exit and
// route. Each sentence changes one fact of the scene; the verdict is the shared
// "那么 该案件/该申请…" step, judged by the scenario's rule tag.
import { Given } from '@cucumber/cucumber';
import { FACTS, Fact } from '../policies/parameters/exemptions';
import { FACT_NAMES } from '../policies/rules/exemptions/reasoning';
import { accountabilityCase, application, decision, household, member, payment } from '../policies/rules/exemptions/testing';
import { parseMoneyToFen } from './money';
import { defineAuditScope, defineRuleCheck } from './rule-checks';
import { JiuzhuWorld } from './world';

const D = '(\\d{4}-\\d{2}-\\d{2})';
const yuan = (fen: number) => Number((fen / 100).toFixed(2));
const list = (s: string) => s.split(/[、,，;；]/).map((x) => x.trim()).filter((x) => x && x !== '无');

// ── 容错免责案件 ─────────────────────────────────────────────────────────────────────
const FACT_OF: Record<string, Fact> = {
  ...Object.fromEntries(FACTS.map((f) => [FACT_NAMES[f].zh, f])),
  谋取私利: 'personal_gain', 徇私舞弊: 'personal_gain', 贪污受贿: 'personal_gain', 未及时补救: 'failed_timely_remedy', 未及时采取措施: 'failed_timely_remedy', 重大损失: 'major_loss', 造成重大损失: 'major_loss',
};
const OUTCOME_OF: Record<string, string> = { 免责: 'exempt', 减轻处理: 'reduced', 从轻处理: 'lenient', 不予免责: 'not_exempt', 待认定: 'pending' };

function theCase(world: JiuzhuWorld): any {
  world.scene.accCase ??= world.add('accountability_cases', accountabilityCase());
  world.forgetSpecExport();
  return world.scene.accCase;
}

Given(new RegExp(`^经办人员的差错发生于 ${D}$`), function (this: JiuzhuWorld, on: string) {
  theCase(this).occurred_on = on;
});
Given(/^案件援引的情形为“(.*)”$/, function (this: JiuzhuWorld, codes: string) {
  theCase(this).claimed_situations = list(codes);
});
Given(/^认定事实为“(.*)”$/, function (this: JiuzhuWorld, names: string) {
  const c = theCase(this);
  for (const f of FACTS) c.facts[f] = false;
  for (const n of list(names)) {
    const f = FACT_OF[n];
    if (!f) throw new Error(`未知认定事实「${n}」(可用: ${Object.keys(FACT_OF).join('、')})`);
    c.facts[f] = true;
  }
});
Given(/^认定结果为(免责|减轻处理|从轻处理|不予免责|待认定)$/, function (this: JiuzhuWorld, outcome: string) {
  theCase(this).outcome = OUTCOME_OF[outcome];
});
Given(/^办理程序为“(.*)”$/, function (this: JiuzhuWorld, steps: string) {
  theCase(this).steps = list(steps).map((s) => {
    const m = /^(.+?)\s*(\d{4}-\d{2}-\d{2})$/.exec(s);
    if (!m) throw new Error(`程序步骤应写作"步骤名 日期",如"提出申请 2024-03-05",实际为「${s}」`);
    return { step: m[1], on: m[2] };
  });
});
Given(new RegExp(`^跟踪管理自 ${D} 至 ${D},谈心谈话于“(.*)”$`), function (this: JiuzhuWorld, from: string, until: string, talks: string) {
  theCase(this).tracking = { from, until, talks: list(talks) };
});
Given('没有跟踪管理记录', function (this: JiuzhuWorld) {
  delete theCase(this).tracking;
});

// ── 家庭申请 ───────────────────────────────────────────────────────────────────────────
const ITEM_OF: Record<string, string> = { 工资收入: 'wages', 经营收入: 'business', 其他收入: 'other', 基础养老金: 'basic_pension_base', 就业成本: 'employment_cost' };
const ITEMS = Object.keys(ITEM_OF).join('|');
const PROGRAM_OF: Record<string, string> = { 低保: 'dibao', 低保边缘家庭救助: 'low_income', 临时救助: 'temporary', 特困供养: 'tekun' };

function theHousehold(world: JiuzhuWorld, size = 1): any {
  if (!world.scene.hh) {
    world.scene.hh = world.add('households', household(size));
    world.scene.app = world.add('applications', application(world.scene.hh));
  }
  world.forgetSpecExport();
  return world.scene.hh;
}
function theApplication(world: JiuzhuWorld): any {
  theHousehold(world);
  return world.scene.app;
}
/** Income as the agency recorded it; unless a sentence says otherwise, its figure is the correct recomputation. */
function theIncome(world: JiuzhuWorld): any {
  const app = theApplication(world);
  app.income ??= { monthly_per_capita: 0, standard_monthly: 0, counted: [], excluded: [] };
  return app.income;
}
function refigure(world: JiuzhuWorld) {
  const inc = theIncome(world);
  if (world.scene.recordedFixed) return;
  const fen = [...inc.counted, ...inc.excluded].reduce((s: number, i: any) => s + (i.type === 'basic_pension_base' ? 0 : i.type === 'employment_cost' ? -1 : 1) * Math.round(i.amount * 100), 0);
  inc.monthly_per_capita = yuan(Math.max(0, Math.round(fen / world.scene.hh.members.length)));
}

Given(/^一户(\d+)口之家申请(低保|低保边缘家庭救助|临时救助|特困供养)$/, function (this: JiuzhuWorld, n: string, program: string) {
  theHousehold(this, Number(n));
  theApplication(this).program = PROGRAM_OF[program];
});
Given('当地低保标准为每人每月{money}', function (this: JiuzhuWorld, fen: number) {
  theIncome(this).standard_monthly = yuan(fen);
});
Given(new RegExp(`^该户每月(${ITEMS})(.+元)$`), function (this: JiuzhuWorld, item: string, amount: string) {
  theIncome(this).counted.push({ type: ITEM_OF[item], amount: yuan(parseMoneyToFen(amount)) });
  refigure(this);
});
Given(new RegExp(`^经办人核算时未计入该户的(${ITEMS})$`), function (this: JiuzhuWorld, item: string) {
  const inc = theIncome(this);
  const i = inc.counted.findIndex((x: any) => x.type === ITEM_OF[item]);
  if (i < 0) throw new Error(`该户没有${item}`);
  inc.excluded.push(...inc.counted.splice(i, 1));
  refigure(this);
});
Given('经办人记录的月人均收入为{money}', function (this: JiuzhuWorld, fen: number) {
  theIncome(this).monthly_per_capita = yuan(fen);
  this.scene.recordedFixed = true;
});
Given(new RegExp(`^该户的申请于 ${D} (获批准|被拒绝)$`), function (this: JiuzhuWorld, on: string, result: string) {
  const hh = theHousehold(this);
  theApplication(this).decision = decision(result === '获批准' ? 'approved' : 'rejected', on, hh.members.map((m: any) => m.person_id));
});
Given(/^该户有一名成员“(.+)”(患重大疾病|为[一二三四]级残疾|无重病重残)$/, function (this: JiuzhuWorld, name: string, what: string) {
  const hh = theHousehold(this);
  const grade = /^为([一二三四])级残疾$/.exec(what)?.[1];
  const extra: Record<string, unknown> = what === '患重大疾病' ? { serious_illness: true } : grade ? { disability_grade: '一二三四'.indexOf(grade) + 1 } : {};
  hh.members.push(member(name, '1990-01-01', 'child', extra));
});
Given(/^该户名下有(\d+)辆机动车$/, function (this: JiuzhuWorld, n: string) {
  const hh = theHousehold(this);
  hh.vehicles = Array.from({ length: Number(n) }, (_, i) => ({ owner_person_id: hh.members[i % hh.members.length].person_id, plate: `京N·0000${i}` }));
});
Given(new RegExp(`^该户于 ${D} 收到存款预警,至 ${D} 举证期满未提交反证$`), function (this: JiuzhuWorld, raised: string, due: string) {
  const hh = theHousehold(this);
  this.add('warnings', { warning_id: `W${(this.records.warnings?.length ?? 0) + 1}`, household_id: hh.household_id, type: 'deposits', raised_on: raised, evidence_due: due, outcome: 'pending', outcome_on: due });
});
Given('该户名下没有机动车', function (this: JiuzhuWorld) {
  delete theHousehold(this).vehicles;
});
Given(new RegExp(`^该户的申请于 ${D} 批准为“(.+)”的单人保$`), function (this: JiuzhuWorld, on: string, name: string) {
  const hh = theHousehold(this);
  const m = hh.members.find((x: any) => x.name === name);
  if (!m) throw new Error(`该户没有成员「${name}」`);
  theApplication(this).decision = decision('approved', on, [m.person_id], { coverage: 'individual' });
});

// 渐退
const REASON_OF: Record<string, string> = { 收入超标: 'income_over_limit', 死亡: 'death', 主动退出: 'voluntary', 骗取救助: 'fraud' };
function exit(world: JiuzhuWorld, on: string, reason: string, until?: string) {
  const app = theApplication(world);
  app.decision ??= decision('approved', '2023-01-10', world.scene.hh.members.map((m: any) => m.person_id), { start_month: '2023-01' });
  app.exit = { ended_on: on, reason: REASON_OF[reason], ...(until ? { gradual_exit_until: until } : {}) };
}
Given(new RegExp(`^该户于 ${D} 因(收入超标|死亡|主动退出|骗取救助)退出低保$`), function (this: JiuzhuWorld, on: string, reason: string) {
  exit(this, on, reason);
});
Given(new RegExp(`^该户于 ${D} 因(收入超标|死亡|主动退出|骗取救助)退出低保,渐退发放至 (\\d{4}-\\d{2})$`), function (this: JiuzhuWorld, on: string, reason: string, until: string) {
  exit(this, on, reason, until);
});
Given(/^该户 (\d{4}-\d{2}) 仍领取低保金(.+元)$/, function (this: JiuzhuWorld, month: string, amount: string) {
  this.add('payments', payment(theApplication(this), month, yuan(parseMoneyToFen(amount))));
});

// 容缺受理
Given(new RegExp(`^该户的申请于 ${D} 以容缺方式受理,容缺情形为“(.+)”$`), function (this: JiuzhuWorld, on: string, situation: string) {
  const app = theApplication(this);
  Object.assign(app, { route: 'tolerance', applied_on: on, accepted_on: on, tolerance: { situation, commitment_signed: true, missing_documents: [] } });
});
Given(/^申请人(已|未)签署告知承诺书$/, function (this: JiuzhuWorld, signed: string) {
  theApplication(this).tolerance.commitment_signed = signed === '已';
});
Given(new RegExp(`^缺少的(.+)于 ${D} 补正$`), function (this: JiuzhuWorld, docs: string, on: string) {
  Object.assign(theApplication(this).tolerance, { missing_documents: list(docs), supplemented_on: on });
});
Given(/^缺少的(.+)尚未补正$/, function (this: JiuzhuWorld, docs: string) {
  const t = theApplication(this).tolerance;
  t.missing_documents = list(docs);
  delete t.supplemented_on;
});

// 先行救助
Given(new RegExp(`^该户于 ${D} 获得先行救助$`), function (this: JiuzhuWorld, on: string) {
  const hh = theHousehold(this);
  const app = theApplication(this);
  Object.assign(app, { program: 'temporary', route: 'emergency', applied_on: on, decision: decision('approved', on, hh.members.map((m: any) => m.person_id)) });
  app.temporary = { cause: '突发火灾', event_date: on, amount: 3000, approval: 'standard' };
});
Given(new RegExp(`^有关手续于 ${D} 补齐$`), function (this: JiuzhuWorld, on: string) {
  theApplication(this).temporary.paperwork_completed_on = on;
});
Given('有关手续尚未补齐', function (this: JiuzhuWorld) {
  delete theApplication(this).temporary.paperwork_completed_on;
});

// ── 审计 ───────────────────────────────────────────────────────────────────────────────
defineAuditScope(['检查待审计数据中的每一起容错免责案件'], ['every accountability case in the export under audit is checked']);
defineRuleCheck('EXEMPT-GROUNDS', ['每一项免责、减轻或从轻认定都应援引本地清单中适用的情形'], ['every favourable outcome cites an applicable listed situation']);
defineRuleCheck('EXEMPT-BARRED', ['不应有存在不予免责情形的案件被免责、减轻或从轻处理'], ['no case with a barred fact is exempted']);
defineRuleCheck('EXEMPT-PROCEDURE', ['每一起容错免责案件都应按本地规定的程序依次办理'], ['every case follows the local procedure in order']);
defineRuleCheck('EXEMPT-TRACKING', ['每一名予以免责的人员都应跟踪管理并按期谈心谈话'], ['every exempted person is tracked with talks on time']);
defineRuleCheck('ELIG-VEHICLE', ['不应有拥有机动车且不属于重病唯一车辆例外的家庭获批准'], ['no household with a vehicle outside the exception is approved']);
defineRuleCheck('ELIG-INCOME', ['按规定口径重算收入后,不应有错保或漏保'], ['recomputed income shows no wrongful approval or refusal']);
defineRuleCheck('ELIG-GRADUAL', ['收入超标退出的家庭不应在渐退期满后继续领取'], ['no payment after the gradual-exit period']);
defineRuleCheck('ELIG-SINGLE', ['单人保应仅用于重病、重度残疾成员'], ['individual coverage only for seriously ill or severely disabled members']);
defineRuleCheck('ELIG-TOLERANCE', ['容缺受理应限于规定情形,并在时限内完成审核确认'], ['tolerance acceptance only in listed situations, reviewed in time']);
defineRuleCheck('ELIG-EMERGENCY', ['先行救助后应在时限内补齐手续'], ['emergency assistance paperwork completed in time']);
