// Hand-built JSON lines for the high-volume collections. Node 20's JSON.stringify costs
// 2–5 µs per record here, which alone would cap generation near 20,000 households/s; these
// templates emit the same text (same key order, same number format) several times faster.
// Strings are interpolated unescaped: every one comes from the generator's own tables (names,
// places, codes, dates) and none holds a quote, backslash or control character. The contract
// test re-serialises every line to prove it.
import type { ApplicationT, HouseholdT, MemberT, NoticeT } from '../../schemas/case-export';

function memberJson(m: MemberT): string {
  let s = `{"person_id":"${m.person_id}","name":"${m.name}","birth_date":"${m.birth_date}","relation":"${m.relation}"`;
  if (m.serious_illness !== undefined) s += `,"serious_illness":${m.serious_illness}`;
  if (m.disability_grade !== undefined) s += `,"disability_grade":${m.disability_grade}`;
  return s + '}';
}

export function householdLine(h: HouseholdT): string {
  let members = memberJson(h.members[0]);
  for (let i = 1; i < h.members.length; i++) members += ',' + memberJson(h.members[i]);
  const vehicles = h.vehicles ? `,"vehicles":${JSON.stringify(h.vehicles)}` : '';
  return `{"household_id":"${h.household_id}","region_code":"${h.region_code}","region_name":"${h.region_name}","area_type":"${h.area_type}","members":[${members}]${vehicles}}`;
}

function stringArray(a: readonly string[]): string {
  return a.length ? `["${a.join('","')}"]` : '[]';
}

function itemsJson(items: { type: string; amount: number }[]): string {
  let s = '[';
  for (let i = 0; i < items.length; i++) s += `${i ? ',' : ''}{"type":"${items[i].type}","amount":${items[i].amount}}`;
  return s + ']';
}

/** Fields in the contract's order; rare nested objects fall back to JSON.stringify. */
export function applicationLine(a: ApplicationT): string {
  let s = `{"application_id":"${a.application_id}","household_id":"${a.household_id}","applicant_person_id":"${a.applicant_person_id}","program":"${a.program}","region_code":"${a.region_code}","applied_on":"${a.applied_on}"`;
  if (a.accepted_on !== undefined) s += `,"accepted_on":"${a.accepted_on}"`;
  s += `,"route":"${a.route}"`;
  if (a.tolerance !== undefined) s += `,"tolerance":${JSON.stringify(a.tolerance)}`;
  s += `,"handled_by":${stringArray(a.handled_by)}`;
  if (a.declared_relation !== undefined) s += `,"declared_relation":${JSON.stringify(a.declared_relation)}`;
  if (a.household_survey_on !== undefined) s += `,"household_survey_on":"${a.household_survey_on}"`;
  if (a.batch_id !== undefined) s += `,"batch_id":"${a.batch_id}"`;
  if (a.income !== undefined) {
    const i = a.income;
    s += `,"income":{"monthly_per_capita":${i.monthly_per_capita},"standard_monthly":${i.standard_monthly},"counted":${itemsJson(i.counted)},"excluded":${itemsJson(i.excluded)}}`;
  }
  if (a.decision !== undefined) {
    const d = a.decision;
    s += `,"decision":{"result":"${d.result}","decided_on":"${d.decided_on}","coverage":"${d.coverage}","covered_person_ids":${stringArray(d.covered_person_ids)}`;
    if (d.benefit_monthly !== undefined) s += `,"benefit_monthly":${d.benefit_monthly}`;
    if (d.start_month !== undefined) s += `,"start_month":"${d.start_month}"`;
    s += '}';
  }
  if (a.exit !== undefined) s += `,"exit":${JSON.stringify(a.exit)}`;
  if (a.temporary !== undefined) s += `,"temporary":${JSON.stringify(a.temporary)}`;
  return s + '}';
}

export function noticeLine(n: NoticeT): string {
  let s = `{"notice_id":"${n.notice_id}"`;
  if (n.application_id !== undefined) s += `,"application_id":"${n.application_id}"`;
  s += `,"household_id":"${n.household_id}","kind":"${n.kind}","posted_on":"${n.posted_on}","ends_on":"${n.ends_on}","channel":"${n.channel}","columns":[`;
  for (let i = 0; i < n.columns.length; i++) s += `${i ? ',' : ''}{"label":"${n.columns[i].label}","value":"${n.columns[i].value}"}`;
  s += ']';
  if (n.objections !== undefined) s += `,"objections":${JSON.stringify(n.objections)}`;
  return s + '}';
}
