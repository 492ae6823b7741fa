// The case export contract, versions 1.0 and 1.1 (documented in docs/contract.md), as zod
// schemas. These are the types the code uses; schemas/case-export.schema.json is generated from
// them (`npm run schema`) for other agencies' validators. Optional fields may be added by
// exporters, so objects are open (extra keys pass); nothing here may change meaning
// without a new contract version. What 1.1 added carries `x-since: "1.1"` (see since11): a 1.0
// export that uses it is rejected by the loader (engine/load/versions.ts), naming the field.
import { z } from 'zod';

/** The contract versions this harness reads, oldest first; the last is the current one. */
export const SCHEMA_VERSIONS = ['1.0', '1.1'] as const;
export type SchemaVersion = (typeof SCHEMA_VERSIONS)[number];
export const SCHEMA_VERSION: SchemaVersion = '1.1';
/** The annotation on a field or collection that a version added (JSON Schema `x-since`). */
export const SINCE_KEYWORD = 'x-since';
/** Marks a field or collection added in contract 1.1: a 1.0 export may not use it. */
const since11 = <T extends z.ZodType>(s: T): T => s.meta({ [SINCE_KEYWORD]: '1.1' }) as T;

const date = () => z.iso.date().describe('YYYY-MM-DD');
const month = () => z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/).describe('YYYY-MM');
/**
 * The largest amount of money the contract accepts, in yuan: far above any benefit, and small
 * enough that every amount with two decimals up to it survives a double round-trip exactly
 * into the DECIMAL(18,2) column (12 digits + 2 decimals < 2^53). Larger is rejected, never NULL.
 */
export const MONEY_MAX = 9_999_999_999.99;
/** Money in yuan with at most two decimals, judged on the number's own text (see engine/load/validator.ts). */
const money = () => z.number().min(0).max(MONEY_MAX).meta({ 'x-decimals': 2 });
const id = () => z.string().min(1);
/**
 * Resident ID number: 18 characters, the last may be X. A lower-case x is accepted and read as
 * X (the loader normalises it and CONTRACT-ID-CHECK reports a warning naming the field), so a
 * careless source system does not drop the household from the audit. The check character is a
 * data-quality rule (CONTRACT-ID-CHECK), not a schema matter.
 */
export const PERSON_ID_PATTERN = /^\d{17}[\dXx]$/;
const personId = () => z.string().regex(PERSON_ID_PATTERN);

export const Program = z.enum(['dibao', 'tekun', 'temporary', 'low_income']);

export const Meta = z
  .object({
    schema_version: z.enum(SCHEMA_VERSIONS),
    exported_at: z.iso.datetime({ offset: true }),
    source_system: z.string(),
    region_code: z.string().regex(/^(\d{6}|\d{9}|\d{12})$/),
    region_name: z.string(),
    period: z.object({ from: date(), to: date() }),
    jurisdiction: z.string().min(1).optional(),
  })
  .meta({ id: 'Meta', title: 'meta 导出说明' });

export const Member = z
  .object({
    person_id: personId(),
    name: z.string().min(1),
    birth_date: date(),
    relation: z.enum(['head', 'spouse', 'child', 'parent', 'sibling', 'grandparent', 'grandchild', 'other']),
    serious_illness: z.boolean().optional(),
    disability_grade: z.number().int().min(1).max(4).optional(),
  })
  .meta({ id: 'Member', title: '家庭成员' });

export const Household = z
  .object({
    household_id: id(),
    region_code: z.string().min(1),
    region_name: z.string(),
    area_type: z.enum(['urban', 'rural']),
    members: z.array(Member),
    vehicles: z.array(z.object({ owner_person_id: personId(), plate: z.string().optional() })).optional(),
  })
  .meta({ id: 'Household', title: 'households 救助家庭' });

const IncomeItem = z.object({ type: z.string().min(1), amount: money() });

export const StaffRelation = z.enum(['spouse', 'parent', 'child', 'sibling', 'grandparent', 'grandchild', 'parent_in_law', 'other']);
/** A relation an applicant declares to a staff member: a roster relation, or `self` (the staff member's own household). */
export const DeclaredRelation = z.enum([...StaffRelation.options, 'self']);

export const Application = z
  .object({
    application_id: id(),
    household_id: id(),
    applicant_person_id: personId(),
    program: Program,
    region_code: z.string().min(1),
    applied_on: date(),
    accepted_on: date().optional(),
    route: z.enum(['standard', 'tolerance', 'emergency']),
    tolerance: z
      .object({
        situation: z.string().min(1),
        commitment_signed: z.boolean(),
        missing_documents: z.array(z.string()),
        supplemented_on: date().optional(),
      })
      .optional(),
    handled_by: z.array(id()),
    declared_relation: z.object({ staff_id: id(), relation: z.string().min(1) }).optional(),
    declared_relations: since11(z.array(z.object({ staff_id: id(), relation: DeclaredRelation, declared_on: date().optional() })).optional()),
    monitoring_case: since11(z.boolean().optional()),
    household_survey_on: date().optional(),
    batch_id: z.string().min(1).optional(),
    income: z
      .object({
        monthly_per_capita: money(),
        standard_monthly: money(),
        counted: z.array(IncomeItem),
        excluded: z.array(IncomeItem),
      })
      .optional(),
    decision: z
      .object({
        result: z.enum(['approved', 'rejected', 'pending']),
        decided_on: date(),
        coverage: z.enum(['household', 'individual']),
        covered_person_ids: z.array(personId()),
        benefit_monthly: money().optional(),
        start_month: month().optional(),
      })
      .optional(),
    exit: z
      .object({
        ended_on: date(),
        reason: z.enum(['income_over_limit', 'death', 'voluntary', 'fraud', 'warning', 'other']),
        gradual_exit_until: month().optional(),
      })
      .optional(),
    temporary: z
      .object({
        cause: z.string().min(1),
        event_date: date(),
        amount: money(),
        approval: z.enum(['standard', 'case_by_case']),
        paperwork_completed_on: date().optional(),
      })
      .optional(),
  })
  .meta({ id: 'Application', title: 'applications 救助申请及审核确认' });

export const Notice = z
  .object({
    notice_id: id(),
    application_id: id().optional(),
    household_id: id(),
    kind: z.enum(['review', 'decision', 'standing']),
    posted_on: date(),
    ends_on: date(),
    channel: z.string(),
    columns: z.array(z.object({ label: z.string(), value: z.string() })),
    objections: z.array(z.object({ received_on: date(), resolved_on: date().optional() })).optional(),
  })
  .meta({ id: 'Notice', title: 'notices 公示' });

export const Staff = z
  .object({
    staff_id: id(),
    person_id: personId(),
    name: z.string().min(1),
    role: z.enum(['caseworker', 'village_cadre', 'public_funded']),
    region_code: z.string().min(1),
    active_from: date(),
    active_to: date().optional(),
    relatives: z.array(z.object({ person_id: personId(), name: z.string().optional(), relation: StaffRelation })),
  })
  .meta({ id: 'Staff', title: 'staff 经办人员及村(居)干部名册' });

export const RelativeFiling = z
  .object({
    filing_id: id(),
    application_id: id(),
    staff_id: id(),
    relation: z.string().min(1),
    filed_on: date(),
    registered_by: z.string(),
    verification: z.object({ completed_on: date(), result: z.enum(['eligible', 'ineligible']) }).optional(),
  })
  .meta({ id: 'RelativeFiling', title: 'relative_filings 近亲属备案' });

export const Payment = z
  .object({
    payment_id: id(),
    application_id: id(),
    household_id: id(),
    person_id: personId().optional(),
    program: Program,
    region_code: z.string().min(1),
    month: month(),
    amount: money(),
    paid_on: date(),
    channel: z.enum(['bank', 'cash']),
  })
  .meta({ id: 'Payment', title: 'payments 资金发放' });

export const Death = z
  .object({
    person_id: personId(),
    died_on: date(),
    source: z.enum(['funeral', 'public_security', 'health']),
  })
  .meta({ id: 'Death', title: 'deaths 死亡及殡葬信息' });

export const FraudCase = z
  .object({
    case_id: id(),
    household_id: id(),
    person_ids: z.array(personId()),
    application_id: id().optional(),
    stage: z.enum(['application', 'in_receipt']),
    amount: money(),
    circumstances: z.array(
      z.enum(['forged_documents', 'impersonation', 'concealed_income', 'concealed_death', 'public_funded_for_relative', 'refused_penalty', 'false_statement']),
    ),
    found_on: date(),
    decision: z
      .object({
        decided_on: date(),
        tier: z.enum(['general', 'serious', 'severe']),
        recovered_amount: money(),
        fine_amount: money(),
        blacklisted: z.boolean(),
        assistance_stopped_from: month().optional(),
        verification_frequency_raised: z.boolean(),
        education_given: z.boolean(),
        transfers: z.array(z.enum(['court_enforcement', 'police', 'judiciary', 'discipline'])),
        measures: since11(
          z
            .array(
              z.object({
                measure: z.enum(['stricter_review', 'joint_punishment']),
                from: date(),
                until: date().optional(),
                levels: z.array(z.enum(['province', 'city', 'county'])).optional(),
              }),
            )
            .optional(),
        ),
      })
      .optional(),
    credit_repair: z
      .object({ corrected_on: date(), repaid_on: date(), applied_on: date(), decided_on: date(), granted: z.boolean() })
      .optional(),
    blacklist_removed_on: since11(date().optional()),
    reapproval: since11(z.object({ application_id: id(), decided_on: date(), from_month: month() }).optional()),
  })
  .meta({ id: 'FraudCase', title: 'fraud_cases 骗取救助(失信)案件' });

export const AccountabilityCase = z
  .object({
    case_id: id(),
    staff_id: id(),
    error: z.enum(['wrong_inclusion', 'wrongful_exit', 'omission', 'other']),
    occurred_on: date(),
    facts: z.object({
      abuse_of_power: z.boolean(),
      personal_gain: z.boolean(),
      repeated_same_matter: z.boolean(),
      failed_timely_remedy: z.boolean(),
      major_loss: z.boolean(),
      knowingly: z.boolean(),
    }),
    claimed_situations: z.array(z.string().min(1)),
    outcome: z.enum(['exempt', 'reduced', 'lenient', 'not_exempt', 'pending']),
    steps: z.array(z.object({ step: z.string().min(1), on: date() })),
    tracking: z.object({ from: date(), until: date(), talks: z.array(date()) }).optional(),
  })
  .meta({ id: 'AccountabilityCase', title: 'accountability_cases 责任追究与容错免责' });

export const Warning = z
  .object({
    warning_id: id(),
    household_id: id(),
    type: z.enum(['deposits', 'securities', 'real_estate', 'insurance', 'income_tax', 'vehicle', 'business', 'provident_fund', 'other']),
    raised_on: date(),
    evidence_due: date(),
    response: z.object({ submitted_on: date().optional(), credible: z.boolean().optional() }).optional(),
    outcome: z.enum(['continued', 'cancelled', 'voluntary_exit', 'pending']),
    outcome_on: date(),
  })
  .meta({ id: 'Warning', title: 'warnings 预警信息' });

export const Oversight = z
  .object({
    record_id: id(),
    level: z.enum(['county', 'city', 'province']),
    region_code: z.string().min(1),
    kind: z.enum(['half_year_report', 'special_inspection']),
    period: z.string().regex(/^\d{4}(-H[12])?$/),
    done_on: date(),
  })
  .meta({ id: 'Oversight', title: 'oversight 监督工作记录' });

const quarter = () => z.string().regex(/^\d{4}-Q[1-4]$/).describe('YYYY-Qn');
export const HardshipType = z.enum(['illness', 'disability', 'old_age', 'child', 'education', 'housing', 'unemployment', 'disaster', 'other']);

export const Recovery = z
  .object({
    recovery_id: id(),
    household_id: id(),
    application_id: id().optional(),
    case_id: id().optional(),
    reason: z.enum(['fraud', 'deceased', 'over_limit', 'duplicate', 'warning', 'stopped', 'other']),
    ordered_on: date(),
    amount_due: money(),
    payment_ids: z.array(id()),
    collected: z.array(z.object({ on: date(), amount: money() })),
  })
  .meta({ id: 'Recovery', title: 'recoveries 追缴记录' });

export const JointReview = z
  .object({
    review_id: id(),
    application_id: id(),
    household_id: id(),
    held_on: date(),
    departments: z.array(z.enum(['civil_affairs', 'rural_revitalization', 'health', 'medical_security', 'disabled_persons_federation', 'other'])),
  })
  .meta({ id: 'JointReview', title: 'joint_reviews 联合会审' });

export const Service = z
  .object({
    service_id: id(),
    household_id: id(),
    application_id: id().optional(),
    kind: z.string().min(1),
    provided_on: date(),
    provider: z.string().min(1).optional(),
  })
  .meta({ id: 'Service', title: 'services 服务类救助' });

export const SatisfactionSurvey = z
  .object({
    survey_id: id(),
    household_id: id(),
    quarter: quarter(),
    surveyed_on: date(),
    result: z.enum(['satisfied', 'basically_satisfied', 'dissatisfied']),
  })
  .meta({ id: 'SatisfactionSurvey', title: 'satisfaction_surveys 满意度测评' });

export const ChangeList = z
  .object({
    list_id: id(),
    region_code: z.string().regex(/^\d{9}$/),
    month: month(),
    published_on: date(),
    changes: z.array(z.object({ household_id: id(), change: z.enum(['added', 'removed', 'amount_changed', 'other']) })),
  })
  .meta({ id: 'ChangeList', title: 'change_lists 乡镇月度变动清单' });

export const AssistanceChain = z
  .object({
    chain_id: id(),
    household_id: id(),
    opened_on: date(),
    hardships: z.array(HardshipType),
    policies: z.array(z.object({ policy: z.string().min(1), hardship: HardshipType, matched_on: date(), resource: z.string().min(1).optional() })),
  })
  .meta({ id: 'AssistanceChain', title: 'assistance_chains 救助链' });

/** Every collection of the contract, its record schema and the key that identifies a record. */
export const COLLECTIONS = {
  households: { schema: Household, key: 'household_id', label: '救助家庭' },
  applications: { schema: Application, key: 'application_id', label: '救助申请' },
  notices: { schema: Notice, key: 'notice_id', label: '公示' },
  staff: { schema: Staff, key: 'staff_id', label: '经办人员及村(居)干部' },
  relative_filings: { schema: RelativeFiling, key: 'filing_id', label: '近亲属备案' },
  payments: { schema: Payment, key: 'payment_id', label: '资金发放' },
  deaths: { schema: Death, key: 'person_id', label: '死亡及殡葬信息' },
  fraud_cases: { schema: FraudCase, key: 'case_id', label: '骗取救助案件' },
  accountability_cases: { schema: AccountabilityCase, key: 'case_id', label: '责任追究与容错免责' },
  warnings: { schema: Warning, key: 'warning_id', label: '预警信息' },
  oversight: { schema: Oversight, key: 'record_id', label: '监督工作记录' },
  recoveries: { schema: Recovery, key: 'recovery_id', label: '追缴记录', since: '1.1' },
  joint_reviews: { schema: JointReview, key: 'review_id', label: '联合会审', since: '1.1' },
  services: { schema: Service, key: 'service_id', label: '服务类救助', since: '1.1' },
  satisfaction_surveys: { schema: SatisfactionSurvey, key: 'survey_id', label: '满意度测评', since: '1.1' },
  change_lists: { schema: ChangeList, key: 'list_id', label: '乡镇月度变动清单', since: '1.1' },
  assistance_chains: { schema: AssistanceChain, key: 'chain_id', label: '救助链', since: '1.1' },
} as const satisfies Record<string, { schema: z.ZodType; key: string; label: string; since?: SchemaVersion }>;

export type CollectionName = keyof typeof COLLECTIONS;

/** The name of a collection's record schema under `$defs` in the published JSON Schema. */
export const defName = (c: CollectionName) => (COLLECTIONS[c].schema.meta() as { id: string }).id;
export const COLLECTION_NAMES = Object.keys(COLLECTIONS) as CollectionName[];
/** The contract version that added a collection. */
export const sinceOf = (c: CollectionName): SchemaVersion => ('since' in COLLECTIONS[c] ? (COLLECTIONS[c] as { since: SchemaVersion }).since : '1.0');
/** Whether contract `version` has what `since` added (an unknown version has nothing newer than 1.0). */
export const versionHas = (version: string, since: SchemaVersion): boolean => SCHEMA_VERSIONS.indexOf(since) <= SCHEMA_VERSIONS.indexOf(version as SchemaVersion);
/** The collections an export of `version` may hold. */
export const collectionsOf = (version: string): CollectionName[] => COLLECTION_NAMES.filter((c) => versionHas(version, sinceOf(c)));

export const CaseExport = z
  .object({
    meta: Meta,
    ...(Object.fromEntries(
      COLLECTION_NAMES.map((c) => {
        const field = z.array(COLLECTIONS[c].schema).optional();
        return [c, sinceOf(c) === '1.1' ? since11(field) : field];
      }),
    ) as {
      [K in CollectionName]: z.ZodOptional<z.ZodArray<(typeof COLLECTIONS)[K]['schema']>>;
    }),
  })
  .meta({ title: 'jiuzhu case export, contract v1.1 (救助案件导出数据契约 v1.1)' });

export type MetaT = z.infer<typeof Meta>;
export type HouseholdT = z.infer<typeof Household>;
export type MemberT = z.infer<typeof Member>;
export type ApplicationT = z.infer<typeof Application>;
export type NoticeT = z.infer<typeof Notice>;
export type StaffT = z.infer<typeof Staff>;
export type RelativeFilingT = z.infer<typeof RelativeFiling>;
export type PaymentT = z.infer<typeof Payment>;
export type DeathT = z.infer<typeof Death>;
export type FraudCaseT = z.infer<typeof FraudCase>;
export type AccountabilityCaseT = z.infer<typeof AccountabilityCase>;
export type WarningT = z.infer<typeof Warning>;
export type OversightT = z.infer<typeof Oversight>;
export type RecoveryT = z.infer<typeof Recovery>;
export type JointReviewT = z.infer<typeof JointReview>;
export type ServiceT = z.infer<typeof Service>;
export type SatisfactionSurveyT = z.infer<typeof SatisfactionSurvey>;
export type ChangeListT = z.infer<typeof ChangeList>;
export type AssistanceChainT = z.infer<typeof AssistanceChain>;
