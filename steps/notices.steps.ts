// Sentences of the notice family. Each builds one fact of the scene.
import { Given } from '@cucumber/cucumber';
import { addMember, applicant, column, decide, notice, standing } from './support/notice-scene';
import { defineAuditScope, defineRuleCheck } from './rule-checks';
import { given } from './phrases';
import { JiuzhuWorld } from './world';

given(['申请人出生于 {date}'], ['the applicant was born on {date}'], function (this: JiuzhuWorld, birth: string) {
  applicant(this, birth);
});
Given('家庭中有一名子女{text}出生于 {date}', function (this: JiuzhuWorld, name: string, birth: string) {
  addMember(this, name, 'child', birth);
});
Given('公示于 {date} 张贴', function (this: JiuzhuWorld, posted: string) {
  notice(this, posted);
});
given(['初审公示于 {date} 张贴,{date} 截止'], ['an initial notice is posted on {date} and ends on {date}'], function (this: JiuzhuWorld, posted: string, ends: string) {
  notice(this, posted, ends, 'review');
});
Given('审核结果公示于 {date} 张贴,{date} 截止', function (this: JiuzhuWorld, posted: string, ends: string) {
  notice(this, posted, ends, 'decision');
});
given(['公示于 {date} 张贴,内容包括申请人姓名'], ["a notice posted on {date} shows the applicant's name"], function (this: JiuzhuWorld, posted: string) {
  notice(this, posted);
  column(this, '申请人姓名', this.scene.household.members[0].name);
});
Given('公示中有栏目{text},内容为{text}', function (this: JiuzhuWorld, label: string, value: string) {
  column(this, label, value);
});
Given('公示中有栏目{text}列出该子女姓名', function (this: JiuzhuWorld, label: string) {
  column(this, label, this.scene.household.members.map((m: any) => m.name).join('、'));
});
given(['审核决定于 {date} 作出'], ['the decision is made on {date}'], function (this: JiuzhuWorld, decided: string) {
  decide(this, decided);
});
Given('一份{text}申请于 {date} 批准', function (this: JiuzhuWorld, program: string, decided: string) {
  applicant(this);
  decide(this, decided, 'approved', PROGRAMS[program] ?? program);
});
// A standing notice has no end: it runs while the household receives assistance.
Given('该户已列入长期公示', function (this: JiuzhuWorld) {
  standing(this, '2024-01-01');
});
given(['该户自 {date} 起列入长期公示'], ['the household is on the standing notice from {date}'], function (this: JiuzhuWorld, from: string) {
  standing(this, from);
});
Given('该户已于 {date} 退出救助', function (this: JiuzhuWorld, ended: string) {
  this.scene.application.exit = { ended_on: ended, reason: 'income_over_limit' };
  this.forgetSpecExport();
});
Given('公示期内 {date} 收到异议,{date} 处理完毕', function (this: JiuzhuWorld, received: string, resolved: string) {
  (this.scene.notice.objections ??= []).push({ received_on: received, resolved_on: resolved });
  this.forgetSpecExport();
});
Given('公示期内 {date} 收到异议,尚未处理', function (this: JiuzhuWorld, received: string) {
  (this.scene.notice.objections ??= []).push({ received_on: received });
  this.forgetSpecExport();
});

const PROGRAMS: Record<string, string> = { 低保: 'dibao', 特困供养: 'tekun', 临时救助: 'temporary', 低保边缘: 'low_income' };

defineAuditScope(['检查待审计数据中的每一条公示', '检查待审计数据中的每一份申请'], ['every notice in the export under audit is checked', 'every application in the export under audit is checked']);
defineRuleCheck('NOTICE-FIELDS', ['公示内容应仅限申请人姓名、家庭成员数量、保障金额和所在地'], ['notices show only the name, household size, amount and location']);
defineRuleCheck('NOTICE-PII-VALUES', ['任何公示都不应出现身份证号、手机号或银行卡号'], ['no notice shows an ID, mobile or bank card number']);
defineRuleCheck('NOTICE-MINORS', ['不应有公示涉及未成年人信息'], ['no notice reveals anything about a minor']);
defineRuleCheck('NOTICE-REQUIRED', ['每份新批准的申请都应有审核结果公示,在享家庭都应在长期公示中'], ['every new approval has a result notice and every household in receipt is on the standing notice']);
defineRuleCheck('NOTICE-PERIOD', ['每份公示都应满规定的公示期,期满且异议处理完毕后方可审批'], ['every notice runs the required period and the decision waits for its end and its objections']);
