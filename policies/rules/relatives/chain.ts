// What the REL-* rules share: classifying each (application, staff) pair by the profile values in
// force on the application date, and turning a break in the filing chain into a finding that
// names the application, household, staff member (id and role), relation and the broken link.
import { Bilingual, Finding, Severity } from '../../../engine/findings/finding';
import { personal } from '../../../engine/findings/personal-data';
import { ParameterValue, ResolvedProfile } from '../../../engine/profile/profile';
import { Dataset } from '../../../engine/dataset/dataset';
import { makeFinding, Rule, RuleEvaluation } from '../../rule';
import { Period, periodsOf } from '../../periods';
import { auditPeriod, notYetDue, Unjudged } from '../../audit-period';
import type { RelLink } from '../../parameters/relatives';
import { FilingRow, linkGaps, LinkRow, relativeLinks, RosterRelative } from './links';

/** Keys every REL-* rule reads; the rules add their own (lead days, recusal switch). */
export const SCOPE_KEYS = ['relatives.close_relations', 'relatives.other_relations', 'relatives.staff_roles', 'relatives.severity'];

export const RELATION_NAMES: Record<string, Bilingual> = {
  spouse: { zh: '配偶', en: 'spouse' },
  parent: { zh: '父母', en: 'parent' },
  child: { zh: '子女', en: 'child' },
  sibling: { zh: '兄弟姐妹', en: 'sibling' },
  grandparent: { zh: '祖父母、外祖父母', en: 'grandparent' },
  grandchild: { zh: '孙子女、外孙子女', en: 'grandchild' },
  parent_in_law: { zh: '配偶的父母', en: 'parent-in-law' },
  other: { zh: '其他亲属', en: 'other relative' },
  self: { zh: '本人', en: 'self' },
};
/** The staff member's own household: always in scope, whatever the profile's relation lists say. */
export const SELF = 'self';
export const ROLE_NAMES: Record<string, Bilingual> = {
  caseworker: { zh: '社会救助经办人员', en: 'caseworker' },
  village_cadre: { zh: '村(居)委会干部', en: 'village/community cadre' },
  public_funded: { zh: '财政供养人员', en: 'publicly funded staff' },
};
const relName = (r: string) => RELATION_NAMES[r] ?? { zh: r, en: r };

/** A pair classified under the values in force on its application date. */
export interface Link extends LinkRow {
  period: Period;
  inPost: boolean;
  roleInScope: boolean;
  /** Roster relatives in the close set, plus any whose relation the profile classifies nowhere (fail closed). */
  closeRelatives: RosterRelative[];
  unclassified: string[];
  /** The roster shows a close relative of in-scope staff in post on the application date. */
  rosterInScope: boolean;
  declared: boolean;
  declaredInScope: boolean;
  /** Declaration and filing are due: the roster or the applicant's own declaration makes it a related application. */
  required: boolean;
  filed: boolean;
  /** A final decision (approved or rejected) with its date; pending is no decision yet. */
  decided: boolean;
}

// The scope sets of a period, built once per period rather than once per pair.
const scopeCache = new WeakMap<Period, { close: Set<string>; other: Set<string>; roles: Set<string> }>();
function scopeOf(period: Period) {
  let hit = scopeCache.get(period);
  if (!hit) {
    const v = period.values;
    hit = {
      close: new Set((v['relatives.close_relations']?.value as string[]) ?? []),
      other: new Set((v['relatives.other_relations']?.value as string[]) ?? []),
      roles: new Set((v['relatives.staff_roles']?.value as string[]) ?? []),
    };
    scopeCache.set(period, hit);
  }
  return hit;
}

export function classify(row: LinkRow, period: Period): Link {
  const { close, other, roles } = scopeOf(period);
  // 在岗: active_from ≤ 申请日期 ≤ active_to (or still in post); both ends count as in post.
  const inPost = row.staff_known && !!row.active_from && row.active_from <= row.applied_on && (!row.active_to || row.applied_on <= row.active_to);
  const roleInScope = row.staff_known && !!row.role && roles.has(row.role);
  const unclassified = [...new Set(row.roster.map((r) => r.relation).filter((r) => r !== SELF && !close.has(r) && !other.has(r)))];
  const closeRelatives = row.roster.filter((r) => r.relation === SELF || close.has(r.relation) || !other.has(r.relation));
  const rosterInScope = inPost && roleInScope && closeRelatives.length > 0;
  const declared = row.declared_staff_ids.includes(row.staff_id);
  // A declaration naming staff the roster lacks still binds (fail closed); CONTRACT-REFERENCE reports the gap.
  const declaredInScope = declared && (!row.staff_known || (inPost && roleInScope));
  const decided = (row.result === 'approved' || row.result === 'rejected') && !!row.decided_on;
  // The row's own fields are reached through the prototype: copying them per rule per pair was
  // the largest cost of these rules at scale (bench/relatives.bench.ts).
  const flags: Omit<Link, keyof LinkRow> = {
    period,
    inPost,
    roleInScope,
    closeRelatives,
    unclassified,
    rosterInScope,
    declared,
    declaredInScope,
    required: rosterInScope || declaredInScope,
    filed: row.filings.length > 0,
    decided,
  };
  return Object.assign(Object.create(row) as LinkRow, flags);
}

export interface Break {
  link: RelLink;
  /** Overrides the profile's severity for the link (a break not yet due is info). */
  severity?: Severity;
  message: Bilingual;
  expected: unknown;
  actual?: Record<string, unknown>;
  remedy: Finding['remedy'] & {};
}

export interface ChainCheck {
  rule: Rule;
  keys: string[];
  /** The pairs this rule judges (counted as examined). */
  judges(link: Link): boolean;
  check(link: Link): Break | null | Promise<Break | null>;
  /** Pairs whose duty falls due at a decision not yet made by the export's end (not reviewed: not yet due). */
  pending?(link: Link): boolean;
  /** Optional batch preparation over the pairs judged (e.g. one query for amounts to recover). */
  prepare?(ds: Dataset, links: Link[]): Promise<void>;
}

function periodOf(periods: Period[], date: string): Period | undefined {
  return periods.find((p) => (!p.from || p.from <= date) && (!p.until || date < p.until));
}

export async function evaluateChain(ds: Dataset, profile: ResolvedProfile, c: ChainCheck): Promise<RuleEvaluation> {
  const periods = periodsOf(profile, c.keys);
  const rows = await relativeLinks(ds);
  if (!periods.length)
    return {
      findings: [],
      examined: 0,
      notReviewed: {
        count: rows.length,
        reason: { zh: `政策配置 ${profile.id} 未设定近亲属备案参数`, en: `profile ${profile.id} sets no relative-filing parameters` },
      },
    };
  const links: Link[] = [];
  let pending = 0;
  for (const row of rows) {
    const period = periodOf(periods, row.applied_on);
    if (!period || period.off) continue;
    const link = classify(row, period);
    if (c.judges(link)) links.push(link);
    else if (c.pending?.(link)) pending++;
  }
  await c.prepare?.(ds, links);
  const findings: Finding[] = [];
  for (const link of links) {
    const b = await c.check(link);
    if (b) findings.push(toFinding(ds, c, link, b));
  }
  const unjudged = new Unjudged();
  const gaps = (await notReviewed(ds, c.rule)).notReviewed;
  if (gaps) unjudged.add(gaps.reason, gaps.count);
  unjudged.add(notYetDue(auditPeriod(ds)), pending);
  return { findings, examined: links.length, ...unjudged.result() };
}

// CONTRACT-REFERENCE reports the missing records; here they are counted as not reviewed, never passed.
async function notReviewed(ds: Dataset, rule: Rule): Promise<Pick<RuleEvaluation, 'notReviewed'>> {
  const gaps = await linkGaps(ds);
  const filings = rule.needs.includes('relative_filings') ? gaps.orphanFilings : 0;
  const count = filings + gaps.withoutHousehold;
  if (!count) return {};
  return {
    notReviewed: {
      count,
      reason: {
        zh: `${gaps.withoutHousehold} 份申请的家庭不在导出数据中(只能核对申请人本人)${filings ? `;${filings} 条备案所属申请不在导出数据中` : ''}`,
        en: `${gaps.withoutHousehold} application(s) whose household the export lacks (only the applicant could be matched)${filings ? `; ${filings} filing(s) of applications the export lacks` : ''}`,
      },
    },
  };
}

function toFinding(ds: Dataset, c: ChainCheck, link: Link, b: Break): Finding {
  const v = link.period.values;
  const severities = v['relatives.severity']?.value as Record<RelLink, Severity> | undefined;
  const severity: Severity = link.period.preRule ? 'info' : (b.severity ?? severities?.[b.link] ?? 'error');
  const history = link.period.preRule
    ? { zh: '(备案制度生效前的申请,作为历史记录,不计违规)', en: ' (application made before the filing rule took effect: history, not a violation)' }
    : { zh: '', en: '' };
  const who = describePair(link);
  const params = c.keys.map((k) => v[k]).filter((p): p is ParameterValue => !!p);
  return makeFinding(c.rule, {
    severity,
    record: ds.locate('applications', link.application_id, link._line),
    related: [
      { collection: 'households', id: link.household_id },
      { collection: 'staff', id: link.staff_id },
      ...link.filings.map((f) => ({ collection: 'relative_filings', id: f.filing_id })),
    ],
    message: { zh: `${who.zh}:${b.message.zh}${history.zh}`, en: `${who.en}: ${b.message.en}${history.en}` },
    expected: b.expected,
    actual: { link: b.link, ...pairFacts(link), ...(b.actual ?? {}) },
    params,
    remedy: b.remedy,
    groups: { township: link.region_code.slice(0, 9), staff: link.staff_id },
    detail: link.staff_id,
  });
}

/** "申请 A(家庭 H)与村(居)委会干部 S(张*)" plus the relation and where it is shown. */
export function describePair(link: Link): Bilingual {
  const role = link.role ? (ROLE_NAMES[link.role] ?? { zh: link.role, en: link.role }) : { zh: '名册中没有的人员', en: 'staff not on the roster' };
  const name = link.staff_name ? personal('name', link.staff_name) : '';
  const rel = relationText(link);
  return {
    zh: `申请 ${link.application_id}(家庭 ${link.household_id})与${role.zh} ${link.staff_id}${name ? `(${name})` : ''}${rel.zh}`,
    en: `application ${link.application_id} (household ${link.household_id}) and ${role.en} ${link.staff_id}${name ? ` (${name})` : ''}${rel.en}`,
  };
}

function relationText(link: Link): Bilingual {
  if (link.closeRelatives.length) {
    if (link.closeRelatives.every((r) => r.relation === SELF))
      return { zh: ',名册显示该人员本人为该户成员(本人家庭的申请)', en: ', the roster shows the staff member is in the household themselves (their own household’s application)' };
    const zh = link.closeRelatives.map((r) => `${relName(r.relation).zh}(${r.name ? personal('name', r.name) : personal('id', r.person_id)})`).join('、');
    const en = link.closeRelatives.map((r) => `${relName(r.relation).en} (${r.name ? personal('name', r.name) : personal('id', r.person_id)})`).join(', ');
    const note = link.unclassified.length
      ? { zh: `;关系「${link.unclassified.join('、')}」未在配置中归类,按近亲属处理`, en: `; relation(s) ${link.unclassified.join(', ')} not classified by the profile, treated as close` }
      : { zh: '', en: '' };
    return { zh: `,名册显示其${zh}为该户成员${note.zh}`, en: `, the roster lists their ${en} in the household${note.en}` };
  }
  if (link.declared) return { zh: `,申请人申明为其${relName(link.declared_relation ?? '').zh}`, en: `, declared by the applicant as ${relName(link.declared_relation ?? '').en}` };
  const f = link.filings[0];
  return f ? { zh: `,乡镇备案关系为${relName(f.relation).zh}`, en: `, filed by the township as ${relName(f.relation).en}` } : { zh: '', en: '' };
}

/** Facts every REL-* finding carries, personal data wrapped for masking. */
function pairFacts(link: Link): Record<string, unknown> {
  return {
    application_id: link.application_id,
    household_id: link.household_id,
    applied_on: link.applied_on,
    decision: link.decided ? { result: link.result, decided_on: link.decided_on } : null,
    staff: {
      staff_id: link.staff_id,
      role: link.role,
      name: link.staff_name ? personal('name', link.staff_name) : null,
      active_from: link.active_from,
      active_to: link.active_to,
    },
    relatives: link.closeRelatives.map((r) => ({ relation: r.relation, person_id: personal('id', r.person_id), ...(r.name ? { name: personal('name', r.name) } : {}) })),
    declared: link.declared ? { staff_id: link.staff_id, relation: link.declared_relation } : null,
    filings: link.filings.map((f: FilingRow) => ({ filing_id: f.filing_id, filed_on: f.filed_on, verification: f.completed_on ? { completed_on: f.completed_on, result: f.result } : null })),
  };
}

/** The filing that counts for a pair: the earliest registered. */
export const firstFiling = (link: Link): FilingRow | undefined => link.filings[0];

/** The earliest completed verification among the pair's filings. */
export function firstVerification(link: Link): FilingRow | undefined {
  return link.filings.filter((f) => f.completed_on).sort((a, b) => a.completed_on!.localeCompare(b.completed_on!))[0];
}
