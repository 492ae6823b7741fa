// Sentences of the relative-filing family. The scene: a household in
// 希望村 applies for dibao; one staff member on the roster may be kin of its head; a second
// caseworker (S09) handles the case unless a sentence says otherwise.
import { Given } from '@cucumber/cucumber';
import { person } from './support/people';
import { defineAuditScope, defineRuleCheck } from './rule-checks';
import { JiuzhuWorld } from './world';

const ROLES: Record<string, string> = {
  社会救助经办人员: 'caseworker',
  经办人员: 'caseworker',
  '村(居)委会干部': 'village_cadre',
  '村（居）委会干部': 'village_cadre',
  嘎查村干部: 'village_cadre',
  财政供养人员: 'public_funded',
};
const RELATIONS: Record<string, string> = {
  配偶: 'spouse', 父亲: 'parent', 母亲: 'parent', 父母: 'parent', 子女: 'child', 儿子: 'child', 女儿: 'child', 兄弟姐妹: 'sibling',
  祖父母: 'grandparent', 外祖父母: 'grandparent', 孙子女: 'grandchild', 外孙子女: 'grandchild',
  配偶的父母: 'parent_in_law', 岳父母: 'parent_in_law', 公婆: 'parent_in_law', 其他亲属: 'other',
};
const relationOf = (zh: string) => {
  const r = RELATIONS[zh];
  if (!r) throw new Error(`未知的亲属关系「${zh}」(可用: ${Object.keys(RELATIONS).join('、')})`);
  return r;
};

function scene(world: JiuzhuWorld) {
  if (!world.scene.household) {
    const head = person('王建国', '1960-05-01');
    world.scene.household = world.add('households', { household_id: 'H001', region_code: '150525100201', region_name: '大沁他拉镇希望村', area_type: 'rural', members: [head] });
    world.scene.application = world.add('applications', {
      application_id: 'A001', household_id: 'H001', applicant_person_id: head.person_id, program: 'dibao', region_code: '150525100201',
      applied_on: '2024-03-01', route: 'standard', handled_by: ['S09'],
    });
    // The export carries the township's filing register, even when it holds nothing for this case.
    world.records.relative_filings ??= [];
    world.add('staff', { staff_id: 'S09', person_id: person('郑敏', '1985-09-07').person_id, name: '郑敏', role: 'caseworker', region_code: '150525100', active_from: '2016-01-01', relatives: [] });
  }
  world.forgetSpecExport();
  return world.scene as { household: any; application: any; staff?: any; filing?: any };
}

function staffMember(world: JiuzhuWorld) {
  const s = scene(world);
  if (!s.staff) throw new Error('请先说明是哪一名经办人员或村干部(例如:假如 村(居)委会干部“李春梅”自 2020-01-01 起在岗)');
  return s.staff;
}

function filing(world: JiuzhuWorld) {
  const s = scene(world);
  if (!s.filing) throw new Error('该申请尚未备案:请先说明“乡镇于 … 单独登记备案”');
  return s.filing;
}

/** The scenario's policy with one parameter changed from the application date (a local variation). */

const STAFF = /^(社会救助经办人员|经办人员|村[(（]居[)）]委会干部|嘎查村干部|财政供养人员)“([^”]+)”自 (\d{4}-\d{2}-\d{2}) 起在岗(?:,(\d{4}-\d{2}-\d{2}) 离任)?$/;
Given(STAFF, function (this: JiuzhuWorld, role: string, name: string, from: string, to?: string) {
  const s = scene(this);
  s.staff = this.add('staff', {
    staff_id: 'S01', person_id: person(name, '1975-04-02').person_id, name, role: ROLES[role.replace(/（/g, '(').replace(/）/g, ')')] ?? ROLES[role],
    region_code: '150525100201', active_from: from, ...(to ? { active_to: to } : {}), relatives: [],
  });
});

Given('名册记载该户户主是其{word}', function (this: JiuzhuWorld, relation: string) {
  const head = scene(this).household.members[0];
  staffMember(this).relatives.push({ person_id: head.person_id, name: head.name, relation: relationOf(relation) });
});

// Contract v1.1: a second staff member related to the household, the staff member's own
// household, and declarations listed one per staff member (declared_relations).
const OTHER_STAFF = /^另一名(社会救助经办人员|经办人员|村[(（]居[)）]委会干部|嘎查村干部)“([^”]+)”自 (\d{4}-\d{2}-\d{2}) 起在岗,名册记载该户户主是其(\S+)$/;
Given(OTHER_STAFF, function (this: JiuzhuWorld, role: string, name: string, from: string, relation: string) {
  const head = scene(this).household.members[0];
  this.scene.second = this.add('staff', {
    staff_id: 'S02', person_id: person(name, '1978-06-03').person_id, name, role: ROLES[role.replace(/（/g, '(').replace(/）/g, ')')] ?? ROLES[role],
    region_code: '150525100201', active_from: from, relatives: [{ person_id: head.person_id, name: head.name, relation: relationOf(relation) }],
  });
});
Given('该户户主就是该人员本人', function (this: JiuzhuWorld) {
  const st = staffMember(this);
  st.person_id = scene(this).household.members[0].person_id;
  this.scene.ownHousehold = true;
});
const declaration = (world: JiuzhuWorld, st: any) => ({ staff_id: st.staff_id, relation: st === world.scene.staff && world.scene.ownHousehold ? 'self' : (st.relatives[0]?.relation ?? 'other') });
Given('申请人逐项申明了与两名人员的关系', function (this: JiuzhuWorld) {
  scene(this).application.declared_relations = [declaration(this, staffMember(this)), declaration(this, this.scene.second)];
});
Given('申请人逐项申明时只列了与第一名人员的关系', function (this: JiuzhuWorld) {
  scene(this).application.declared_relations = [declaration(this, staffMember(this))];
});
Given('申请人申明该户为该人员本人的家庭', function (this: JiuzhuWorld) {
  scene(this).application.declared_relations = [{ staff_id: staffMember(this).staff_id, relation: 'self' }];
});

Given('该户于 {date} 提出申请', function (this: JiuzhuWorld, date: string) {
  scene(this).application.applied_on = date;
});

Given('申请人申明了与其的近亲属关系', function (this: JiuzhuWorld) {
  const st = staffMember(this);
  scene(this).application.declared_relation = { staff_id: st.staff_id, relation: st.relatives[0]?.relation ?? 'other' };
});
Given('申请人只申明了与另一名经办人员的近亲属关系', function (this: JiuzhuWorld) {
  scene(this).application.declared_relation = { staff_id: 'S09', relation: 'sibling' };
});
Given('申请人未申明近亲属关系', function (this: JiuzhuWorld) {
  delete scene(this).application.declared_relation;
});

Given('乡镇于 {date} 单独登记备案', function (this: JiuzhuWorld, date: string) {
  const s = scene(this);
  const st = staffMember(this);
  s.filing = this.add('relative_filings', { filing_id: 'F001', application_id: 'A001', staff_id: st.staff_id, relation: st.relatives[0]?.relation ?? 'other', filed_on: date, registered_by: '大沁他拉镇人民政府' });
});
Given('乡镇未备案', function (this: JiuzhuWorld) {
  scene(this);
});

Given(/^乡镇于 (\d{4}-\d{2}-\d{2}) 核查认定(符合条件|不符合条件)$/, function (this: JiuzhuWorld, date: string, result: string) {
  filing(this).verification = { completed_on: date, result: result === '符合条件' ? 'eligible' : 'ineligible' };
  this.forgetSpecExport();
});
Given('乡镇尚未核查', function (this: JiuzhuWorld) {
  delete filing(this).verification;
  this.forgetSpecExport();
});

Given(/^审核确认于 (\d{4}-\d{2}-\d{2}) (批准|驳回)$/, function (this: JiuzhuWorld, date: string, result: string) {
  const s = scene(this);
  s.application.decision = { result: result === '批准' ? 'approved' : 'rejected', decided_on: date, coverage: 'household', covered_person_ids: s.household.members.map((m: any) => m.person_id) };
});

Given(/^(?:该人员|其)(?:独自)?经办了该申请$/, function (this: JiuzhuWorld) {
  scene(this).application.handled_by = [staffMember(this).staff_id];
});
Given('其与另一名经办人员共同经办了该申请', function (this: JiuzhuWorld) {
  scene(this).application.handled_by = ['S09', staffMember(this).staff_id];
});
Given('由另一名经办人员经办该申请', function (this: JiuzhuWorld) {
  scene(this).application.handled_by = ['S09'];
});

Given('该户仍在享受救助', function (this: JiuzhuWorld) {
  delete scene(this).application.exit;
});

Given('本地配置将{text}列入近亲属范围', function (this: JiuzhuWorld, relation: string) {
  const r = relationOf(relation);
  this.changeParameter('relatives.close_relations', (v: string[]) => [...new Set([...v, r])], `本地增列${relation}`);
  this.changeParameter('relatives.other_relations', (v: string[]) => v.filter((x) => x !== r), `本地增列${relation}`);
});
Given('本地配置不要求回避', function (this: JiuzhuWorld) {
  this.changeParameter('relatives.recusal_required', () => false, '本地不要求回避');
});

// Cucumber expressions read (…) as optional text: the literal 村(居) is escaped.
defineAuditScope(['检查待审计数据中的每一份近亲属申请'], ['every application by a relative of staff in the export under audit is checked']);
defineRuleCheck('REL-DECLARE', ['经办人员和村\\(居)干部的近亲属申请救助都应如实申明关系'], ['every application by a close relative of staff declares the relationship']);
defineRuleCheck('REL-FILED', ['近亲属申请都应不迟于审核确认单独登记备案'], ['every related application is filed no later than the decision']);
defineRuleCheck('REL-VERIFIED', ['备案的近亲属申请都应在审核确认前完成核查'], ['every filed related application is verified before the decision']);
defineRuleCheck('REL-INELIGIBLE-APPROVED', ['不应有核查不符合条件而纳入救助范围的近亲属申请'], ['no related application verified as ineligible is approved']);
defineRuleCheck('REL-RECUSAL', ['经办人员和村\\(居)干部不应经办其近亲属的申请'], ['no staff member handles a close relative’s application']);

