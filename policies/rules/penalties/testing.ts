// Builds contract-valid fraud-case records for unit tests and spec scenarios: one household
// (valid resident ID numbers), one case, its decision and payments, each changed one fact at a time.
import { residentIdCheckChar } from '../../checks/resident-id';

export function testPersonId(birthDate: string, seq: number, county = '429004'): string {
  const body = `${county}${birthDate.replace(/-/g, '')}${String(seq % 1000).padStart(3, '0')}`;
  return body + residentIdCheckChar(body);
}

export interface DecisionInput {
  decided_on: string;
  tier: 'general' | 'serious' | 'severe';
  recovered_amount?: number;
  fine_amount?: number;
  blacklisted?: boolean;
  assistance_stopped_from?: string;
  verification_frequency_raised?: boolean;
  education_given?: boolean;
  transfers?: string[];
}

export function fraudCase(o: {
  case_id?: string;
  household_id?: string;
  stage?: 'application' | 'in_receipt';
  amount: number;
  circumstances?: string[];
  found_on?: string;
  decision?: DecisionInput;
  credit_repair?: { corrected_on: string; repaid_on: string; applied_on: string; decided_on: string; granted: boolean };
}) {
  const household_id = o.household_id ?? 'H001';
  return {
    case_id: o.case_id ?? 'C001',
    household_id,
    person_ids: [testPersonId('1970-05-01', 101)],
    stage: o.stage ?? 'application',
    amount: o.amount,
    circumstances: o.circumstances ?? ['false_statement'],
    found_on: o.found_on ?? o.decision?.decided_on ?? '2024-03-01',
    ...(o.decision
      ? {
          decision: {
            recovered_amount: o.amount,
            fine_amount: 0,
            blacklisted: false,
            verification_frequency_raised: false,
            education_given: false,
            transfers: [],
            ...o.decision,
          },
        }
      : {}),
    ...(o.credit_repair ? { credit_repair: o.credit_repair } : {}),
  };
}

export function payment(o: { payment_id: string; household_id?: string; month: string; amount: number }) {
  return {
    payment_id: o.payment_id,
    application_id: 'A001',
    household_id: o.household_id ?? 'H001',
    program: 'dibao',
    region_code: '429004100201',
    month: o.month,
    amount: o.amount,
    paid_on: `${o.month}-15`,
    channel: 'bank',
  };
}

/** The application approved again after a stop (contract v1.1 `reapproval`), decided on `decided_on`. */
export function reapprovedApplication(application_id: string, household_id: string, applicant: string, decided_on: string) {
  return {
    application_id,
    household_id,
    applicant_person_id: applicant,
    program: 'dibao',
    region_code: '429004100201',
    applied_on: decided_on,
    route: 'standard',
    handled_by: ['S01'],
    decision: { result: 'approved', decided_on, coverage: 'household', covered_person_ids: [applicant] },
  };
}
