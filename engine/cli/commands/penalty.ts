// `jiuzhu penalty`: for one case, what the profile requires — the tier and why, every measure,
// the fine range in yuan, the deadlines and the clause behind each. It calls `assess`, the
// very function the PEN-TIER/PEN-FINE rules use, so the caseworker's answer and the audit agree.
import { citeSource } from '../../profile/source';
import { EXIT, JiuzhuError } from '../../errors';
import { calendarDate, nonEmpty } from '../options';
import { ParameterValue, ResolvedProfile } from '../../profile/profile';
import { loadProfile } from '../../profile/load';
import { formatDuration } from '../../../policies/duration';
import { CIRCUMSTANCES, Circumstance, Stage, STAGES, Tier, TIER_EN, TIER_ZH, TIERS } from '../../../policies/parameters/penalties';
import { assess, Assessment, CIRCUMSTANCE_ZH, fenToYuanText, TRANSFER_EN, TRANSFER_ZH } from '../../../policies/rules/penalties/grading';

export interface PenaltyQuery {
  profile: string;
  stage: Stage;
  /** Amount as staff write it: 15000, 15,000, 1.5万, full-width digits. */
  amount: string;
  circumstances: string[];
  date: string;
  /** For profiles that grade by gravity (Tieling): the tier the authority set, if known. */
  tier?: string;
  lang: 'zh' | 'en';
}

export interface PenaltyAdvice {
  profile: ResolvedProfile;
  amountFen: number;
  circumstances: Circumstance[];
  assessment: Assessment;
  /** For a gravity profile with no tier given: what each tier would require. */
  perTier?: { tier: Tier; assessment: Assessment }[];
  text: string;
}

/** Amount text → integer fen, through the decimal digits (never float yuan). */
export function parseAmountFen(text: string): number {
  const s = text.normalize('NFKC').replace(/[,，\s]/g, '').replace(/元$/, '');
  const m = /^(\d+)(?:\.(\d+))?(万)?$/.exec(s);
  if (!m) throw new JiuzhuError(`金额无法识别: ${text}(例: 15000、15,000、1.5万)`, `cannot read the amount: ${text} (e.g. 15000, 15,000, 1.5万)`);
  const scale = m[3] ? 6 : 2;
  const frac = m[2] ?? '';
  if (frac.length > scale) throw new JiuzhuError(`金额精度超过分: ${text}`, `amount more precise than a fen: ${text}`);
  return Number(m[1] + frac.padEnd(scale, '0'));
}

function circumstanceOf(x: string): Circumstance {
  const code = (CIRCUMSTANCES as readonly string[]).includes(x) ? x : Object.entries(CIRCUMSTANCE_ZH).find(([, zh]) => zh === x)?.[0];
  if (!code)
    throw new JiuzhuError(
      `未知情节 "${x}"(可用: ${CIRCUMSTANCES.map((c) => `${c} ${CIRCUMSTANCE_ZH[c]}`).join('; ')})`,
      `unknown circumstance "${x}" (one of: ${CIRCUMSTANCES.join(', ')})`,
    );
  return code as Circumstance;
}

function tierOf(x: string): Tier {
  const t = (TIERS as readonly string[]).includes(x) ? x : TIERS.find((k) => TIER_ZH[k] === x || TIER_ZH[k].replace('失信', '') === x);
  if (!t) throw new JiuzhuError(`未知失信等级 "${x}"(general 一般 / serious 较重 / severe 严重)`, `unknown tier "${x}" (general / serious / severe)`);
  return t as Tier;
}

export function penaltyAdvice(q: PenaltyQuery): PenaltyAdvice {
  if (!(STAGES as readonly string[]).includes(q.stage)) throw new JiuzhuError(`--stage 应为 application 或 in_receipt,而非 "${q.stage}"`, `--stage must be application or in_receipt, not "${q.stage}"`);
  calendarDate('--date')(q.date);
  const profile = loadProfile(nonEmpty('--profile')(q.profile));
  const amountFen = parseAmountFen(q.amount);
  const circumstances = q.circumstances.map(circumstanceOf);
  const recordedTier = q.tier ? tierOf(q.tier) : null;
  const facts = { stage: q.stage, amountFen, circumstances, recordedTier };
  const assessment = assess(profile, facts, q.date, q.date);
  if (assessment.standing === 'absent')
    throw new JiuzhuError(`政策配置 ${profile.id} 未规定失信分级与惩戒措施`, `profile ${profile.id} defines no penalty tiers or measures`);
  const perTier = assessment.method === 'gravity' && !recordedTier ? TIERS.map((tier) => ({ tier, assessment: assess(profile, { ...facts, recordedTier: tier }, q.date, q.date) })) : undefined;
  const advice: PenaltyAdvice = { profile, amountFen, circumstances, assessment, perTier, text: '' };
  advice.text = render(advice, q);
  return advice;
}

const cite = (p?: ParameterValue) => (p ? `${citeSource(p.source)}${p.source.assumption ? ` [待确认 / to confirm: ${p.source.assumption}]` : ''}` : '');

function render(a: PenaltyAdvice, q: PenaltyQuery): string {
  const zh = q.lang !== 'en';
  const L = (z: string, e: string) => (zh ? z : e);
  const out: string[] = [];
  const s = a.assessment;
  out.push(L(`政策配置: ${a.profile.info.name.zh}(${a.profile.info.chain.join(' ← ')}),按 ${q.date} 有效的规定`, `Profile: ${a.profile.info.name.en} (${a.profile.info.chain.join(' ← ')}), as in force on ${q.date}`));
  if (s.standing === 'pre_rule') out.push(L(`注意: ${q.date} 早于本配置失信惩戒规定的生效日期,以下仅供参考(审计中作为历史记录)`, `Note: ${q.date} precedes the profile's penalty rules; for reference only (history in an audit)`));
  if (s.standing === 'off') out.push(L(`注意: 本配置的失信惩戒规定在 ${q.date} 已停止适用`, `Note: the profile's penalty rules are switched off on ${q.date}`));
  out.push(
    L(
      `案件: ${q.stage === 'application' ? '申请救助时' : '获得救助后'}骗取 ${fenToYuanText(a.amountFen)} 元;情节: ${a.circumstances.map((c) => CIRCUMSTANCE_ZH[c]).join('、') || '无'}`,
      `Case: ${fenToYuanText(a.amountFen)} yuan obtained ${q.stage === 'application' ? 'at application' : 'while in receipt'}; circumstances: ${a.circumstances.join(', ') || 'none'}`,
    ),
  );
  if (a.perTier) {
    out.push(L(`等级: 本配置按失信程度由民政部门认定(${cite(s.params['penalty.grading'])});各等级要求如下`, `Tier: set by the authority on the conduct's gravity (${cite(s.params['penalty.grading'])}); each tier requires:`));
    for (const t of a.perTier) {
      out.push(L(`【${TIER_ZH[t.tier]}】`, `[${TIER_EN[t.tier]}]`));
      out.push(...measures(t.assessment, zh).map((l) => `  ${l}`));
    }
  } else if (!s.tier) {
    out.push(L(`等级: 无法认定 — ${s.reason.zh}`, `Tier: cannot classify — ${s.reason.en}`));
  } else {
    out.push(L(`等级: ${TIER_ZH[s.tier]}`, `Tier: ${TIER_EN[s.tier]}`));
    out.push(L(`  理由: ${s.reason.zh}`, `  Because: ${s.reason.en}`));
    out.push(`  ${L('依据', 'Source')}: ${cite(s.params['penalty.grading'])}`);
    out.push(L('应采取的措施:', 'Required measures:'));
    out.push(...measures(s, zh));
  }
  return out.join('\n') + '\n';
}

function measures(s: Assessment, zh: boolean): string[] {
  const L = (z: string, e: string) => (zh ? z : e);
  const r = s.requirements;
  if (!r) return [];
  const m = cite(s.params['penalty.measures']);
  const lines: string[] = [];
  if (r.recoverFen !== null) lines.push(L(`- 追缴骗取资金 ${fenToYuanText(r.recoverFen)} 元 〔${m}〕`, `- recover the ${fenToYuanText(r.recoverFen)} yuan obtained [${m}]`));
  lines.push(
    r.fine
      ? L(`- 罚款 ${fenToYuanText(r.fine.minFen)} 至 ${fenToYuanText(r.fine.maxFen)} 元(骗取金额的 ${r.fine.minMultiple}〜${r.fine.maxMultiple} 倍) 〔${m}〕`, `- fine between ${fenToYuanText(r.fine.minFen)} and ${fenToYuanText(r.fine.maxFen)} yuan (${r.fine.minMultiple}–${r.fine.maxMultiple}× the amount) [${m}]`)
      : L(`- 不处罚款(处罚款属超出等级的惩戒) 〔${m}〕`, `- no fine (a fine would exceed the tier) [${m}]`),
  );
  lines.push(r.blacklist ? L(`- 列入社会救助失信人员名单 〔${m}〕`, `- enter on the blacklist [${m}]`) : L(`- 不列入失信人员名单 〔${m}〕`, `- no blacklist entry [${m}]`));
  if (r.stopFromMonth) lines.push(L(`- 自决定当月(${r.stopFromMonth})起停止对该家庭或其成员的社会救助 〔${m}〕`, `- stop assistance to the household from the decision month (${r.stopFromMonth}) [${m}]`));
  if (r.raiseVerification) lines.push(L(`- 加大(提高)对当事人家庭经济状况的核查频次 〔${m}〕`, `- raise the verification frequency [${m}]`));
  if (r.education) lines.push(L(`- 教育引导 〔${m}〕`, `- education and guidance [${m}]`));
  for (const x of r.also) lines.push(zh ? `- ${x.zh} 〔${m}〕` : `- ${x.en} [${m}]`);
  for (const t of r.transfers) {
    const names = t.transfers.map((x) => (zh ? TRANSFER_ZH[x] : TRANSFER_EN[x])).join(zh ? (t.need === 'all' ? '并' : '或') : t.need === 'all' ? ' and ' : ' or ');
    lines.push(L(`- ${t.why.zh}: ${names} 〔${cite(t.param)}〕`, `- ${t.why.en}: transfer to ${names} [${cite(t.param)}]`));
  }
  if (r.repair)
    lines.push(
      L(
        `- 信用修复: 至迟于 ${r.repair.correctBy}(决定后${formatDuration(r.repair.correctWithin).zh}内)主动纠正并退缴的,可申请修复;区民政局应在申请后${formatDuration(r.repair.decideWithin).zh}内认定${r.repair.liftsBlacklist ? ',准予后移出失信名单' : ''} 〔${cite(r.repair.param)}〕`,
        `- credit repair: correct and repay by ${r.repair.correctBy} (${formatDuration(r.repair.correctWithin).en} after the decision), then apply; decided within ${formatDuration(r.repair.decideWithin).en} of the application${r.repair.liftsBlacklist ? ', lifting the blacklist entry' : ''} [${cite(r.repair.param)}]`,
      ),
    );
  return lines;
}

/** Today in China (UTC+8), as YYYY-MM-DD. */
const todayInChina = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

export interface PenaltyOptions {
  profile: string;
  stage: Stage;
  amount: string;
  circumstance: string[];
  date?: string;
  tier?: string;
  lang: 'zh' | 'en';
}

/** `jiuzhu penalty`: prints the advice; exit 2 when the profile names no tier for the case. */
export function penalty(opts: PenaltyOptions): number {
  const advice = penaltyAdvice({ profile: opts.profile, stage: opts.stage, amount: opts.amount, circumstances: opts.circumstance ?? [], date: opts.date ?? todayInChina(), tier: opts.tier, lang: opts.lang });
  process.stdout.write(advice.text);
  return advice.assessment.tier || advice.perTier ? EXIT.clean : EXIT.unusable;
}
