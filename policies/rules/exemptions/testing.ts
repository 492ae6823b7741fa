// Record builders for the exemptions family's unit tests and spec steps: contract-valid
// records (valid resident ID numbers) with defaults a sentence changes one fact at a time.
import { residentIdCheckChar } from '../../checks/resident-id';
import { FACTS } from '../../parameters/exemptions';

let sequence = 500;

export function residentId(birthDate: string, county = '330322'): string {
  const body = `${county}${birthDate.replace(/-/g, '')}${String(sequence++ % 1000).padStart(3, '0')}`;
  return body + residentIdCheckChar(body);
}

export function member(name: string, birthDate: string, relation = 'head', extra: Record<string, unknown> = {}) {
  return { person_id: residentId(birthDate), name, birth_date: birthDate, relation, ...extra };
}

export function accountabilityCase(over: Record<string, any> = {}) {
  return {
    case_id: 'C001',
    staff_id: 'S01',
    error: 'wrong_inclusion',
    occurred_on: '2024-03-01',
    facts: Object.fromEntries(FACTS.map((f) => [f, false])),
    claimed_situations: [],
    outcome: 'pending',
    steps: [],
    ...over,
  };
}

const NAMES = ['王建国', '李桂英', '王小明', '王小红', '张秀兰', '王大山'];

export function household(size: number, over: Record<string, any> = {}) {
  const members = Array.from({ length: size }, (_, i) => member(NAMES[i % NAMES.length] + (i >= NAMES.length ? i : ''), i === 0 ? '1970-05-01' : `19${72 + i}-06-01`, i === 0 ? 'head' : i === 1 ? 'spouse' : 'child'));
  return { household_id: 'H001', region_code: '110113001001', region_name: '顺义区仁和镇某村', area_type: 'rural', members, ...over };
}

export function application(hh: { household_id: string; members: { person_id: string }[] }, over: Record<string, any> = {}) {
  return {
    application_id: 'A001',
    household_id: hh.household_id,
    applicant_person_id: hh.members[0].person_id,
    program: 'dibao',
    region_code: '110113001001',
    applied_on: '2024-03-01',
    route: 'standard',
    handled_by: ['S01'],
    ...over,
  };
}

export function decision(result: 'approved' | 'rejected' | 'pending', decidedOn: string, covered: string[], over: Record<string, any> = {}) {
  return { result, decided_on: decidedOn, coverage: 'household', covered_person_ids: covered, ...over };
}

export function payment(app: { application_id: string; household_id: string; program?: string }, month: string, amount = 500, over: Record<string, any> = {}) {
  return {
    payment_id: `P-${app.application_id}-${month}`,
    application_id: app.application_id,
    household_id: app.household_id,
    program: app.program ?? 'dibao',
    region_code: '110113001001',
    month,
    amount,
    paid_on: `${month}-10`,
    channel: 'bank',
    ...over,
  };
}
