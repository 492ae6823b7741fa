// Builds the household, application and notice a notice spec scenario talks about. The
// scene is a small household in 希望村 that applied for dibao; sentences change one fact each.
import { addDays } from '../../policies/dates';
import { JiuzhuWorld } from '../world';
import { person } from './people';

export function applicant(world: JiuzhuWorld, birthDate = '1975-03-01') {
  if (!world.scene.household) {
    const head = person('王建国', birthDate);
    world.scene.household = world.add('households', { household_id: 'H001', region_code: '150525100201', region_name: '大沁他拉镇希望村', area_type: 'rural', members: [head] });
    world.scene.application = world.add('applications', {
      application_id: 'A001', household_id: 'H001', applicant_person_id: head.person_id, program: 'dibao', region_code: '150525100201',
      applied_on: '2024-02-01', route: 'standard', handled_by: ['S01'],
    });
  } else {
    const head = world.scene.household.members[0];
    Object.assign(head, person(head.name, birthDate));
    world.scene.application.applicant_person_id = head.person_id;
  }
  world.forgetSpecExport();
  return world.scene.household.members[0];
}

export function addMember(world: JiuzhuWorld, name: string, relation: string, birthDate: string) {
  applicant(world, world.scene.household?.members[0].birth_date);
  const m = person(name, birthDate, relation);
  world.scene.household.members.push(m);
  world.forgetSpecExport();
  return m;
}

export function notice(world: JiuzhuWorld, postedOn: string, endsOn?: string, kind = 'review') {
  applicant(world, world.scene.household?.members[0].birth_date);
  const n = world.add('notices', {
    notice_id: `N${String((world.records.notices?.length ?? 0) + 1).padStart(3, '0')}`,
    application_id: 'A001', household_id: 'H001', kind, posted_on: postedOn,
    ends_on: endsOn ?? addDays(postedOn, 6), channel: '村务公开栏', columns: [],
  });
  world.scene.notice = n;
  return n;
}

export function column(world: JiuzhuWorld, label: string, value: string) {
  const n = world.scene.notice ?? notice(world, '2024-03-01');
  n.columns.push({ label, value });
  world.forgetSpecExport();
}

export function decide(world: JiuzhuWorld, decidedOn: string, result = 'approved', program?: string) {
  const app = world.scene.application ?? (applicant(world), world.scene.application);
  if (program) app.program = program;
  app.decision = { result, decided_on: decidedOn, coverage: 'household', covered_person_ids: world.scene.household.members.map((m: any) => m.person_id) };
  world.forgetSpecExport();
}


/** The household on the standing notice from a date, under the applicant's name, with no end date. */
export function standing(world: JiuzhuWorld, from: string) {
  notice(world, from, '2099-12-31', 'standing');
  column(world, '申请人姓名', world.scene.household.members[0].name);
}
