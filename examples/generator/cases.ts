// One household's whole file: the household, its applications and decisions, the notices
// posted for them, a year of payments, and the occasional death, warning or staff relative.
// Everything is clean unless the household carries a planted violation (plants.ts).
import type { ApplicationT, NoticeT, PaymentT, StaffT } from '../../schemas/case-export';
import { Ctx, Showcase } from './context';
import { dayOf, endOfPeriod, isoOf } from './dates';
import { ageOn, makeMembers, Person, Shape } from './household';
import { applicationLine, householdLine, noticeLine } from './lines';
import { NOTICE_RULE_IN_FORCE, PlantKind, PlantRule } from './plants';
import { Rng, mixSeed } from './random';
import { RURAL_VILLAGES, URBAN_SHARE, URBAN_VILLAGES, Village, TOWNSHIPS } from './regions';
import { StaffMember } from './staff';
import {
  BASIC_PENSION_BASE_FEN,
  DIBAO_STANDARD_FEN,
  LOW_INCOME_FACTOR,
  TEKUN_BASIC_FEN,
  TEKUN_CARE_FEN,
  yuan,
  yuanText,
} from './standards';

type Program = ApplicationT['program'];
type Status = 'ongoing' | 'new' | 'rejected' | 'pending';
type Income = NonNullable<ApplicationT['income']>;

const PROGRAM_WEIGHTS: [Program, number][] = [
  ['dibao', 72],
  ['tekun', 10],
  ['low_income', 8],
  ['temporary', 10],
];
const SHAPES: Record<Program, [Shape, number][]> = {
  dibao: [
    ['single_elder', 30],
    ['elder_couple', 18],
    ['family', 30],
    ['with_parents', 10],
    ['skipped_generation', 7],
    ['single_disabled', 5],
  ],
  tekun: [
    ['single_elder', 75],
    ['single_disabled', 25],
  ],
  low_income: [
    ['family', 50],
    ['elder_couple', 20],
    ['with_parents', 20],
    ['single_elder', 10],
  ],
  temporary: [
    ['family', 60],
    ['with_parents', 25],
    ['single_elder', 15],
  ],
};
const STATUS_WEIGHTS: Record<Program, [Status, number][]> = {
  dibao: [
    ['ongoing', 74],
    ['new', 14],
    ['rejected', 8],
    ['pending', 4],
  ],
  tekun: [
    ['ongoing', 80],
    ['new', 12],
    ['rejected', 5],
    ['pending', 3],
  ],
  low_income: [
    ['ongoing', 60],
    ['new', 25],
    ['rejected', 10],
    ['pending', 5],
  ],
  temporary: [
    ['new', 90],
    ['rejected', 10],
  ],
};
const TEMPORARY_CAUSES = ['重大疾病', '意外伤害', '火灾', '自然灾害', '突发困难', '子女就学'];
const WARNING_TYPES = ['deposits', 'securities', 'real_estate', 'insurance', 'income_tax', 'vehicle', 'business', 'provident_fund'] as const;
const STANDING_CHANNELS = ['奈曼旗人民政府门户网站', '蒙速办APP', '社会救助微服务平台'];
/** The national review-and-confirmation rules (2021) turned 初审 notices into 审核结果 notices. */
const DECISION_NOTICE_FROM = '2021-07-01';
const TOWNSHIP_INDEX = new Map(TOWNSHIPS.map((t, i) => [t.code, i]));

interface Timeline {
  applied: number;
  accepted: number;
  survey: number;
  posted: number;
  ends: number;
  decided: number;
}

/**
 * Apply → accept → household survey → 7-day notice → decision. A clean notice runs 7 calendar
 * days AND 7 working days counted from the day after posting, and the decision follows its end.
 */
function timeline(rng: Rng, applied: number, plant?: PlantKind): Timeline {
  const accepted = applied + rng.int(0, 3);
  const survey = accepted + rng.int(2, 10);
  const posted = survey + rng.int(1, 6);
  const ends = plant === 'short_period' ? posted + 4 : endOfPeriod(posted + 1, 7) + rng.int(0, 2);
  const decided = plant === 'decided_during_notice' ? posted + rng.int(2, 4) : ends + rng.int(2, 10);
  return { applied, accepted, survey, posted, ends, decided };
}

export function generateHousehold(ctx: Ctx, index: number): void {
  const rng = new Rng(mixSeed(ctx.seed, index + 1));
  const plant = ctx.plants.get(index);
  const show = ctx.showcase.get(index);
  const seq = String(index + 1).padStart(ctx.idWidth, '0');
  const householdId = `HH${seq}`;
  const canStartNew = ctx.toDay - 75 >= ctx.fromDay + 3;

  // What kind of case: planted and showcase households are forced into the shape they need.
  let program: Program = rng.weighted(PROGRAM_WEIGHTS);
  let status: Status = rng.weighted(STATUS_WEIGHTS[program]);
  let shape: Shape = rng.weighted(SHAPES[program]);
  if (plant) {
    program = 'dibao';
    status = plant === 'pre_rule_id_number_column' ? 'ongoing' : 'new';
    shape = plant === 'minor_applicant' ? 'orphan_siblings' : plant === 'minor_member_column' ? 'family' : plant === 'pre_rule_id_number_column' ? 'elder_couple' : shape;
  } else if (show) {
    program = show === 'temporary_case_by_case' ? 'temporary' : show === 'death' ? 'tekun' : 'dibao';
    status = show === 'temporary_case_by_case' || show === 'objection' ? 'new' : show === 'rejected' ? 'rejected' : 'ongoing';
    shape = show === 'death' ? 'single_elder' : show === 'individual_coverage' ? 'family' : show === 'temporary_case_by_case' ? 'family' : shape;
  }
  if (status === 'new' && !canStartNew) status = 'ongoing';
  const urban = !plant && rng.chance(program === 'tekun' ? 0.1 : URBAN_SHARE);
  const village = rng.pick(urban ? URBAN_VILLAGES : RURAL_VILLAGES);

  // New cases are timed before the members exist: the minor applicant's birthday depends on it.
  let t: Timeline | undefined;
  if (status === 'new' && program !== 'temporary') t = timeline(rng, rng.int(ctx.fromDay + 3, ctx.toDay - 75), plant);
  let headBirthDay: number | undefined;
  if (plant === 'minor_applicant') {
    // Turns 18 the day after the notice ends: a minor on the posting date, an adult by the standing notice.
    const eighteenth = isoOf(t!.ends + 1);
    headBirthDay = dayOf(`${+eighteenth.slice(0, 4) - 18}${eighteenth.slice(4)}`);
  }
  const people = makeMembers(rng, ctx.ids, shape, {
    refDay: ctx.fromDay,
    headBirthDay,
    minorChildAge: plant === 'minor_member_column' ? rng.int(5, 12) : undefined,
  });

  if (!t && status === 'ongoing') {
    // Existing recipients applied up to seven years ago, but after every member was born.
    let lo = Math.max(ctx.fromDay - 7 * 365, Math.max(...people.map((p) => p.birthDay)) + 30);
    let hi = ctx.fromDay - 60;
    if (plant === 'pre_rule_id_number_column') {
      lo = Math.max(lo, dayOf('2019-06-01'));
      hi = Math.min(hi, dayOf('2020-12-31'));
    }
    if (lo <= hi || plant) t = timeline(rng, rng.int(Math.min(lo, hi), hi));
    else if (canStartNew) status = 'new';
    else t = timeline(rng, hi);
  }
  if (!t) {
    if (status === 'new' && program !== 'temporary') {
      t = timeline(rng, rng.int(ctx.fromDay + 3, ctx.toDay - 75));
    } else if (status === 'rejected') {
      t = timeline(rng, canStartNew ? rng.int(ctx.fromDay + 3, ctx.toDay - 60) : ctx.fromDay - rng.int(60, 200));
    } else if (status === 'pending') {
      t = timeline(rng, Math.max(ctx.fromDay, ctx.toDay - rng.int(5, 25)));
    } else {
      // A temporary case: the event comes first, then a fast application.
      const event = rng.int(ctx.fromDay, Math.max(ctx.fromDay, ctx.toDay - 60));
      t = timeline(rng, event + rng.int(1, 10));
    }
  }
  const temporaryEvent = t.applied - rng.int(1, 10);

  const gen = new CaseWriter(ctx, rng, householdId, seq, village, people);
  if (program === 'temporary') {
    gen.temporary(t, temporaryEvent, status === 'rejected', show === 'temporary_case_by_case');
  } else {
    gen.regular(program, status, t, plant, show);
    // About one in 25 households in receipt also got temporary assistance this year
    // (not after an exit, nor for a staff relative, whose every application would need filing).
    if (!plant && !show && !gen.settled && (status === 'ongoing' || status === 'new') && program !== 'tekun' && canStartNew && rng.chance(0.04)) {
      const event = rng.int(ctx.fromDay, ctx.toDay - 60);
      gen.temporary(timeline(rng, event + rng.int(1, 10)), event, rng.chance(0.1), false);
    }
  }
  // Written last: deciding on individual coverage may flag a member's serious illness.
  const area = village.urban ? 'urban' : 'rural';
  ctx.out.households.writeLine(householdLine({ household_id: householdId, region_code: village.code, region_name: village.name, area_type: area, members: people.map((p) => p.rec) }));
}

class CaseWriter {
  private apps = 0;
  private notices = 0;
  private readonly payChannel: PaymentT['channel'];
  private readonly payDayOfMonth: number;
  /** Set when the case exited or is a staff relative's: no further applications are added. */
  settled = false;

  constructor(
    private readonly ctx: Ctx,
    private readonly rng: Rng,
    private readonly householdId: string,
    private readonly seq: string,
    private readonly village: Village,
    private readonly people: Person[],
  ) {
    this.payChannel = rng.chance(0.95) ? 'bank' : 'cash';
    // Each township pays on its own day of the month (8th–13th).
    this.payDayOfMonth = 8 + (TOWNSHIP_INDEX.get(village.township.code)! % 6);
  }

  private get head(): Person {
    return this.people[0];
  }

  private nextAppId(): string {
    return `SQ${this.seq}-${++this.apps}`;
  }

  private nextNoticeId(): string {
    return `GS${this.seq}-${++this.notices}`;
  }

  /** The four columns a notice may show (申请人姓名, 家庭人口, 保障金额, 所在地), in that order. */
  private columns(amount: string): NoticeT['columns'] {
    return [
      { label: '申请人姓名', value: this.head.rec.name },
      { label: '家庭人口', value: `${this.people.length}人` },
      { label: '保障金额', value: amount },
      { label: '所在地', value: this.village.name },
    ];
  }

  private handlers(day: number, exclude?: StaffMember): string[] {
    const { caseworker, cadre } = this.ctx.roster.inPost(this.rng, this.village, day, exclude);
    return cadre ? [cadre.rec.staff_id, caseworker.rec.staff_id] : [caseworker.rec.staff_id];
  }

  /** dibao, tekun or low_income: one application, its notice, its standing notice and payments. */
  regular(program: Program, status: Status, t: Timeline, plant: PlantKind | undefined, show: Showcase | undefined): void {
    const { ctx, rng, people } = this;
    const n = people.length;
    const std = DIBAO_STANDARD_FEN[this.village.urban ? 'urban' : 'rural'];
    const appId = this.nextAppId();
    const approved = status === 'ongoing' || status === 'new';
    const individual = program === 'dibao' && approved && n >= 2 && (show === 'individual_coverage' || (!plant && !show && rng.chance(0.03)));

    // Income and benefit, in fen: household dibao tops income up to the standard (补差).
    // A refused household whose seriously ill or disabled member could be covered alone (单人保,
    // within 1.5× the standard) would be a possible omission, so clean refusals are above that.
    const couldBeSingle = people.some((p) => p.rec.serious_illness || (p.rec.disability_grade ?? 9) <= 3);
    const refusedPerCapita = () => Math.round((std * (couldBeSingle ? rng.int(155, 190) : rng.int(125, 170))) / 100);
    let income: Income | undefined;
    let benefit: number | undefined;
    let covered = people;
    if (program === 'tekun') {
      income = incomeRecord(rng, isoOf(t.applied), people, status === 'rejected' ? refusedPerCapita() : rng.int(0, 10_000), std, false);
      benefit = TEKUN_BASIC_FEN[this.village.urban ? 'urban' : 'rural'] + rng.pick(TEKUN_CARE_FEN);
    } else if (program === 'low_income') {
      const line = Math.round(std * LOW_INCOME_FACTOR);
      income = incomeRecord(rng, isoOf(t.applied), people, status === 'rejected' ? Math.round(line * rng.int(115, 140) / 100) : Math.round(std * rng.int(105, 140) / 100), line, false);
    } else if (individual) {
      // 单人保: the household is above the standard, one seriously ill or disabled member is covered alone.
      const sick = people.find((p) => p.rec.serious_illness || (p.rec.disability_grade ?? 9) <= 2) ?? people[people.length - 1];
      if (!sick.rec.serious_illness && (sick.rec.disability_grade ?? 9) > 2) sick.rec.serious_illness = true;
      covered = [sick];
      income = incomeRecord(rng, isoOf(t.applied), people, Math.round(std * rng.int(110, 140) / 100), std, false);
      benefit = std;
    } else {
      const maxGap = this.village.urban ? 28_000 : 15_800; // rural benefit 500–658 yuan per person
      income = incomeRecord(rng, isoOf(t.applied), people, status === 'rejected' ? refusedPerCapita() : rng.int(0, maxGap), std, status !== 'rejected');
      benefit = (std - Math.round(income.monthly_per_capita * 100)) * n;
    }

    // Related to a staff member in post: declared, filed and verified before the decision; the relative recuses.
    let related: StaffMember | undefined;
    let relation: StaffT['relatives'][number]['relation'] | undefined;
    if (approved && program === 'dibao' && !plant && !individual && (show === 'related' || (!show && rng.chance(0.004)))) {
      const { candidates } = ctx.roster.inPost(rng, this.village, t.applied);
      related = candidates.length ? rng.pick(candidates) : undefined;
      if (related) {
        const gapYears = (related.birthDay - this.head.birthDay) / 365.25;
        relation = gapYears >= 18 ? 'parent' : gapYears <= -18 ? 'child' : 'sibling';
        related.rec.relatives.push({ person_id: this.head.rec.person_id, name: this.head.rec.name, relation });
      }
    }

    const app: ApplicationT = {
      application_id: appId,
      household_id: this.householdId,
      applicant_person_id: this.head.rec.person_id,
      program,
      region_code: this.village.township.code,
      applied_on: isoOf(t.applied),
      accepted_on: isoOf(t.accepted),
      route: 'standard',
      handled_by: this.handlers(t.applied, related),
    };
    if (related && relation) app.declared_relation = { staff_id: related.rec.staff_id, relation };
    if (t.survey <= ctx.toDay) app.household_survey_on = isoOf(t.survey);
    if (approved && rng.chance(0.4)) app.batch_id = `PC${this.village.township.code}-${isoOf(t.decided).slice(0, 7).replace('-', '')}`;
    app.income = income;
    if (status !== 'pending') {
      app.decision = {
        result: approved ? 'approved' : 'rejected',
        decided_on: isoOf(t.decided),
        coverage: individual ? 'individual' : 'household',
        covered_person_ids: approved ? covered.map((p) => p.rec.person_id) : [],
      };
      if (approved && benefit !== undefined) {
        app.decision.benefit_monthly = yuan(benefit);
        app.decision.start_month = isoOf(t.decided).slice(0, 7);
      }
    }

    // Exits during the period: a death (single-person households) or an unanswered warning.
    let exitDay: number | undefined;
    if (status === 'ongoing' && !plant && n === 1 && (show === 'death' || (!show && program !== 'low_income' && rng.chance(0.006)))) {
      exitDay = rng.int(ctx.fromDay + 60, Math.max(ctx.fromDay + 60, ctx.toDay - 10));
      app.exit = { ended_on: isoOf(exitDay), reason: 'death' };
      ctx.out.deaths.write({ person_id: this.head.rec.person_id, died_on: isoOf(exitDay), source: rng.pick(['funeral', 'public_security', 'health'] as const) });
    } else if (status === 'ongoing' && program === 'dibao' && !plant && !related && (show === 'warning_continued' || show === 'warning_exit' || (!show && rng.chance(0.004)))) {
      exitDay = this.warning(show === 'warning_exit' || (show !== 'warning_continued' && rng.chance(1 / 3)));
      if (exitDay !== undefined) app.exit = { ended_on: isoOf(exitDay), reason: 'warning' };
    }
    ctx.out.applications.writeLine(applicationLine(app));
    this.settled = related !== undefined || exitDay !== undefined;

    if (related) {
      const filed = t.accepted + rng.int(0, 2);
      ctx.out.relative_filings.write({
        filing_id: `BA${this.seq}`,
        application_id: appId,
        staff_id: related.rec.staff_id,
        relation: relation!,
        filed_on: isoOf(filed),
        registered_by: `${this.village.township.name}人民政府`,
        verification: { completed_on: isoOf(Math.min(filed + rng.int(1, 5), t.decided - 1)), result: 'eligible' },
      });
    }

    if (!approved) return;
    const amountText = benefit === undefined ? '0元/月' : `${yuanText(benefit)}元/月`;

    // The notice before the decision, unless this is the planted case that never had one.
    if (plant !== 'no_notice') {
      const posted = isoOf(t.posted);
      const kind = posted < DECISION_NOTICE_FROM ? 'review' : 'decision';
      const columns = this.columns(amountText);
      const noticeId = this.nextNoticeId();
      const notice: NoticeT = {
        notice_id: noticeId,
        application_id: appId,
        household_id: this.householdId,
        kind,
        posted_on: posted,
        ends_on: isoOf(t.ends),
        channel: this.village.urban ? '社区居务公开栏' : '嘎查村务公开栏',
        columns,
      };
      if (show === 'objection' || (!plant && !show && rng.chance(0.01))) {
        // Objection during the period, resolved the day after it ends (decisions come 2+ days after).
        notice.objections = [{ received_on: isoOf(rng.int(t.posted + 1, t.ends)), resolved_on: isoOf(t.ends + 1) }];
      }
      if (plant) this.plantNotice(plant, notice, t);
      ctx.out.notices.writeLine(noticeLine(notice));
    } else {
      // No notice at all breaks both halves of the rule, each reported on the application.
      const decided = isoOf(t.decided);
      this.planted('NOTICE-REQUIRED', 'applications', appId, `approved on ${decided} with no notice of the result (审核结果公示)`, `于${decided}审核确认通过,但未公示审核结果`);
      this.planted('NOTICE-REQUIRED', 'applications', appId, 'household in receipt of dibao is not on the standing notice (长期公示)', '在享低保家庭未纳入长期公示');
    }

    // In receipt during the period: the standing notice and monthly payments (low_income gets no cash).
    const lastDay = exitDay ?? ctx.toDay;
    if (program !== 'low_income' && plant !== 'no_notice') {
      const posted = status === 'ongoing' ? ctx.fromDay + rng.int(2, 19) : t.decided + rng.int(3, 15);
      if (posted + 7 <= lastDay) {
        ctx.out.notices.writeLine(
          noticeLine({
            notice_id: this.nextNoticeId(),
            household_id: this.householdId,
            kind: 'standing',
            posted_on: isoOf(posted),
            ends_on: isoOf(lastDay),
            channel: rng.pick(STANDING_CHANNELS),
            columns: this.columns(amountText),
          }),
        );
      }
    }
    if (benefit !== undefined) {
      const start = isoOf(t.decided).slice(0, 7);
      this.payMonthly(appId, program, start > ctx.firstMonth ? start : ctx.firstMonth, isoOf(lastDay).slice(0, 7), benefit, t.decided, individual ? covered[0].rec.person_id : undefined);
    }
  }

  private lastNoticeId(): string {
    return `GS${this.seq}-${this.notices}`;
  }

  /**
   * One payment per month from..to. Payments are most of the records, so their JSON line is
   * built by hand (every value is ASCII we generated; the contract test parses every line).
   */
  private payMonthly(appId: string, program: Program, from: string, to: string, fen: number, decided: number, personId?: string): void {
    const person = personId ? `,"person_id":"${personId}"` : '';
    const head = `{"payment_id":"FF${this.seq}-${this.apps}-`;
    const middle = `","application_id":"${appId}","household_id":"${this.householdId}"${person},"program":"${program}","region_code":"${this.village.township.code}","month":"`;
    const tail = `","channel":"${this.payChannel}"}`;
    const amount = `","amount":${yuan(fen)},"paid_on":"`;
    const sink = this.ctx.out.payments;
    for (const m of this.ctx.months) {
      if (m.month < from) continue;
      if (m.month > to) break;
      // Paid on the township's day of the month; the first month only once the decision is made.
      const day = m.firstDay + this.payDayOfMonth - 1;
      const paid = day <= decided ? isoOf(decided + this.rng.int(2, 6)) : isoOf(day);
      sink.writeLine(head + m.compact + middle + m.month + amount + paid + tail);
    }
  }

  /** 临时救助: one application, a decision notice, one payment. */
  temporary(t: Timeline, event: number, rejected: boolean, caseByCase: boolean): void {
    const { ctx, rng } = this;
    const appId = this.nextAppId();
    const fen = caseByCase ? rng.int(50, 300) * 10_000 : rng.int(5, 30) * 10_000;
    const app: ApplicationT = {
      application_id: appId,
      household_id: this.householdId,
      applicant_person_id: this.head.rec.person_id,
      program: 'temporary',
      region_code: this.village.township.code,
      applied_on: isoOf(t.applied),
      accepted_on: isoOf(t.accepted),
      route: 'standard',
      handled_by: this.handlers(t.applied),
      household_survey_on: isoOf(t.survey),
      decision: {
        result: rejected ? 'rejected' : 'approved',
        decided_on: isoOf(t.decided),
        coverage: 'household',
        covered_person_ids: rejected ? [] : this.people.map((p) => p.rec.person_id),
      },
      temporary: { cause: rng.pick(TEMPORARY_CAUSES), event_date: isoOf(event), amount: yuan(fen), approval: caseByCase ? 'case_by_case' : 'standard' },
    };
    ctx.out.applications.writeLine(applicationLine(app));
    if (rejected) return;
    ctx.out.notices.writeLine(
      noticeLine({
        notice_id: this.nextNoticeId(),
        application_id: appId,
        household_id: this.householdId,
        kind: 'decision',
        posted_on: isoOf(t.posted),
        ends_on: isoOf(t.ends),
        channel: this.village.urban ? '社区居务公开栏' : '嘎查村务公开栏',
        columns: this.columns(`${yuanText(fen)}元`),
      }),
    );
    const paid = t.decided + rng.int(2, 7);
    const month = isoOf(t.decided).slice(0, 7);
    ctx.out.payments.write({
      payment_id: `FF${this.seq}-${this.apps}-${month.replace('-', '')}`,
      application_id: appId,
      household_id: this.householdId,
      program: 'temporary',
      region_code: this.village.township.code,
      month,
      amount: yuan(fen),
      paid_on: isoOf(paid),
      channel: this.payChannel,
    });
  }

  /** A big-data warning (八项预警): answered credibly (continues) or not at all (voluntary exit). Returns the exit day. */
  private warning(unanswered: boolean): number | undefined {
    const { ctx, rng } = this;
    const raised = rng.int(ctx.fromDay + 30, Math.max(ctx.fromDay + 30, ctx.toDay - 60));
    const due = raised + 15;
    const base = { warning_id: `YJ${this.seq}`, household_id: this.householdId, type: rng.pick(WARNING_TYPES), raised_on: isoOf(raised), evidence_due: isoOf(due) };
    if (unanswered) {
      const out = due + rng.int(1, 5);
      ctx.out.warnings.write({ ...base, outcome: 'voluntary_exit', outcome_on: isoOf(out) });
      return out;
    }
    const submitted = rng.int(raised + 2, due);
    ctx.out.warnings.write({ ...base, response: { submitted_on: isoOf(submitted), credible: true }, outcome: 'continued', outcome_on: isoOf(submitted + rng.int(1, 5)) });
    return undefined;
  }

  private planted(rule: PlantRule, collection: 'notices' | 'applications', id: string, what: string, what_zh: string, expect: 'violation' | 'pre_rule_history' = 'violation'): void {
    this.ctx.planted.push({ rule, collection, id, what, what_zh, household_id: this.householdId, expect });
  }

  /** Alter the application's notice as the planted kind requires and record what was planted. */
  private plantNotice(plant: PlantKind, notice: NoticeT, t: Timeline): void {
    const id = notice.notice_id;
    const posted = notice.posted_on;
    const head = this.head.rec;
    switch (plant) {
      case 'id_number_column':
        notice.columns.splice(1, 0, { label: '身份证号', value: head.person_id });
        this.planted('NOTICE-FIELDS', 'notices', id, 'extra column 身份证号 (ID number) besides the four allowed', '公示了规定四项以外的“身份证号”栏');
        this.planted('NOTICE-PII-VALUES', 'notices', id, "column 身份证号 holds the applicant's valid 18-character resident ID number", '“身份证号”栏公示了申请人有效的18位居民身份证号码');
        break;
      case 'phone_column': {
        const mobile = `1${this.rng.pick(['3', '5', '7', '8', '9'])}${String(this.rng.int(0, 999_999_999)).padStart(9, '0')}`;
        notice.columns.push({ label: '联系电话', value: mobile });
        this.planted('NOTICE-FIELDS', 'notices', id, 'extra column 联系电话 (phone) besides the four allowed', '公示了规定四项以外的“联系电话”栏');
        this.planted('NOTICE-PII-VALUES', 'notices', id, 'column 联系电话 holds an 11-digit mobile number', '“联系电话”栏公示了11位手机号码');
        break;
      }
      case 'unknown_label_column':
        notice.columns.push({ label: '备注', value: '无' });
        this.planted('NOTICE-FIELDS', 'notices', id, 'column 备注 (remarks) matches no known label; its value "无" is harmless, but an unrecognised label cannot be classified', '“备注”栏无法归类(值为“无”,本身无害),未识别的栏目应报告');
        break;
      case 'minor_member_column': {
        const others = this.people.slice(1);
        const minor = others.find((p) => ageOn(p.rec.birth_date, posted) < 18)!;
        notice.columns.splice(2, 0, { label: '家庭成员', value: others.map((p) => p.rec.name).join('、') });
        const age = ageOn(minor.rec.birth_date, posted);
        this.planted('NOTICE-MINORS', 'notices', id, `column 家庭成员 names ${minor.rec.name}, aged ${age} on the posting date ${posted}`, `“家庭成员”栏公示了${minor.rec.name}的姓名,其在公示日${posted}年仅${age}岁`);
        this.planted('NOTICE-FIELDS', 'notices', id, "extra column 家庭成员 (members' names) besides the four allowed", '公示了规定四项以外的“家庭成员”栏(家庭成员姓名)');
        break;
      }
      case 'minor_applicant': {
        const age = ageOn(head.birth_date, posted);
        this.planted('NOTICE-MINORS', 'notices', id, `applicant ${head.name} is ${age} on the posting date ${posted}; 申请人姓名 publishes a minor's name`, `申请人${head.name}在公示日${posted}年仅${age}岁,“申请人姓名”栏公示了未成年人姓名`);
        break;
      }
      case 'decided_during_notice':
        this.planted('NOTICE-PERIOD', 'notices', id, `application ${notice.application_id} was decided on ${isoOf(t.decided)}, before this notice (posted ${posted}) ended on ${notice.ends_on}`, `申请${notice.application_id}于${isoOf(t.decided)}作出审核确认,而本公示(${posted}张贴)至${notice.ends_on}才期满`);
        break;
      case 'short_period':
        this.planted('NOTICE-PERIOD', 'notices', id, `notice runs 5 days only (${posted} to ${notice.ends_on}); the decision came after it`, `公示期仅5天(${posted}至${notice.ends_on}),不足7天`);
        break;
      case 'pre_rule_id_number_column':
        notice.columns.splice(1, 0, { label: '身份证号', value: head.person_id });
        if (posted >= NOTICE_RULE_IN_FORCE) throw new Error(`pre-rule notice posted ${posted}`);
        this.planted('NOTICE-FIELDS', 'notices', id, `posted ${posted}, before the privacy limit took effect (${NOTICE_RULE_IN_FORCE}): extra column 身份证号; report as pre-rule history, not a violation`, `${posted}张贴,早于隐私限制生效日(${NOTICE_RULE_IN_FORCE}),含“身份证号”栏;应作为规则生效前的历史情况报告,不作违规`, 'pre_rule_history');
        this.planted('NOTICE-PII-VALUES', 'notices', id, `posted ${posted}, before ${NOTICE_RULE_IN_FORCE}: column 身份证号 holds a valid ID number; report as pre-rule history, not a violation`, `${posted}张贴,早于${NOTICE_RULE_IN_FORCE}:“身份证号”栏含有效身份证号码;应作为历史情况报告`, 'pre_rule_history');
        break;
      case 'no_notice':
        break; // recorded by the caller: there is no notice to alter
    }
  }
}

/**
 * The income test record. Counted items are net amounts (employment costs already taken off),
 * so monthly_per_capita = Σcounted / members; excluded items list what the standard leaves out.
 */
function incomeRecord(rng: Rng, refIso: string, people: Person[], perCapitaFen: number, standardFen: number, allowEmploymentCost: boolean): Income {
  const n = people.length;
  const total = perCapitaFen * n;
  const counted: Income['counted'] = [];
  const excluded: Income['excluded'] = [];
  if (total > 0) {
    const types = people.some((p) => p.rec.relation === 'head' && ageOn(p.rec.birth_date, refIso) < 60) ? ['wage', 'agriculture'] : ['agriculture', 'support_payment'];
    const first = rng.chance(0.5) ? total : Math.round(total * rng.int(40, 80) / 100);
    counted.push({ type: types[0], amount: yuan(first) });
    if (first < total) counted.push({ type: types[1], amount: yuan(total - first) });
    const wage = counted.find((c) => c.type === 'wage');
    if (wage && allowEmploymentCost && rng.chance(0.5)) excluded.push({ type: 'employment_cost', amount: yuan(Math.round(wage.amount * 100 * 0.2)) });
  }
  const elderly = people.filter((p) => ageOn(p.rec.birth_date, refIso) >= 60).length;
  if (elderly) excluded.push({ type: 'basic_pension_base', amount: yuan(elderly * BASIC_PENSION_BASE_FEN) });
  return { monthly_per_capita: yuan(perCapitaFen), standard_monthly: yuan(standardFen), counted, excluded };
}
