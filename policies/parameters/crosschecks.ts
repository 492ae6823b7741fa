import { z } from 'zod';
import { defineParameters } from './define';
import { duration } from '../duration';

// Parameters of the cross-checks family: duplicates, the deceased still paid,
// temporary assistance, 政策保, warnings (004) and the agencies' own supervision (002).
const programs = () => z.array(z.enum(['dibao', 'tekun', 'temporary', 'low_income'])).min(1);
const yuan = () => z.number().positive().multipleOf(0.01);
const monthDay = () => z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/);

export const crosschecksParameters = defineParameters({
  'dup.dibao_programs': {
    schema: programs(),
    description: { zh: '比对中视为低保的救助类别(城乡低保、异地重复、低保特困)', en: 'programmes counted as dibao by the duplicate checks' },
  },
  'dup.tekun_programs': {
    schema: programs(),
    description: { zh: '比对中视为特困供养的救助类别', en: 'programmes counted as support for the extremely poor (特困供养)' },
  },
  'dup.region_digits': {
    schema: z.number().int().min(2).max(12),
    description: { zh: '判断"异地"时比较的行政区划代码位数(6 = 县级)', en: 'leading digits of the region code compared for "another place" (6 = county)' },
  },
  'dup.deceased_programs': {
    schema: programs(),
    description: { zh: '死亡人员不得再领取的按月发放救助类别', en: 'monthly programmes a deceased person may no longer be paid' },
  },
  'dup.temp_max_per_cause_year': {
    schema: z.number().int().min(1),
    description: { zh: '同一家庭同一事由在一个比对窗口(dup.temp_repeat_window)内最多给予临时救助的次数', en: 'temporary grants per household and cause within one window (dup.temp_repeat_window)' },
  },
  'dup.temp_repeat_window': {
    // calendar_year: 同一年度 read as the approval's calendar year; a duration: any such span ending on the grant.
    schema: z.union([z.literal('calendar_year'), duration()]),
    description: {
      zh: '同一事由重复救助的比对窗口:calendar_year(审批日期所在自然年)或期限(如 { value: 12, unit: months },自前次审批次日起算)',
      en: 'window of the repeat check: calendar_year (the approval date\'s year) or a duration (e.g. { value: 12, unit: months } after an earlier approval)',
    },
  },
  'dup.temp_standard_cap': {
    schema: yuan(),
    description: { zh: '临时救助一般封顶标准(元),超过须一事一议', en: 'standard cap on one temporary grant (yuan); above it only case by case' },
  },
  'dup.temp_case_by_case_ceiling': {
    schema: yuan(),
    description: { zh: '一事一议临时救助封顶线(元,含本数)', en: 'ceiling of a case-by-case temporary grant (yuan, inclusive)' },
  },
  'dup.review_programs': {
    schema: programs(),
    description: { zh: '须逐户审核确认(入户调查)后方可批准的救助类别', en: 'programmes whose approvals need an individual household survey' },
  },
  'dup.over_limit_programs': {
    schema: programs(),
    description: { zh: '收入财产超标清退后不得继续发放的救助类别', en: 'programmes that stop after an over-limit exit' },
  },
  'warn.types': {
    schema: z.array(z.enum(['deposits', 'securities', 'real_estate', 'insurance', 'income_tax', 'vehicle', 'business', 'provident_fund', 'other'])).min(1),
    description: { zh: '本地预警信息类型(八项预警)', en: 'warning types the locality raises (八项预警)' },
  },
  'warn.programs': {
    schema: programs(),
    description: { zh: '取消或自动放弃后停发的救助类别', en: 'programmes stopped after a cancellation or voluntary exit' },
  },
  'sup.report_deadlines': {
    schema: z.partialRecord(z.enum(['county', 'city', 'province']), z.object({ H1: monthDay(), H2: monthDay() }).strict()),
    description: {
      zh: '各级半年报告截止日(月-日,含当日;上半年当年报,下半年次年报)',
      en: 'half-year report deadlines by level (MM-DD, inclusive; H1 due the same year, H2 the next)',
    },
  },
  'sup.inspections_per_year': {
    schema: z.partialRecord(z.enum(['county', 'city', 'province']), z.number().int().min(1)),
    description: { zh: '各级每年至少组织的专项检查次数', en: 'special inspections each level holds at least once a year' },
  },
});
