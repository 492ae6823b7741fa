// Test people with valid resident ID numbers: the county code, the birth date and a sequence
// number, with the right check character, so spec records pass the contract.
import { residentIdCheckChar } from '../../policies/checks/resident-id';

let sequence = 100;

export function residentId(birthDate: string, county = '150525'): string {
  const body = `${county}${birthDate.replace(/-/g, '')}${String(sequence++ % 1000).padStart(3, '0')}`;
  return body + residentIdCheckChar(body);
}

export function person(name: string, birthDate: string, relation = 'head', extra: Record<string, unknown> = {}) {
  return { person_id: residentId(birthDate), name, birth_date: birthDate, relation, ...extra };
}
