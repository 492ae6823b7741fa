// Records for a vocabulary rule's spec scenarios, written as tables whose columns are the
// contract's labels (the same nouns the rule uses). Fields a row leaves out get plain valid
// values, so a scenario states only what its example turns on. A resident ID may be written
// as a person's name: the same name is the same person in every table of the scenario.
import { CollectionName } from '../../schemas/case-export';
import { residentIdCheckChar } from '../checks/resident-id';
import { Duration } from '../duration';
import { Field, RecordKind, recordKinds } from './contract';
import { SentenceError } from './errors';
import { resolveCollection, resolveField, yuanText } from './sentences';

type Rec = Record<string, any>;
const REGION = '150525100201';

const DEFAULTS: Partial<Record<CollectionName, (n: number, r: Rec) => Rec>> = {
  households: (n) => ({ household_id: `H${n}`, region_code: REGION, region_name: '某村', area_type: 'rural', members: [] }),
  applications: (n) => ({ application_id: `A${n}`, household_id: 'H1', program: 'dibao', region_code: REGION, applied_on: '2024-03-01', route: 'standard', handled_by: ['S1'] }),
  staff: (n) => ({ staff_id: `S${n}`, name: `工作人员${n}`, role: 'caseworker', region_code: REGION.slice(0, 9), active_from: '2020-01-01', relatives: [] }),
  payments: (n) => ({ payment_id: `P${n}`, application_id: 'A1', household_id: 'H1', program: 'dibao', region_code: REGION, month: '2024-04', amount: 500, paid_on: '2024-04-10', channel: 'bank' }),
  notices: (n) => ({ notice_id: `N${n}`, household_id: 'H1', kind: 'review', posted_on: '2024-03-05', ends_on: '2024-03-11', channel: '村务公开栏', columns: [] }),
  deaths: () => ({ died_on: '2024-01-01', source: 'funeral' }),
  relative_filings: (n) => ({ filing_id: `F${n}`, application_id: 'A1', staff_id: 'S1', relation: 'spouse', filed_on: '2024-03-01', registered_by: '乡镇人民政府' }),
  joint_reviews: (n) => ({ review_id: `JR${n}`, application_id: 'A1', household_id: 'H1', held_on: '2024-03-20', departments: [] }),
  services: (n) => ({ service_id: `SV${n}`, household_id: 'H1', kind: '助洁', provided_on: '2024-04-10' }),
  satisfaction_surveys: (n) => ({ survey_id: `SS${n}`, household_id: 'H1', quarter: '2024-Q2', surveyed_on: '2024-06-20', result: 'satisfied' }),
  change_lists: (n) => ({ list_id: `CL${n}`, region_code: REGION.slice(0, 9), month: '2024-04', published_on: '2024-04-30', changes: [] }),
  assistance_chains: (n) => ({ chain_id: `C${n}`, household_id: 'H1', opened_on: '2024-01-10', hardships: [], policies: [] }),
  warnings: (n) => ({ warning_id: `W${n}`, household_id: 'H1', type: 'deposits', raised_on: '2024-03-01', evidence_due: '2024-03-15', outcome: 'pending', outcome_on: '2024-03-15' }),
};

// An object a row writes into gets its other required fields (审核确认的审核结果 → a whole decision).
const OBJECT_DEFAULTS: Record<string, (r: Rec) => Rec> = {
  'Application.decision': (r) => ({ result: 'approved', decided_on: r.applied_on, coverage: 'household', covered_person_ids: [] }),
  'Application.temporary': (r) => ({ cause: '火灾', event_date: r.applied_on, amount: 1000, approval: 'standard' }),
  'Application.exit': (r) => ({ ended_on: r.applied_on, reason: 'other' }),
  'Application.declared_relation': () => ({ staff_id: 'S1', relation: 'spouse' }),
  'Application.income': () => ({ monthly_per_capita: 0, standard_monthly: 0, counted: [], excluded: [] }),
  'RelativeFiling.verification': (r) => ({ completed_on: r.filed_on, result: 'eligible' }),
};

let sequence = 500;
function idFor(name: string, people: Map<string, string>): string {
  if (/^\d{17}[\dX]$/.test(name)) return name;
  let id = people.get(name);
  if (!id) {
    const body = `150525197001${String(10 + (sequence % 18)).padStart(2, '0')}${String(sequence++ % 1000).padStart(3, '0')}`;
    id = body + residentIdCheckChar(body);
    people.set(name, id);
  }
  return id;
}

function valueOf(f: Field, text: string, people: Map<string, string>): unknown {
  const t = text.trim();
  const one = (type: string, v: string): unknown => {
    switch (type) {
      case 'amount': {
        const y = yuanText(/元$/.test(v) ? v : `${v}元`);
        if (y === undefined) throw new SentenceError(`「${f.zh}」应为金额: ${v}`, `"${f.en}" takes an amount: ${v}`);
        return Number(y);
      }
      case 'integer':
        return Number(v);
      case 'boolean':
        return /^(是|true|yes)$/.test(v);
      case 'person':
        return idFor(v, people);
      case 'enum': {
        const hit = f.codes?.find((c) => c.code === v || c.zh === v);
        if (!hit) throw new SentenceError(`「${f.zh}」没有取值「${v}」`, `"${f.en}" has no value "${v}"`);
        return hit.code;
      }
      default:
        return v;
    }
  };
  if (f.type === 'list') return t ? t.split(/[、,,]\s*/).map((v) => one(f.codes ? 'enum' : (f.items ?? 'text'), v)) : [];
  return one(f.type, t);
}

function setPath(kind: RecordKind, rec: Rec, path: string, value: unknown): void {
  const parts = path.split('.');
  let at = rec;
  for (let i = 0; i < parts.length - 1; i++) {
    const key = `${kind.def}.${parts.slice(0, i + 1).join('.')}`;
    at[parts[i]] ??= OBJECT_DEFAULTS[key]?.(rec) ?? {};
    at = at[parts[i]];
  }
  at[parts[parts.length - 1]] = value;
}

const NESTED: Record<string, { label: string; parent: CollectionName; parentKey: string; array: string; defaults: (people: Map<string, string>, n: number) => Rec }> = {
  Member: { label: '家庭编号', parent: 'households', parentKey: 'household_id', array: 'members', defaults: (_p, n) => ({ name: `成员${n}`, birth_date: '1970-01-01', relation: n === 1 ? 'head' : 'other' }) },
  'AssistanceChain.policies[]': { label: '救助链编号', parent: 'assistance_chains', parentKey: 'chain_id', array: 'policies', defaults: () => ({ policy: '政策', hardship: 'other', matched_on: '2024-01-10' }) },
  'Staff.relatives[]': { label: '人员编号', parent: 'staff', parentKey: 'staff_id', array: 'relatives', defaults: () => ({ relation: 'spouse' }) },
};

function nestedKind(name: string): RecordKind | undefined {
  return [...recordKinds().values()].find((k) => !k.collection && [k.zh, ...k.aliases].includes(name));
}

/** The records of a table: for a collection, new records; for members or staff relatives, added to their household or staff record. */
export function buildRecords(name: string, rows: Record<string, string>[], existing: Partial<Record<CollectionName, Rec[]>>, people: Map<string, string>): { collection?: CollectionName; record: Rec }[] {
  const nested = nestedKind(name);
  const kind = nested ?? resolveCollection(name);
  const out: { collection?: CollectionName; record: Rec }[] = [];
  rows.forEach((row, i) => {
    if (nested) {
      const spec = NESTED[nested.def];
      const parentId = row[spec.label];
      const parent = existing[spec.parent]?.find((r) => r[spec.parentKey] === parentId);
      if (!parent) throw new SentenceError(`没有${spec.label}为「${parentId}」的记录`, `no record with ${spec.parentKey} "${parentId}"`);
      const rec = spec.defaults(people, parent[spec.array].length + 1);
      for (const [label, text] of Object.entries(row)) if (label !== spec.label && text.trim()) setPath(kind, rec, resolveField(kind, label).path, valueOf(resolveField(kind, label), text, people));
      if (nested.def !== 'AssistanceChain.policies[]') rec.person_id ??= idFor(rec.name ?? `${parentId}-${i}`, people);
      parent[spec.array].push(rec);
      return;
    }
    const c = kind.collection!;
    const make = DEFAULTS[c];
    if (!make) throw new SentenceError(`暂不能用表格构造${kind.zh}`, `${kind.en} records cannot be built from a table yet`);
    const rec = make((existing[c]?.length ?? 0) + out.length + 1, {});
    for (const [label, text] of Object.entries(row)) {
      // An empty cell leaves the field out (任职止 blank: still in post).
      if (!text.trim()) continue;
      const f = resolveField(kind, label);
      setPath(kind, rec, f.path, valueOf(f, text, people));
    }
    // Whoever a record names by resident ID and the table left out: the household head, or a person of its own.
    if (c === 'applications') rec.applicant_person_id ??= existing.households?.find((h) => h.household_id === rec.household_id)?.members[0]?.person_id ?? idFor(`${rec.application_id}申请人`, people);
    if (c === 'staff') rec.person_id ??= idFor(rec.name, people);
    if (c === 'deaths') rec.person_id ??= idFor(`死者${i}`, people);
    out.push({ collection: c, record: rec });
  });
  return out;
}

/** A parameter value as a scenario writes it: 10个工作日, 5000元, 3, 是, “dibao”、“tekun”. */
export function parseParameterValue(text: string): unknown {
  const t = text.trim().normalize('NFKC');
  const d = /^(\d+)\s*(个工作日|工作日|天|日|个月|working days?|days?|months?)$/.exec(t);
  if (d) return { value: Number(d[1]), unit: /工作日|working/.test(d[2]) ? 'working_days' : /月|month/.test(d[2]) ? 'months' : 'calendar_days' } satisfies Duration;
  const y = yuanText(t);
  if (y !== undefined) return Number(y);
  if (/^\d+$/.test(t)) return Number(t);
  if (/^(是|true|yes)$/.test(t)) return true;
  if (/^(否|false|no)$/.test(t)) return false;
  return t.split(/[、,]\s*/).map((v) => v.replace(/^["“「]|["”」]$/g, ''));
}

