// Sentences for the export contract itself.
import { Given } from '@cucumber/cucumber';
import { applicant } from './support/notice-scene';
import { defineAuditScope, defineRuleCheck } from './rule-checks';
import { JiuzhuWorld } from './world';

const HOUSEHOLD_FIELDS: Record<string, (h: any, v: string) => void> = {
  城乡类别: (h, v) => (h.area_type = v),
  户主出生日期: (h, v) => (h.members[0].birth_date = v),
  户主身份证号: (h, v) => (h.members[0].person_id = v),
};

Given('一户家庭的{word}为{text}', function (this: JiuzhuWorld, field: string, value: string) {
  applicant(this);
  const set = HOUSEHOLD_FIELDS[field];
  if (!set) throw new Error(`未知字段「${field}」(可用: ${Object.keys(HOUSEHOLD_FIELDS).join('、')})`);
  set(this.scene.household, value);
  this.forgetSpecExport();
});

Given('一笔发放金额为{text}', function (this: JiuzhuWorld, amount: string) {
  applicant(this);
  this.add('payments', payment(this, 'A001', Number(amount)));
});

Given('一笔发放记录引用申请{text}', function (this: JiuzhuWorld, applicationId: string) {
  applicant(this);
  this.add('payments', payment(this, applicationId, 650));
});

function payment(world: JiuzhuWorld, applicationId: string, amount: number) {
  const n = (world.records.payments?.length ?? 0) + 1;
  return { payment_id: `P${n}`, application_id: applicationId, household_id: 'H001', program: 'dibao', region_code: '150525100201', month: '2024-03', amount, paid_on: '2024-03-15', channel: 'bank' };
}

defineAuditScope(['检查待审计数据中的每一条记录'], ['every record in the export under audit is checked']);
defineRuleCheck('CONTRACT-INVALID', ['导出数据中的每条记录都应符合数据契约'], ['every record of the export conforms to the contract']);
defineRuleCheck('CONTRACT-REFERENCE', ['导出数据中的每条引用都应指向存在的记录'], ['every reference in the export points to a record it holds']);
