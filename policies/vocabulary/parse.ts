// A feature file → the vocabulary rule it defines. The rule is the scenario tagged @定义 (or
// @definition): its 假如/Given steps choose the records, its 那么/Then steps state what each must
// satisfy and what a finding says. The rule's id is the feature's rule tag, its clause the
// @clause tag with the feature's description, its title the feature's name.
import { AstBuilder, GherkinClassicTokenMatcher, Parser } from '@cucumber/gherkin';
import { GherkinDocument, IdGenerator, StepKeywordType } from '@cucumber/messages';
import { Severity } from '../../engine/findings/finding';
import { RecordKind } from './contract';
import { SentenceError, VocabularyError } from './errors';
import { Condition, OperandType, ParameterDeclaration, Place, RuleIR } from './ir';
import { DECLARED_TYPES } from './params';
import { condition, findingPart, resolveField, SentenceContext, subjectOf } from './sentences';

/** Tags of the scenario that defines a rule. */
export const DEFINITION_TAGS = ['@定义', '@definition'] as const;
const DRAFT_TAGS = ['@草稿', '@draft'];
const ID_TAG = /^@((?:[A-Z]+)(?:-[A-Z]+)+)$/;

// An audit reads each feature file's tree three times (its scenarios' tags, the vocabulary rule it
// defines, the parameters that rule declares): parsed once per text, and read, never changed.
// Counted ids, not random UUIDs: nothing here reads them.
const parsedDocuments = new Map<string, GherkinDocument>();

export function parseGherkin(text: string): GherkinDocument {
  const hit = parsedDocuments.get(text);
  if (hit) return hit;
  const language = /^#\s*language:\s*(\S+)/m.exec(text)?.[1] ?? 'en';
  const doc = new Parser(new AstBuilder(IdGenerator.incrementing()), new GherkinClassicTokenMatcher(language)).parse(text);
  parsedDocuments.set(text, doc);
  return doc;
}

/** Cheap test before parsing: only files that hold a definition are vocabulary rules. */
export const definesRule = (text: string) => DEFINITION_TAGS.some((t) => text.includes(t));

export interface Parameters {
  type(key: string): OperandType | undefined;
  keys(): string[];
}

export interface Parsed {
  rule?: RuleIR;
  /** Parameters the feature declares (参数 x 为期限,含义为“…”). */
  declared: ParameterDeclaration[];
  errors: VocabularyError[];
  draft: boolean;
  id?: string;
  place: Place;
}


/** Reads one feature file; every mistake is collected with its line, none thrown. */
export function parseRule(file: string, text: string, params: Parameters, family = 'vocabulary'): Parsed {
  const errors: VocabularyError[] = [];
  let doc: GherkinDocument;
  try {
    doc = parseGherkin(text);
  } catch (e) {
    const line = Number(/\((\d+):\d+\)/.exec((e as Error).message)?.[1] ?? 1);
    const err = new VocabularyError({ file, line }, { zh: `无法解析特性文件: ${(e as Error).message.split('\n')[0]}`, en: `cannot parse the feature file: ${(e as Error).message.split('\n')[0]}` });
    return { declared: [], errors: [err], draft: false, place: { file, line } };
  }
  const feature = doc.feature!;
  const featureTags = feature.tags.map((t) => t.name);
  const place = { file, line: feature.location.line };
  const def = feature.children.flatMap((c) => [c.scenario, ...(c.rule?.children.map((r) => r.scenario) ?? [])]).find((s) => s?.tags.some((t) => (DEFINITION_TAGS as readonly string[]).includes(t.name)));
  const draft = [...featureTags, ...(def?.tags.map((t) => t.name) ?? [])].some((t) => DRAFT_TAGS.includes(t));
  const id = featureTags.map((t) => ID_TAG.exec(t)?.[1]).find(Boolean);
  const clauseTag = featureTags.find((t) => t.startsWith('@clause:'))?.slice('@clause:'.length);
  const out: Parsed = { declared: [], errors, draft, place, ...(id ? { id } : {}) };
  if (!def) return out;
  const defPlace = { file, line: def.location.line };
  if (!id) errors.push(new VocabularyError(place, { zh: '规则特性缺少规则编号标签(如 @ELIG-PUBLIC-FUNDED)', en: 'the rule feature has no rule id tag (e.g. @ELIG-PUBLIC-FUNDED)' }));
  if (!clauseTag) errors.push(new VocabularyError(place, { zh: '规则特性缺少 @clause 标签', en: 'the rule feature has no @clause tag' }));

  // Parameters declared here are known to the conditions below.
  for (const step of def.steps) {
    const part = findingPart(step.text);
    if (part?.part === 'declare')
      out.declared.push({ key: part.key, type: DECLARED_TYPES[part.type], description: part.description, place: { file, line: step.location.line } });
  }
  const declaredType = (k: string): OperandType | undefined => {
    const d = out.declared.find((x) => x.key === k);
    return d ? (d.type === 'duration' ? 'duration' : d.type) : undefined;
  };

  let subject: RecordKind | undefined;
  const where: Condition[] = [];
  const require: Condition[] = [];
  const used = new Set<string>();
  const depth = { n: 0 };
  let datedBy: string | undefined;
  let datedLine = 0;
  let before: RuleIR['before'] = 'history';
  let severity: Severity = 'error';
  const message = { zh: '', en: '' };
  const remedy = { zh: '', en: '' };
  const groups: RuleIR['groups'] = {};
  let titleEn = '';
  let mode: 'choose' | 'require' = 'choose';
  let saidRequire = false;
  for (const step of def.steps) {
    const at = { file, line: step.location.line };
    if (step.keywordType === StepKeywordType.OUTCOME) [mode, saidRequire] = ['require', true];
    else if (step.keywordType === StepKeywordType.CONTEXT || step.keywordType === StepKeywordType.ACTION) mode = 'choose';
    try {
      const part = findingPart(step.text);
      if (part) {
        if (part.part === 'severity') severity = part.severity;
        else if (part.part === 'message') message[part.lang] = part.text;
        else if (part.part === 'remedy') remedy[part.lang] = part.text;
        else if (part.part === 'group') groups[part.by] = '';
        else if (part.part === 'dated') [datedBy, datedLine] = [part.field, step.location.line];
        else if (part.part === 'before') before = part.before;
        else if (part.part === 'title') titleEn = part.en;
        continue;
      }
      const kind = subjectOf(step.text);
      if (kind) {
        if (subject) throw new SentenceError('一条规则只能有一个"对每一…"', 'a rule chooses its records once ("for every …")');
        subject = kind;
        continue;
      }
      if (!subject) throw new SentenceError('请先写明审查哪一类记录,如"对每一份申请"', 'say first which records the rule judges, e.g. "for every application"');
      const ctx: SentenceContext = {
        subject: { kind: subject, alias: 's' },
        current: { kind: subject, alias: 's' },
        line: step.location.line,
        paramType: (k) => declaredType(k) ?? params.type(k),
        paramKeys: () => [...params.keys(), ...out.declared.map((d) => d.key)],
        used,
        depth,
      };
      (mode === 'choose' ? where : require).push(condition(ctx, step.text));
    } catch (e) {
      if (e instanceof SentenceError) errors.push(new VocabularyError(at, { zh: e.zh, en: e.en }));
      else throw e;
    }
  }
  if (!subject) {
    errors.push(new VocabularyError(defPlace, { zh: '规则定义没有"对每一…"句,不知道审查哪类记录', en: 'the definition never says which records it judges ("for every …")' }));
    return out;
  }
  if (!saidRequire) errors.push(new VocabularyError(defPlace, { zh: '规则定义没有"那么"句,不知道要求什么', en: 'the definition states no requirement (a Then step)' }));
  if (!message.zh && !message.en) errors.push(new VocabularyError(defPlace, { zh: '规则定义缺少"说明为“…”"', en: 'the definition gives no message ("the message is …")' }));
  let dated;
  try {
    dated = datedBy ? resolveField(subject, datedBy) : subject.fields.find((f) => f.type === 'date');
    if (dated && dated.type !== 'date') throw new SentenceError(`「${datedBy}」不是日期`, `"${datedBy}" is not a date`);
  } catch (e) {
    if (!(e instanceof SentenceError)) throw e;
    errors.push(new VocabularyError({ file, line: datedLine }, { zh: e.zh, en: e.en }));
  }
  if (groups.township !== undefined) {
    const f = subject.fields.find((x) => x.path === 'region_code') ?? (subject.fields.some((x) => x.path === 'household_id') ? { path: '' } : undefined);
    if (!f) errors.push(new VocabularyError(defPlace, { zh: `${subject.zh}没有所在地代码,不能按乡镇分组`, en: `${subject.en} has no region code to group by township` }));
    else groups.township = f.path;
  }
  if (groups.staff !== undefined) {
    const f = subject.fields.find((x) => x.path === 'staff_id' || x.path === 'handled_by');
    if (!f) errors.push(new VocabularyError(defPlace, { zh: `${subject.zh}没有工作人员编号,不能按工作人员分组`, en: `${subject.en} names no staff member to group by` }));
    else groups.staff = f.path;
  }
  const placeholders = [...`${message.zh} ${message.en} ${remedy.zh} ${remedy.en}`.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
  for (const p of placeholders) {
    if (/^(参数|parameter)\s/.test(p)) {
      const key = p.replace(/^(参数|parameter)\s*/, '');
      if (!declaredType(key) && !params.type(key)) errors.push(new VocabularyError(defPlace, { zh: `说明中的{${p}}不是已知参数`, en: `{${p}} in the message is no known parameter` }));
      else used.add(key);
      continue;
    }
    try {
      resolveField(subject, p);
    } catch (e) {
      if (e instanceof SentenceError) errors.push(new VocabularyError(defPlace, { zh: `说明中的{${p}}: ${e.zh}`, en: `{${p}} in the message: ${e.en}` }));
      else throw e;
    }
  }
  if (errors.length || !id || !clauseTag) return out;
  const [document, ...section] = clauseTag.split('-');
  out.rule = {
    id,
    family,
    title: { zh: feature.name.trim(), en: titleEn || feature.name.trim() },
    clause: { document: feature.description.trim().split('\n')[0]?.trim() || document, tag: clauseTag, ...(section.length ? { note: section.join('-') } : {}) },
    place,
    draft,
    subject,
    ...(dated ? { datedBy: dated } : {}),
    before,
    where,
    require,
    parameters: [...used],
    parameterTypes: Object.fromEntries([...used].map((k) => [k, (declaredType(k) ?? params.type(k))!])),
    severity,
    message: { zh: message.zh || message.en, en: message.en || message.zh },
    remedy: { zh: remedy.zh || remedy.en, en: remedy.en || remedy.zh },
    groups,
  };
  return out;
}
