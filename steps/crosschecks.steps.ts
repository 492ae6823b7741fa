// Sentences of the cross-checks family: who is enrolled where and paid for
// which months, deaths, temporary grants, approvals and surveys, warnings and the household's
// counter-evidence, and the agencies' own reports and inspections. Each builds one fact.
import { Given } from '@cucumber/cucumber';
import { parseMoneyToFen } from './money';
import { defineAuditScope, defineRuleCheck } from './rule-checks';
import { person } from './support/people';
import { JiuzhuWorld } from './world';

const REGIONS: Record<string, string> = { 奈曼旗: '150525100201', 科尔沁区: '150502100101', 福州市鼓楼区: '350102000000' };
const AREA: Record<string, 'urban' | 'rural'> = { 城市: 'urban', 农村: 'rural' };
const PROGRAM: Record<string, string> = { 低保: 'dibao', 特困供养: 'tekun', 低保边缘: 'low_income', 单人保: 'dibao' };

interface Scene {
  people: Map<string, any>;
  household?: any;
  application?: any;
  sequence: number;
}

function scene(world: JiuzhuWorld): Scene {
  world.scene.cross ??= { people: new Map(), sequence: 0 };
  return world.scene.cross;
}

function who(world: JiuzhuWorld, name: string) {
  const s = scene(world);
  if (!s.people.has(name)) s.people.set(name, person(name, '1968-05-01'));
  return s.people.get(name);
}

/** 2024-01~2024-06, or one month 2024-06. */
function monthsOf(range: string): string[] {
  const [from, to = from] = range.split(/[~～至]/);
  const out: string[] = [];
  for (let [y, m] = from.split('-').map(Number); `${y}-${String(m).padStart(2, '0')}` <= to; m === 12 ? ((m = 1), y++) : m++) out.push(`${y}-${String(m).padStart(2, '0')}`);
  return out;
}

/** A new household enrolled in a programme and paid for the months given; each later sentence is a later enrolment. */
function enrol(world: JiuzhuWorld, names: string[], kind: string, place: string | undefined, range: string) {
  const s = scene(world);
  const n = ++s.sequence;
  const members = names.map((name, i) => ({ ...who(world, name), relation: i ? 'spouse' : 'head' }));
  const area = kind.startsWith('城市') ? 'urban' : 'rural';
  const program = PROGRAM[kind.replace(/^(城市|农村)/, '')] ?? 'dibao';
  const individual = kind === '单人保' || program === 'tekun';
  const region = REGIONS[place ?? '奈曼旗'] ?? place ?? REGIONS['奈曼旗'];
  const months = monthsOf(range);
  const decided = `${months[0].slice(0, 4)}-01-0${Math.min(n, 9)}`.replace(/^(\d{4})/, (y) => String(+y - 1));
  s.household = world.add('households', { household_id: `H${n}`, region_code: region, region_name: place ?? '奈曼旗某村', area_type: area, members });
  s.application = world.add('applications', {
    application_id: `A${n}`, household_id: `H${n}`, applicant_person_id: members[0].person_id, program, region_code: region,
    applied_on: decided.replace(/-0\d$/, '-01'), route: 'standard', handled_by: ['S01'], household_survey_on: decided.replace(/-0\d$/, '-01'),
    decision: { result: 'approved', decided_on: decided, coverage: individual ? 'individual' : 'household', covered_person_ids: members.map((m) => m.person_id) },
  });
  for (const month of months)
    world.add('payments', {
      payment_id: `P${n}-${month}`, application_id: `A${n}`, household_id: `H${n}`, ...(individual ? { person_id: members[0].person_id } : {}),
      program, region_code: region, month, amount: 500, paid_on: `${month}-10`, channel: 'bank',
    });
}

function household(world: JiuzhuWorld) {
  const s = scene(world);
  if (!s.household) enrol(world, ['张桂兰'], '农村低保', undefined, '2024-01');
  return s;
}

const NAMES = '“([^”]+)”((?:(?:和|、)“[^”]+”)*)';
const namesOf = (first: string, rest: string) => [first, ...[...rest.matchAll(/“([^”]+)”/g)].map((m) => m[1])];

// ── enrolments and payments ──
Given(new RegExp(`^${NAMES}作为(城市低保|农村低保|低保|特困供养|低保边缘|单人保)对象(?:在(\\S+?))?领取 (\\S+) 的救助金$`), function (this: JiuzhuWorld, first: string, rest: string, kind: string, place: string | undefined, range: string) {
  enrol(this, namesOf(first, rest), kind, place, range);
});
Given('{text}于 {date} 死亡', function (this: JiuzhuWorld, name: string, died: string) {
  this.add('deaths', { person_id: who(this, name).person_id, died_on: died, source: 'funeral' });
});

// ── temporary assistance ──
Given(/^该户于 (\d{4}-\d{2}-\d{2}) (经一事一议)?因“([^”]+)”获得临时救助 ([0-9０-９][0-9０-９,，.．]*(?:万元|元))$/, function (this: JiuzhuWorld, decided: string, caseByCase: string | undefined, cause: string, amount: string) {
  const s = household(this);
  const n = ++s.sequence;
  const fen = parseMoneyToFen(amount);
  this.add('applications', {
    application_id: `T${n}`, household_id: s.household.household_id, applicant_person_id: s.household.members[0].person_id, program: 'temporary',
    region_code: s.household.region_code, applied_on: decided, route: 'standard', handled_by: ['S01'],
    decision: { result: 'approved', decided_on: decided, coverage: 'household', covered_person_ids: [] },
    temporary: { cause, event_date: decided, amount: fen / 100, approval: caseByCase ? 'case_by_case' : 'standard' },
  });
});
// Without a date the local cap is taken to be in force since the national cross-checks (2022-06-21).
Given('本地临时救助一般封顶标准为 {money}', function (this: JiuzhuWorld, fen: number) {
  this.setParameter('dup.temp_standard_cap', fen / 100, '2022-06-21', '本地一般封顶标准(示例)');
});
Given('自 {date} 起本地临时救助一般封顶标准为 {money}', function (this: JiuzhuWorld, from: string, fen: number) {
  this.setParameter('dup.temp_standard_cap', fen / 100, from, '本地一般封顶标准(示例)');
});

// ── approvals and household surveys (政策保) ──
Given(/^一份低保申请(以先行救助方式)?于 (\d{4}-\d{2}-\d{2}) 批准,(?:入户调查于 (\d{4}-\d{2}-\d{2}) 完成|(未经入户调查))$/, function (this: JiuzhuWorld, emergency: string | undefined, decided: string, survey?: string, _none?: string) {
  approve(this, decided, emergency ? 'emergency' : 'standard', survey);
});
Given(/^批次“([^”]+)”中 (\d+) 户于 (\d{4}-\d{2}-\d{2}) 一并批准,(均未经入户调查|均已入户调查)$/, function (this: JiuzhuWorld, batch: string, count: string, decided: string, surveyed: string) {
  for (let i = 0; i < Number(count); i++) approve(this, decided, 'standard', surveyed === '均已入户调查' ? decided : undefined, batch);
});

function approve(world: JiuzhuWorld, decided: string, route: string, survey?: string, batch?: string) {
  const s = scene(world);
  const n = ++s.sequence;
  const head = who(world, `申请人${n}`);
  world.add('households', { household_id: `H${n}`, region_code: REGIONS['奈曼旗'], region_name: '奈曼旗某村', area_type: 'rural', members: [head] });
  world.add('applications', {
    application_id: `A${n}`, household_id: `H${n}`, applicant_person_id: head.person_id, program: 'dibao', region_code: REGIONS['奈曼旗'],
    applied_on: decided, route, handled_by: ['S01'], ...(survey ? { household_survey_on: survey } : {}), ...(batch ? { batch_id: batch } : {}),
    decision: { result: 'approved', decided_on: decided, coverage: 'household', covered_person_ids: [head.person_id] },
  });
}

// ── exits ──
Given(/^该户于 (\d{4}-\d{2}-\d{2}) 因收入超标退出(?:,渐退期至 (\d{4}-\d{2}))?$/, function (this: JiuzhuWorld, ended: string, until?: string) {
  household(this).application.exit = { ended_on: ended, reason: 'income_over_limit', ...(until ? { gradual_exit_until: until } : {}) };
  this.forgetSpecExport();
});

// ── warnings and counter-evidence (004) ──
const WARNING_TYPES: Record<string, string> = {
  存款: 'deposits', 有价证券: 'securities', 房产: 'real_estate', 保险: 'insurance', 所得税: 'income_tax', 车辆: 'vehicle', 公积金: 'provident_fund', 工商经营: 'business', 其他: 'other',
};
const OUTCOMES: Record<string, string> = { 继续享受: 'continued', 取消并追回: 'cancelled', 视为自动放弃: 'voluntary_exit', 待处理: 'pending' };

Given('该户于 {date} 收到{text}预警,须于 {date} 前提交反证', function (this: JiuzhuWorld, raised: string, type: string, due: string) {
  const s = household(this);
  const t = WARNING_TYPES[type];
  if (!t) throw new Error(`未知的预警类型「${type}」(可用: ${Object.keys(WARNING_TYPES).join('、')})`);
  s.household.warning = this.add('warnings', { warning_id: `W${++s.sequence}`, household_id: s.household.household_id, type: t, raised_on: raised, evidence_due: due, outcome: 'pending', outcome_on: raised });
});
Given(/^该户(?:于 (\d{4}-\d{2}-\d{2}) 提交反证,(经审查真实可信|经审查不真实可信|尚未审查)|(未提交反证))$/, function (this: JiuzhuWorld, submitted?: string, assessed?: string, _none?: string) {
  const w = warning(this);
  if (submitted) w.response = { submitted_on: submitted, ...(assessed === '尚未审查' ? {} : { credible: assessed === '经审查真实可信' }) };
  else delete w.response;
  this.forgetSpecExport();
});
Given('民政部门于 {date} 作出{text}处理', function (this: JiuzhuWorld, on: string, outcome: string) {
  const w = warning(this);
  w.outcome = OUTCOMES[outcome] ?? outcome;
  w.outcome_on = on;
  this.forgetSpecExport();
});
Given(/^该户此后重新申请,于 (\d{4}-\d{2}-\d{2}) 获批并领取 (\S+) 的救助金$/, function (this: JiuzhuWorld, decided: string, range: string) {
  const s = household(this);
  const n = ++s.sequence;
  const h = s.household;
  this.add('applications', {
    application_id: `A${n}`, household_id: h.household_id, applicant_person_id: h.members[0].person_id, program: 'dibao', region_code: h.region_code,
    applied_on: decided, route: 'standard', handled_by: ['S01'], household_survey_on: decided,
    decision: { result: 'approved', decided_on: decided, coverage: 'household', covered_person_ids: h.members.map((m: any) => m.person_id) },
  });
  for (const month of monthsOf(range))
    this.add('payments', { payment_id: `P${n}-${month}`, application_id: `A${n}`, household_id: h.household_id, program: 'dibao', region_code: h.region_code, month, amount: 500, paid_on: `${month}-10`, channel: 'bank' });
});

function warning(world: JiuzhuWorld) {
  const w = scene(world).household?.warning;
  if (!w) throw new Error('请先说明该户收到的预警(例如:并且 该户于 2024-03-01 收到“存款”预警,须于 2024-03-31 前提交反证)');
  return w;
}

// ── the agencies' own supervision (002) ──
const LEVELS: Record<string, string> = { 县级: 'county', 市级: 'city', 省级: 'province' };
const HALF: Record<string, string> = { 上半年: '-H1', 下半年: '-H2', 全年: '' };
Given(/^(县级|市级|省级)民政部门于 (\d{4}-\d{2}-\d{2}) 报送 (\d{4}) 年(上半年|下半年|全年)工作报告$/, function (this: JiuzhuWorld, level: string, on: string, year: string, half: string) {
  oversight(this, level, 'half_year_report', `${year}${HALF[half]}`, on);
});
Given(/^(县级|市级|省级)民政部门于 (\d{4}-\d{2}-\d{2}) 组织专项检查$/, function (this: JiuzhuWorld, level: string, on: string) {
  oversight(this, level, 'special_inspection', on.slice(0, 4), on);
});

function oversight(world: JiuzhuWorld, level: string, kind: string, period: string, on: string) {
  const s = scene(world);
  world.add('oversight', { record_id: `O${++s.sequence}`, level: LEVELS[level], region_code: level === '县级' ? '350102' : level === '市级' ? '350100' : '350000', kind, period, done_on: on });
}


// ── audit sentences ──
defineAuditScope(
  ['检查待审计数据中的每一笔发放', '检查待审计数据中的每一份临时救助', '检查待审计数据中的每一份审批', '检查待审计数据中的每一条预警', '检查待审计数据中的监督工作记录'],
  ['every payment in the export under audit is checked', 'every temporary grant in the export under audit is checked', 'every approval in the export under audit is checked', 'every warning in the export under audit is checked', 'the oversight records in the export under audit are checked'],
);
defineRuleCheck('DUP-URBAN-RURAL', ['不应有人同月同时享受城市低保和农村低保'], ['nobody is in urban and rural dibao in the same month']);
defineRuleCheck('DUP-DIBAO-TEKUN', ['不应有人同月同时享受低保和特困供养'], ['nobody is in dibao and 特困供养 in the same month']);
defineRuleCheck('DUP-CROSS-REGION', ['不应有人同月在两地重复纳入低保'], ['nobody is in dibao in two places in the same month']);
defineRuleCheck('DUP-DECEASED', ['死亡人员在死亡次月起不应再领取救助金'], ['nobody is paid for a month after their death']);
defineRuleCheck('DUP-TEMP-REPEAT', ['不应有家庭同一年度因同一事由重复享受临时救助'], ['no household gets temporary assistance twice for one cause in a year']);
defineRuleCheck('DUP-TEMP-CAP', ['临时救助不应超过封顶标准,超过一般标准的须经一事一议'], ['no temporary grant exceeds its cap; above the standard cap only case by case']);
defineRuleCheck('DUP-BLOCK', ['不应有未经入户调查、逐户审核即批准的"政策保"'], ['no approval without an individual household survey']);
defineRuleCheck('DUP-OVER-LIMIT', ['收入超标清退的家庭在清退后不应再领取救助金'], ['no over-limit household is paid after its exit']);
defineRuleCheck('WARN-OUTCOME', ['每条预警的处理结果都应与举证情况一致'], ['every warning’s outcome matches the counter-evidence']);
defineRuleCheck('WARN-PAYMENTS', ['取消或自动放弃后不应继续发放'], ['no payment after a cancellation or voluntary exit']);
defineRuleCheck('SUP-REPORT', ['各级民政部门都应按期报送半年工作报告'], ['every level files its half-year reports on time']);
defineRuleCheck('SUP-INSPECTION', ['各级民政部门每年都应至少组织一次专项检查'], ['every level holds at least one special inspection a year']);
