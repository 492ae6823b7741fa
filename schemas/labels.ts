// The labels of the published JSON Schema: every property gets `title` "中文标签 / English
// label" and a bilingual `description` (Chinese first), so an agency can write an export
// from the schema alone, and reports can label fields (split the title on " / ").
// Keys: record schema name, then the property path, `[]` stepping into an array's items.

type Label = readonly [zhTitle: string, enTitle: string, zh: string, en: string];

const DATE = ['日期,格式 YYYY-MM-DD,须为真实日历日期。', 'A date, YYYY-MM-DD, a real calendar day.'] as const;
const MONTH = ['月份,格式 YYYY-MM。', 'A month, YYYY-MM.'] as const;
const MONEY = [
  '金额(元),JSON 数字,最多两位小数,不小于 0,不大于 9999999999.99;超出者整条记录不合契约,不作舍入。',
  'Money in yuan, a JSON number with at most two decimals, from 0 to 9999999999.99; anything else rejects the record, never rounded.',
] as const;
const PERSON = [
  '18位公民身份号码,末位可为 X;末位小写 x 按大写 X 读取并提示;校验码错误作为数据质量问题提示。属个人信息,报告中默认遮蔽。',
  '18-character resident ID number, the last may be X; a lower-case x is read as X with a warning; a wrong check character is a data-quality warning. Personal data, masked in reports by default.',
] as const;
const REF = (zhWhat: string, enWhat: string) => [`引用${zhWhat}。`, `Refers to ${enWhat}.`] as const;

const d = (zhTitle: string, enTitle: string, zh: string, en: string): Label => [zhTitle, enTitle, zh, en];
const date = (zhTitle: string, enTitle: string, zh = '', en = ''): Label => [zhTitle, enTitle, `${zh}${DATE[0]}`, `${en ? en + ' ' : ''}${DATE[1]}`];
const month = (zhTitle: string, enTitle: string, zh = '', en = ''): Label => [zhTitle, enTitle, `${zh}${MONTH[0]}`, `${en ? en + ' ' : ''}${MONTH[1]}`];
const money = (zhTitle: string, enTitle: string, zh = '', en = ''): Label => [zhTitle, enTitle, `${zh}${MONEY[0]}`, `${en ? en + ' ' : ''}${MONEY[1]}`];
const person = (zhTitle: string, enTitle: string, zh = '', en = ''): Label => [zhTitle, enTitle, `${zh}${PERSON[0]}`, `${en ? en + ' ' : ''}${PERSON[1]}`];
const ref = (zhTitle: string, enTitle: string, zhWhat: string, enWhat: string, zh = '', en = ''): Label => [zhTitle, enTitle, `${REF(zhWhat, enWhat)[0]}${zh}`, `${REF(zhWhat, enWhat)[1]}${en ? ' ' + en : ''}`];
const key = (zhTitle: string, enTitle: string, zhOf: string, enOf: string): Label => [
  zhTitle,
  enTitle,
  `${zhOf}的编号,在本集合中唯一;重复的编号使每一条同号记录都不合契约。`,
  `Identifies the ${enOf}; unique in its collection: every record sharing a repeated value is rejected.`,
];
/** A field or collection added in contract 1.1: its description says so (a 1.0 export may not use it). */
const v11 = ([zhT, enT, zh, en]: Label): Label => [zhT, enT, `v1.1 起可用。${zh}`, `Since v1.1. ${en}`];
const REGION = d('行政区划代码', 'region code', '行政区划代码(县6位,乡镇9位,村/社区12位)。', 'Administrative division code (6 digits county, 9 township, 12 village/community).');
const PROGRAM = d('救助类别', 'programme', '救助类别:dibao 最低生活保障,tekun 特困人员救助供养,temporary 临时救助,low_income 低保边缘。', 'Programme: dibao (minimum living guarantee), tekun (support for persons in extreme poverty), temporary (temporary assistance), low_income (low-income margin).');

export const RECORD_LABELS: Record<string, Label> = {
  Meta: d('导出说明', 'export description', '整个导出数据的说明:契约版本、来源、地区与数据期间。', 'What the export is: contract version, source, region and period.'),
  Household: d('救助家庭', 'household', 'households 集合的一条记录:一户救助家庭及其成员。', 'A record of `households`: an assisted household and its members.'),
  Member: d('家庭成员', 'household member', '家庭的一名成员。', 'One member of a household.'),
  Application: d('救助申请及审核确认', 'application and its decision', 'applications 集合的一条记录:一次救助申请、受理、审核确认、退出。', 'A record of `applications`: one application, its handling, decision and exit.'),
  Notice: d('公示', 'public notice', 'notices 集合的一条记录:一次公示,内容按实际公布的样子。', 'A record of `notices`: one public notice, as it was posted.'),
  Staff: d('经办人员及村(居)干部', 'staff member or village cadre', 'staff 集合的一条记录:经办人员、村(居)干部或财政供养人员及其近亲属。', 'A record of `staff`: a caseworker, village cadre or publicly funded person, with their close relatives.'),
  RelativeFiling: d('近亲属备案', 'close-relative filing', 'relative_filings 集合的一条记录:经办人员近亲属申请救助的备案。', 'A record of `relative_filings`: the filing of an application by a staff member’s close relative.'),
  Payment: d('资金发放', 'payment', 'payments 集合的一条记录:一笔救助金发放。', 'A record of `payments`: one benefit payment.'),
  Death: d('死亡及殡葬信息', 'death record', 'deaths 集合的一条记录:来自殡葬、公安或卫健的死亡信息。', 'A record of `deaths`: a death known from funeral, police or health data.'),
  FraudCase: d('骗取救助(失信)案件', 'fraud case', 'fraud_cases 集合的一条记录:骗取救助的案件及处理。', 'A record of `fraud_cases`: a case of assistance obtained by fraud and its handling.'),
  AccountabilityCase: d('责任追究与容错免责', 'accountability case', 'accountability_cases 集合的一条记录:对工作人员差错的责任追究或免责认定。', 'A record of `accountability_cases`: holding a staff member to account for an error, or exempting them.'),
  Warning: d('预警信息', 'data-check warning', 'warnings 集合的一条记录:大数据比对预警及其核查结果。', 'A record of `warnings`: a data-matching alert and how it was resolved.'),
  Oversight: d('监督工作记录', 'oversight record', 'oversight 集合的一条记录:县、市、省级的监督工作。', 'A record of `oversight`: supervision work at county, city or province level.'),
  Recovery: v11(d('追缴记录', 'recovery', 'recoveries 集合的一条记录:一笔多发、冒领或骗取资金的追缴决定及实际追回情况(骗取案件以外的也在内)。', 'A record of `recoveries`: an order to recover money overpaid or obtained by fraud (fraud cases or not) and what was actually collected.')),
  JointReview: v11(d('联合会审', 'joint review', 'joint_reviews 集合的一条记录:民政与相关部门共同研判一户的一次会审。', 'A record of `joint_reviews`: one meeting at which civil affairs and other departments judged a household’s case together.')),
  Service: v11(d('服务类救助', 'service', 'services 集合的一条记录:向救助家庭提供的一次服务(照料、保洁、陪护等)。', 'A record of `services`: one service provided to an assisted household (care, cleaning, escort…).')),
  SatisfactionSurvey: v11(d('满意度测评', 'satisfaction survey', 'satisfaction_surveys 集合的一条记录:对接受服务家庭的一次季度满意度测评。', 'A record of `satisfaction_surveys`: one quarterly satisfaction survey of a household that received services.')),
  ChangeList: v11(d('乡镇月度变动清单', 'township monthly change list', 'change_lists 集合的一条记录:乡镇(街道)某月救助对象变动情况清单。', 'A record of `change_lists`: a township’s list of the month’s changes among recipients.')),
  AssistanceChain: v11(d('救助链', 'assistance chain', 'assistance_chains 集合的一条记录:"一户一条救助链",把一户的困难类型与匹配的政策、资源对应起来。', 'A record of `assistance_chains`: a household’s file matching each of its hardship types to policies and resources.')),
};

export const PROPERTY_LABELS: Record<string, Label> = {
  // the export as a whole
  'CaseExport.meta': d('导出说明', 'export description', '必填:契约版本、导出时间、来源系统、地区与数据期间。', 'Required: contract version, export time, source system, region and period.'),
  ...Object.fromEntries(
    (
      [
        ['households', '救助家庭', 'households'],
        ['applications', '救助申请及审核确认', 'applications and decisions'],
        ['notices', '公示', 'public notices'],
        ['staff', '经办人员及村(居)干部名册', 'staff and village cadres'],
        ['relative_filings', '近亲属备案', 'close-relative filings'],
        ['payments', '资金发放', 'payments'],
        ['deaths', '死亡及殡葬信息', 'deaths'],
        ['fraud_cases', '骗取救助(失信)案件', 'fraud cases'],
        ['accountability_cases', '责任追究与容错免责', 'accountability cases'],
        ['warnings', '预警信息', 'data-check warnings'],
        ['oversight', '监督工作记录', 'oversight records'],
        ['recoveries', '追缴记录', 'recoveries', '1.1'],
        ['joint_reviews', '联合会审', 'joint reviews', '1.1'],
        ['services', '服务类救助', 'services', '1.1'],
        ['satisfaction_surveys', '满意度测评', 'satisfaction surveys', '1.1'],
        ['change_lists', '乡镇月度变动清单', 'township monthly change lists', '1.1'],
        ['assistance_chains', '救助链', 'assistance chains', '1.1'],
      ] as [string, string, string, string?][]
    ).map(([c, zh, en, since]) => {
      const l = d(zh, en, `可选。缺少该集合表示导出未涉及,需要它的规则记为"未审查";给出空数组表示"没有",按没有审查。`, `Optional. An absent collection means the export says nothing about it (rules needing it are not reviewed); an empty array means there are none, and is judged as none.`);
      return [`CaseExport.${c}`, since ? v11(l) : l];
    }),
  ),

  'Meta.schema_version': d('契约版本', 'contract version', '契约版本:"1.0" 或 "1.1"。写 "1.0" 的导出不得使用标注"v1.1 起"的字段和集合(使用者整条记录不合契约,集合则整次运行停止)。', 'Contract version: "1.0" or "1.1". An export that says "1.0" may not use the fields and collections marked "since v1.1" (a record using one is rejected; such a collection stops the run).'),
  'Meta.exported_at': d('导出时间', 'exported at', '导出时间,ISO 8601 带时区,如 2024-12-31T18:00:00+08:00。', 'When the export was made, ISO 8601 with offset, e.g. 2024-12-31T18:00:00+08:00.'),
  'Meta.source_system': d('来源系统', 'source system', '导出数据的业务系统名称。', 'Name of the system the data comes from.'),
  'Meta.region_code': d('行政区划代码', 'region code', '导出所属地区的行政区划代码:县级6位,或乡镇9位、村/社区12位。', 'Administrative division code of the exporting area: 6-digit county, or 9/12-digit township or village.'),
  'Meta.region_name': d('地区', 'region name', '导出所属地区名称。', 'Name of the exporting area.'),
  'Meta.period': d('数据期间', 'period', '导出覆盖的期间;规则只就此期间内的义务作判断。', 'The period the export covers; rules judge duties falling within it.'),
  'Meta.period.from': date('期间起', 'from', '期间第一天。', 'First day of the period.'),
  'Meta.period.to': date('期间止', 'to', '期间最后一天。', 'Last day of the period.'),
  'Meta.jurisdiction': d('适用政策', 'jurisdiction', '可选:适用的政策配置名称;命令行可覆盖。', 'Optional: the policy profile to apply; the command line may override it.'),

  'Household.household_id': key('家庭编号', 'household id', '家庭', 'household'),
  'Household.region_code': d('所在地代码', 'location code', '家庭所在村/社区的行政区划代码(已知时12位)。', 'Division code of the household’s village or community (12 digits where known).'),
  'Household.region_name': d('所在地', 'location', '家庭所在村/社区名称。', 'Name of the household’s village or community.'),
  'Household.area_type': d('城乡类别', 'urban or rural', 'urban 城市,rural 农村;决定适用城市或农村低保标准。', 'urban or rural; decides which dibao standard applies.'),
  'Household.members': d('家庭成员', 'members', '家庭全部成员,户主在内。', 'Every member of the household, the head included.'),
  'Household.vehicles': d('机动车', 'vehicles', '可选:家庭成员名下的机动车。', 'Optional: motor vehicles registered to members.'),
  'Household.vehicles[]': d('机动车', 'vehicle', '一辆机动车。', 'One vehicle.'),
  'Household.vehicles[].owner_person_id': person('车辆所有人身份证号', 'owner’s resident ID', '车辆登记所有人。', 'The registered owner.'),
  'Household.vehicles[].plate': d('号牌', 'plate', '可选:号牌号码。', 'Optional: registration plate.'),
  'Member.person_id': person('身份证号', 'resident ID'),
  'Member.name': d('姓名', 'name', '姓名。属个人信息,报告中默认遮蔽。', 'Name. Personal data, masked in reports by default.'),
  'Member.birth_date': date('出生日期', 'date of birth'),
  'Member.relation': d('与户主关系', 'relation to the head', 'head 户主,spouse 配偶,child 子女,parent 父母,sibling 兄弟姐妹,grandparent 祖父母/外祖父母,grandchild 孙子女/外孙子女,other 其他。', 'head, spouse, child, parent, sibling, grandparent, grandchild or other.'),
  'Member.serious_illness': d('重大疾病', 'serious illness', '可选:是否患重大疾病。', 'Optional: whether the member has a serious illness.'),
  'Member.disability_grade': d('残疾等级', 'disability grade', '可选:残疾等级 1–4 级(1 级最重)。', 'Optional: disability grade 1–4 (1 most severe).'),

  'Application.application_id': key('申请编号', 'application id', '申请', 'application'),
  'Application.household_id': ref('家庭编号', 'household id', ' households 中的家庭', 'a household in `households`'),
  'Application.applicant_person_id': person('申请人身份证号', 'applicant’s resident ID'),
  'Application.program': PROGRAM,
  'Application.region_code': d('受理地代码', 'accepting office code', '受理申请的地区行政区划代码。', 'Division code of the office that accepted the application.'),
  'Application.applied_on': date('申请日期', 'applied on'),
  'Application.accepted_on': date('受理日期', 'accepted on', '可选。', 'Optional.'),
  'Application.route': d('受理方式', 'route', 'standard 一般受理,tolerance 容缺受理(告知承诺),emergency 先行救助。', 'standard, tolerance (accepted with documents missing, on a signed commitment) or emergency (assistance first).'),
  'Application.tolerance': d('容缺信息', 'tolerance details', '可选:容缺受理的情形、承诺与补齐情况。', 'Optional: for tolerance acceptance, the situation, commitment and supplementing.'),
  'Application.tolerance.situation': d('容缺情形', 'situation', '容缺受理所依据的情形。', 'The situation that allowed tolerance acceptance.'),
  'Application.tolerance.commitment_signed': d('已签告知承诺书', 'commitment signed', '申请人是否签署告知承诺书。', 'Whether the applicant signed the commitment.'),
  'Application.tolerance.missing_documents': d('容缺材料', 'missing documents', '受理时缺少的材料。', 'Documents missing at acceptance.'),
  'Application.tolerance.missing_documents[]': d('材料名称', 'document', '一份缺少的材料。', 'One missing document.'),
  'Application.tolerance.supplemented_on': date('补齐日期', 'supplemented on', '可选:材料补齐的日期。', 'Optional: when the documents were supplied.'),
  'Application.handled_by': ref('经办人', 'handled by', ' staff 中的人员编号(可多个)', 'staff ids in `staff` (any number)'),
  'Application.handled_by[]': ref('经办人编号', 'staff id', ' staff 中的人员', 'a member of `staff`'),
  'Application.declared_relation': d('近亲属申明', 'declared relation', '可选:申请人申明与工作人员存在近亲属关系时填写。', 'Optional: when the applicant declared a close relative among the staff.'),
  'Application.declared_relation.staff_id': ref('工作人员编号', 'staff id', ' staff 中的人员', 'a member of `staff`'),
  'Application.declared_relation.relation': d('关系', 'relation', '与该工作人员的关系。', 'Relation to that staff member.'),
  'Application.declared_relations': v11(d('近亲属申明(多项)', 'declared relations', '可选:申请人申明的与工作人员的全部关系,每名工作人员一项;家庭与几名工作人员有关系时逐一列出。工作人员本人的家庭申请时填 relation = self。可与 declared_relation 同时出现,两者合并读取。', 'Optional: every relation to staff the applicant declared, one entry per staff member; a household related to several staff lists each. A staff member’s own household declares relation = self. May appear with declared_relation; both are read together.')),
  'Application.declared_relations[]': d('申明', 'declaration', '与一名工作人员的关系。', 'The relation to one staff member.'),
  'Application.declared_relations[].staff_id': ref('工作人员编号', 'staff id', ' staff 中的人员', 'a member of `staff`'),
  'Application.declared_relations[].relation': d('关系', 'relation', 'self 本人(工作人员自己的家庭),spouse 配偶,parent 父母,child 子女,sibling 兄弟姐妹,grandparent 祖父母/外祖父母,grandchild 孙子女/外孙子女,parent_in_law 公婆/岳父母,other 其他。', 'self (the staff member’s own household), spouse, parent, child, sibling, grandparent, grandchild, parent_in_law or other.'),
  'Application.declared_relations[].declared_on': date('申明日期', 'declared on', '可选。', 'Optional.'),
  'Application.monitoring_case': v11(d('防返贫监测对象', 'monitoring case', '可选:该户是否为防止返贫监测对象(其认定须经多部门联合会审,见 joint_reviews)。', 'Optional: whether the household is a monitoring case for relapse into poverty (decided by a joint review of several departments, see `joint_reviews`).')),
  'Application.household_survey_on': date('入户调查日期', 'household survey on', '可选。', 'Optional.'),
  'Application.batch_id': d('批量审批批次', 'batch id', '可选:作为批量审批的一部分获批时的批次号。', 'Optional: the batch, when approved as part of one.'),
  'Application.income': d('家庭收入', 'household income', '可选:核算的家庭月人均收入、适用标准与收入项目。', 'Optional: assessed monthly income per head, the standard applied and the items.'),
  'Application.income.monthly_per_capita': money('月人均收入', 'monthly income per head'),
  'Application.income.standard_monthly': money('适用保障标准', 'monthly standard', '核算时适用的月保障标准。', 'The monthly standard applied.'),
  'Application.income.counted': d('计入收入项目', 'counted items', '计入家庭收入的项目,金额为计入的净额:excluded 所列金额不在其中,不得再从这里扣除。家庭月收入 = 各计入项目之和;计入项目中若列出扣减类项目(如 employment_cost 就业成本),其金额从和中减去。月人均收入 = 家庭月收入 ÷ 家庭人数。', 'Items counted as income, each at the amount counted, net: amounts listed under `excluded` are not inside them and are not taken off again. Household monthly income = the sum of the counted items, less any deduction item listed among them (e.g. employment_cost). Income per head = that sum ÷ household size.'),
  'Application.income.counted[]': d('收入项目', 'income item', '一项收入,按计入的金额。', 'One income item, at the amount counted.'),
  'Application.income.counted[].type': d('收入类型', 'type', '收入类型代码,如 basic_pension_base、employment_cost。', 'Income type code, e.g. basic_pension_base, employment_cost.'),
  'Application.income.counted[].amount': money('金额', 'amount', '月金额。', 'Monthly amount.'),
  'Application.income.excluded': d('不计入收入项目', 'excluded items', '依政策不计入家庭收入的项目(如 basic_pension_base 基础养老金)和已从收入中扣减的金额(如 employment_cost 就业成本):只作记录,已不在 counted 的金额中。', 'Items the policy leaves out of income (e.g. basic_pension_base) and amounts already deducted (e.g. employment_cost): a record only, already outside the counted amounts.'),
  'Application.income.excluded[]': d('收入项目', 'income item', '一项不计入的收入。', 'One excluded income item.'),
  'Application.income.excluded[].type': d('收入类型', 'type', '收入类型代码。', 'Income type code.'),
  'Application.income.excluded[].amount': money('金额', 'amount', '月金额。', 'Monthly amount.'),
  'Application.decision': d('审核确认', 'decision', '可选:审核确认结果。', 'Optional: the decision on the application.'),
  'Application.decision.result': d('审核结果', 'result', 'approved 批准,rejected 不予批准,pending 待定。', 'approved, rejected or pending.'),
  'Application.decision.decided_on': date('决定日期', 'decided on'),
  'Application.decision.coverage': d('保障范围', 'coverage', 'household 全户保障,individual 单人保(仅 covered_person_ids 所列成员)。', 'household (the whole household) or individual (only the persons listed).'),
  'Application.decision.covered_person_ids': d('纳入保障人员', 'covered persons', '纳入保障的成员身份证号。', 'Resident IDs of the members covered.'),
  'Application.decision.covered_person_ids[]': person('纳入保障人员身份证号', 'covered person’s resident ID'),
  'Application.decision.benefit_monthly': money('月救助金额', 'monthly benefit', '可选。', 'Optional.'),
  'Application.decision.start_month': month('起始月份', 'first month', '可选:开始发放的月份。', 'Optional: first month paid.'),
  'Application.exit': d('退出', 'exit', '可选:停止救助的信息。', 'Optional: when and why assistance ended.'),
  'Application.exit.ended_on': date('退出日期', 'ended on'),
  'Application.exit.reason': d('退出原因', 'reason', 'income_over_limit 收入超标,death 死亡,voluntary 自愿退出,fraud 骗取,warning 预警核实,other 其他。', 'income_over_limit, death, voluntary, fraud, warning (after a data-check warning) or other.'),
  'Application.exit.gradual_exit_until': month('渐退期至', 'gradual exit until', '可选:渐退期最后一个月。', 'Optional: last month of the gradual exit.'),
  'Application.temporary': d('临时救助', 'temporary assistance', '可选:临时救助的事由、金额与审批方式。', 'Optional: cause, amount and approval of temporary assistance.'),
  'Application.temporary.cause': d('救助事由', 'cause', '遭遇的急难事由。', 'The emergency that prompted it.'),
  'Application.temporary.event_date': date('事发日期', 'event date'),
  'Application.temporary.amount': money('救助金额', 'amount'),
  'Application.temporary.approval': d('审批方式', 'approval', 'standard 一般程序,case_by_case 一事一议。', 'standard, or case_by_case (decided individually).'),
  'Application.temporary.paperwork_completed_on': date('补办手续日期', 'paperwork completed on', '可选:先行救助后补办手续的日期。', 'Optional: when paperwork was completed after emergency help.'),

  'Notice.notice_id': key('公示编号', 'notice id', '公示', 'notice'),
  'Notice.application_id': ref('申请编号', 'application id', ' applications 中的申请', 'an application in `applications`', '可选。', 'Optional.'),
  'Notice.household_id': ref('家庭编号', 'household id', ' households 中的家庭', 'a household in `households`'),
  'Notice.kind': d('公示类型', 'kind', 'review 初审公示,decision 审核结果公示,standing 长期公示。', 'review (initial), decision (result) or standing (permanent) notice.'),
  'Notice.posted_on': date('公示日期', 'posted on'),
  'Notice.ends_on': date('公示截止', 'ends on'),
  'Notice.channel': d('公示渠道', 'channel', '公示渠道,如村务公开栏、网站、App。', 'Where it was posted: village board, website, app…'),
  'Notice.columns': d('公示内容', 'columns', '公示的一行,逐栏照实际公布的样子,标签照印。', 'The posted row, column by column exactly as shown, labels as printed.'),
  'Notice.columns[]': d('公示栏目', 'column', '一栏:标签与所公布的值。', 'One column: its label and the value shown.'),
  'Notice.columns[].label': d('栏目标签', 'label', '栏目标签,照印。', 'Column label as printed.'),
  'Notice.columns[].value': d('公布内容', 'value', '该栏公布的内容,照印(可能含个人信息,报告中遮蔽)。', 'What the column showed, as printed (may hold personal data; masked in reports).'),
  'Notice.objections': d('异议', 'objections', '可选:公示期间收到的异议。', 'Optional: objections received.'),
  'Notice.objections[]': d('异议', 'objection', '一件异议。', 'One objection.'),
  'Notice.objections[].received_on': date('收到日期', 'received on'),
  'Notice.objections[].resolved_on': date('办结日期', 'resolved on', '可选。', 'Optional.'),

  'Staff.staff_id': key('人员编号', 'staff id', '人员', 'staff member'),
  'Staff.person_id': person('身份证号', 'resident ID'),
  'Staff.name': d('姓名', 'name', '姓名。属个人信息,报告中默认遮蔽。', 'Name. Personal data, masked in reports by default.'),
  'Staff.role': d('身份', 'role', 'caseworker 经办人员,village_cadre 村(居)干部,public_funded 财政供养人员。', 'caseworker, village_cadre or public_funded (paid from public funds).'),
  'Staff.region_code': d('所在地代码', 'location code', '任职地的行政区划代码。', 'Division code where they serve.'),
  'Staff.active_from': date('任职起', 'active from'),
  'Staff.active_to': date('任职止', 'active to', '可选:仍在任时不填。', 'Optional: absent while still serving.'),
  'Staff.relatives': d('近亲属', 'close relatives', '该人员的近亲属。', 'Their close relatives.'),
  'Staff.relatives[]': d('近亲属', 'close relative', '一名近亲属。', 'One close relative.'),
  'Staff.relatives[].person_id': person('近亲属身份证号', 'relative’s resident ID'),
  'Staff.relatives[].name': d('近亲属姓名', 'relative’s name', '可选。属个人信息,报告中默认遮蔽。', 'Optional. Personal data, masked in reports by default.'),
  'Staff.relatives[].relation': d('关系', 'relation', 'spouse 配偶,parent 父母,child 子女,sibling 兄弟姐妹,grandparent 祖父母/外祖父母,grandchild 孙子女/外孙子女,parent_in_law 公婆/岳父母,other 其他。', 'spouse, parent, child, sibling, grandparent, grandchild, parent_in_law or other.'),

  'RelativeFiling.filing_id': key('备案编号', 'filing id', '备案', 'filing'),
  'RelativeFiling.application_id': ref('申请编号', 'application id', ' applications 中的申请', 'an application in `applications`'),
  'RelativeFiling.staff_id': ref('人员编号', 'staff id', ' staff 中的人员', 'a member of `staff`'),
  'RelativeFiling.relation': d('关系', 'relation', '申请人与该人员的关系。', 'The applicant’s relation to the staff member.'),
  'RelativeFiling.filed_on': date('备案日期', 'filed on'),
  'RelativeFiling.registered_by': d('登记单位', 'registered by', '办理备案登记的单位。', 'The office that registered the filing.'),
  'RelativeFiling.verification': d('核查', 'verification', '可选:对备案申请的核查。', 'Optional: the verification of the filed application.'),
  'RelativeFiling.verification.completed_on': date('核查完成日期', 'completed on'),
  'RelativeFiling.verification.result': d('核查结果', 'result', 'eligible 符合条件,ineligible 不符合条件。', 'eligible or ineligible.'),

  'Payment.payment_id': key('发放编号', 'payment id', '发放记录', 'payment'),
  'Payment.application_id': ref('申请编号', 'application id', ' applications 中的申请', 'an application in `applications`'),
  'Payment.household_id': ref('家庭编号', 'household id', ' households 中的家庭', 'a household in `households`'),
  'Payment.person_id': person('领取人身份证号', 'recipient’s resident ID', '可选:单人保时的受保人员。', 'Optional: the covered person, for individual coverage.'),
  'Payment.program': PROGRAM,
  'Payment.region_code': REGION,
  'Payment.month': month('所属月份', 'month', '该笔发放所属的月份。', 'The month the payment is for.'),
  'Payment.amount': money('发放金额', 'amount'),
  'Payment.paid_on': date('发放日期', 'paid on'),
  'Payment.channel': d('发放方式', 'channel', 'bank 银行代发,cash 现金。', 'bank or cash.'),

  'Death.person_id': person('身份证号', 'resident ID', '死亡人员;同时是本集合的键,重复者不合契约。', 'The deceased; also the collection’s key, so a repeated value is rejected.'),
  'Death.died_on': date('死亡日期', 'died on'),
  'Death.source': d('信息来源', 'source', 'funeral 殡葬,public_security 公安,health 卫生健康。', 'funeral, public_security (police) or health.'),

  'FraudCase.case_id': key('案件编号', 'case id', '案件', 'case'),
  'FraudCase.household_id': ref('家庭编号', 'household id', ' households 中的家庭', 'a household in `households`'),
  'FraudCase.person_ids': d('涉案人员', 'persons involved', '涉案人员身份证号。', 'Resident IDs of the persons involved.'),
  'FraudCase.person_ids[]': person('涉案人员身份证号', 'resident ID of a person involved'),
  'FraudCase.application_id': ref('申请编号', 'application id', ' applications 中的申请', 'an application in `applications`', '可选。', 'Optional.'),
  'FraudCase.stage': d('发生阶段', 'stage', 'application 申请时,in_receipt 获得救助后。', 'application (while applying) or in_receipt (while receiving).'),
  'FraudCase.amount': money('骗取金额', 'amount obtained'),
  'FraudCase.circumstances': d('情节', 'circumstances', '认定的情节(可多项)。', 'Circumstances found (any number).'),
  'FraudCase.circumstances[]': d('情节', 'circumstance', 'forged_documents 伪造材料,impersonation 冒名,concealed_income 隐瞒收入,concealed_death 隐瞒死亡,public_funded_for_relative 公职人员为亲属骗取,refused_penalty 拒不接受处理,false_statement 虚假陈述。', 'forged_documents, impersonation, concealed_income, concealed_death, public_funded_for_relative, refused_penalty or false_statement.'),
  'FraudCase.found_on': date('发现日期', 'found on'),
  'FraudCase.decision': d('处理决定', 'decision', '可选:处理决定。', 'Optional: the decision taken.'),
  'FraudCase.decision.decided_on': date('决定日期', 'decided on'),
  'FraudCase.decision.tier': d('情节等级', 'tier', 'general 一般,serious 较重,severe 严重。', 'general, serious or severe.'),
  'FraudCase.decision.recovered_amount': money('追回金额', 'recovered'),
  'FraudCase.decision.fine_amount': money('罚款金额', 'fine'),
  'FraudCase.decision.blacklisted': d('列入失信名单', 'blacklisted', '是否列入失信名单。', 'Whether the person was put on the credit blacklist.'),
  'FraudCase.decision.assistance_stopped_from': month('停止救助起始月', 'assistance stopped from', '可选。', 'Optional.'),
  'FraudCase.decision.verification_frequency_raised': d('提高核查频次', 'verification raised', '是否提高核查频次。', 'Whether checks were made more frequent.'),
  'FraudCase.decision.education_given': d('批评教育', 'education given', '是否进行了批评教育。', 'Whether the person was formally cautioned.'),
  'FraudCase.decision.transfers': d('移送', 'transfers', '移送的机关(可多项)。', 'Where the case was passed on (any number).'),
  'FraudCase.decision.transfers[]': d('移送机关', 'transfer', 'court_enforcement 法院强制执行,police 公安,judiciary 司法机关,discipline 纪检监察。', 'court_enforcement, police, judiciary or discipline.'),
  'FraudCase.decision.measures': v11(d('其他惩戒措施', 'measures', '可选:决定采取的从严审核、联合惩戒等措施。', 'Optional: further measures decided, such as stricter review or joint punishment.')),
  'FraudCase.decision.measures[]': d('措施', 'measure', '一项措施及其期间。', 'One measure and when it applies.'),
  'FraudCase.decision.measures[].measure': d('措施类型', 'measure', 'stricter_review 对该家庭或成员的其他救助申请从严审核审批,joint_punishment 联合惩戒。', 'stricter_review (the household’s or member’s other applications reviewed more strictly) or joint_punishment.'),
  'FraudCase.decision.measures[].from': date('起始日期', 'from'),
  'FraudCase.decision.measures[].until': date('截止日期', 'until', '可选:措施结束的日期;仍在执行时不填。', 'Optional: when the measure ended; absent while it applies.'),
  'FraudCase.decision.measures[].levels': d('实施层级', 'levels', '可选:联合惩戒的实施层级。', 'Optional: the levels carrying out joint punishment.'),
  'FraudCase.decision.measures[].levels[]': d('层级', 'level', 'province 省级,city 市级,county 县(区)级。', 'province, city or county (district).'),
  'FraudCase.blacklist_removed_on': v11(date('移出失信名单日期', 'removed from blacklist on', '可选:移出失信人员名单的日期(如信用修复后)。', 'Optional: when the person was taken off the blacklist (after a credit repair, say).')),
  'FraudCase.reapproval': v11(d('停止后重新批准', 're-approval after the stop', '可选:停止救助后,该户经重新申请、审核确认再次获得救助。', 'Optional: after the stop, the household applied again and was approved again.')),
  'FraudCase.reapproval.application_id': ref('申请编号', 'application id', ' applications 中重新批准的申请', 'the re-approved application in `applications`'),
  'FraudCase.reapproval.decided_on': date('重新批准日期', 'decided on'),
  'FraudCase.reapproval.from_month': month('恢复发放月份', 'resumed from', '重新批准后第一个发放月份。', 'The first month paid after the re-approval.'),
  'FraudCase.credit_repair': d('信用修复', 'credit repair', '可选:信用修复的申请与决定。', 'Optional: application for and decision on credit repair.'),
  'FraudCase.credit_repair.corrected_on': date('纠正日期', 'corrected on'),
  'FraudCase.credit_repair.repaid_on': date('退还日期', 'repaid on'),
  'FraudCase.credit_repair.applied_on': date('申请修复日期', 'applied on'),
  'FraudCase.credit_repair.decided_on': date('修复决定日期', 'decided on'),
  'FraudCase.credit_repair.granted': d('准予修复', 'granted', '是否准予修复。', 'Whether repair was granted.'),

  'AccountabilityCase.case_id': key('案件编号', 'case id', '案件', 'case'),
  'AccountabilityCase.staff_id': ref('当事人', 'staff id', ' staff 中的人员', 'a member of `staff`'),
  'AccountabilityCase.error': d('差错类型', 'error', 'wrong_inclusion 错保,wrongful_exit 错退(脱保),omission 漏保,other 其他。', 'wrong_inclusion, wrongful_exit, omission or other.'),
  'AccountabilityCase.occurred_on': date('发生日期', 'occurred on'),
  'AccountabilityCase.facts': d('认定事实', 'facts', '认定的事实,各为是/否。', 'Facts found, each true or false.'),
  'AccountabilityCase.facts.abuse_of_power': d('滥用职权', 'abuse of power', '是否滥用职权。', 'Whether power was abused.'),
  'AccountabilityCase.facts.personal_gain': d('谋取私利', 'personal gain', '是否谋取私利。', 'Whether for personal gain.'),
  'AccountabilityCase.facts.repeated_same_matter': d('同类问题反复出现', 'repeated', '是否在同类事项上反复出错。', 'Whether the same kind of error recurred.'),
  'AccountabilityCase.facts.failed_timely_remedy': d('未及时纠正', 'no timely remedy', '是否未及时纠正。', 'Whether it was not remedied in time.'),
  'AccountabilityCase.facts.major_loss': d('造成重大损失', 'major loss', '是否造成重大损失。', 'Whether it caused a major loss.'),
  'AccountabilityCase.facts.knowingly': d('明知故犯', 'knowingly', '是否明知故犯。', 'Whether done knowingly.'),
  'AccountabilityCase.claimed_situations': d('适用情形', 'claimed situations', '主张适用的容错免责情形代码(取自政策配置)。', 'Exemption situation codes claimed (from the policy profile).'),
  'AccountabilityCase.claimed_situations[]': d('情形代码', 'situation', '一个情形代码。', 'One situation code.'),
  'AccountabilityCase.outcome': d('认定结果', 'outcome', 'exempt 免责,reduced 减轻,lenient 从轻,not_exempt 不予免责,pending 待定。', 'exempt, reduced, lenient, not_exempt or pending.'),
  'AccountabilityCase.steps': d('办理程序', 'steps', '已办理的程序步骤,步骤名取自政策配置。', 'Procedure steps taken; step names from the policy profile.'),
  'AccountabilityCase.steps[]': d('程序步骤', 'step', '一个步骤及其日期。', 'One step and its date.'),
  'AccountabilityCase.steps[].step': d('步骤名称', 'step', '步骤名称。', 'Step name.'),
  'AccountabilityCase.steps[].on': date('办理日期', 'on'),
  'AccountabilityCase.tracking': d('跟踪管理', 'tracking', '可选:免责后的跟踪管理。', 'Optional: follow-up after exemption.'),
  'AccountabilityCase.tracking.from': date('跟踪起', 'from'),
  'AccountabilityCase.tracking.until': date('跟踪止', 'until'),
  'AccountabilityCase.tracking.talks': d('谈话日期', 'talks', '跟踪期间谈心谈话的日期。', 'Dates of follow-up talks.'),
  'AccountabilityCase.tracking.talks[]': date('谈话日期', 'talk on'),

  'Warning.warning_id': key('预警编号', 'warning id', '预警', 'warning'),
  'Warning.household_id': ref('家庭编号', 'household id', ' households 中的家庭', 'a household in `households`'),
  'Warning.type': d('预警类型', 'type', 'deposits 存款,securities 证券,real_estate 不动产,insurance 保险,income_tax 个税,vehicle 车辆,business 工商登记,provident_fund 公积金,other 其他。', 'deposits, securities, real_estate, insurance, income_tax, vehicle, business, provident_fund or other.'),
  'Warning.raised_on': date('预警日期', 'raised on'),
  'Warning.evidence_due': date('举证期限', 'evidence due', '家庭提交说明材料的截止日期。', 'Deadline for the household’s evidence.'),
  'Warning.response': d('家庭回应', 'response', '可选:家庭提交的说明材料。', 'Optional: what the household submitted.'),
  'Warning.response.submitted_on': date('提交日期', 'submitted on', '可选。', 'Optional.'),
  'Warning.response.credible': d('材料可信', 'credible', '可选:材料是否可信。', 'Optional: whether it was credible.'),
  'Warning.outcome': d('处理结果', 'outcome', 'continued 继续保障,cancelled 取消保障,voluntary_exit 自愿退出,pending 待定。', 'continued, cancelled, voluntary_exit or pending.'),
  'Warning.outcome_on': date('处理日期', 'outcome on'),

  'Oversight.record_id': key('记录编号', 'record id', '监督记录', 'oversight record'),
  'Oversight.level': d('层级', 'level', 'county 县级,city 市级,province 省级。', 'county, city or province.'),
  'Oversight.region_code': REGION,
  'Oversight.kind': d('工作类型', 'kind', 'half_year_report 半年报告,special_inspection 专项检查。', 'half_year_report or special_inspection.'),
  'Oversight.period': d('所属期间', 'period', '年份或半年,如 2024 或 2024-H1。', 'A year or half-year, e.g. 2024 or 2024-H1.'),
  'Oversight.done_on': date('完成日期', 'done on'),

  'Recovery.recovery_id': key('追缴编号', 'recovery id', '追缴记录', 'recovery'),
  'Recovery.household_id': ref('家庭编号', 'household id', ' households 中的家庭', 'a household in `households`'),
  'Recovery.application_id': ref('申请编号', 'application id', ' applications 中的申请', 'an application in `applications`', '可选。', 'Optional.'),
  'Recovery.case_id': ref('案件编号', 'case id', ' fraud_cases 中的案件', 'a case in `fraud_cases`', '可选:骗取案件的追缴填写。', 'Optional: for the recovery a fraud case ordered.'),
  'Recovery.reason': d('追缴原因', 'reason', 'fraud 骗取,deceased 死亡后发放,over_limit 超标清退后发放,duplicate 重复享受,warning 预警核实取消,stopped 停止救助后发放,other 其他。', 'fraud, deceased (paid after death), over_limit (paid after an over-limit exit), duplicate, warning (cancelled after a warning), stopped (paid after a stop) or other.'),
  'Recovery.ordered_on': date('决定追缴日期', 'ordered on'),
  'Recovery.amount_due': money('应追缴金额', 'amount due'),
  'Recovery.payment_ids': d('所追发放', 'payments recovered', '本次追缴针对的发放记录编号(引用 payments);骗取案件整案追缴可为空数组。', 'Ids of the payments this recovers (in `payments`); may be empty for a whole fraud case.'),
  'Recovery.payment_ids[]': ref('发放编号', 'payment id', ' payments 中的发放', 'a payment in `payments`'),
  'Recovery.collected': d('实际追回', 'collected', '实际追回的每一笔;尚未追回时为空数组。', 'Each amount actually collected; an empty array when nothing has been.'),
  'Recovery.collected[]': d('追回', 'collection', '一笔追回。', 'One collection.'),
  'Recovery.collected[].on': date('追回日期', 'collected on'),
  'Recovery.collected[].amount': money('追回金额', 'amount'),

  'JointReview.review_id': key('会审编号', 'review id', '会审', 'joint review'),
  'JointReview.application_id': ref('申请编号', 'application id', ' applications 中的申请', 'an application in `applications`'),
  'JointReview.household_id': ref('家庭编号', 'household id', ' households 中的家庭', 'a household in `households`'),
  'JointReview.held_on': date('会审日期', 'held on'),
  'JointReview.departments': d('参加部门', 'departments present', '出席会审的部门。', 'The departments present.'),
  'JointReview.departments[]': d('部门', 'department', 'civil_affairs 民政,rural_revitalization 乡村振兴,health 卫生健康,medical_security 医疗保障,disabled_persons_federation 残联,other 其他。', 'civil_affairs, rural_revitalization, health, medical_security, disabled_persons_federation or other.'),

  'Service.service_id': key('服务编号', 'service id', '服务记录', 'service'),
  'Service.household_id': ref('家庭编号', 'household id', ' households 中的家庭', 'a household in `households`'),
  'Service.application_id': ref('申请编号', 'application id', ' applications 中的申请', 'an application in `applications`', '可选。', 'Optional.'),
  'Service.kind': d('服务内容', 'kind', '服务内容,如生活照料、助餐、保洁、陪护。', 'What was provided: personal care, meals, cleaning, escort…'),
  'Service.provided_on': date('服务日期', 'provided on'),
  'Service.provider': d('服务提供方', 'provider', '可选:提供服务的机构或人员。', 'Optional: the organisation or person providing it.'),

  'SatisfactionSurvey.survey_id': key('测评编号', 'survey id', '测评', 'survey'),
  'SatisfactionSurvey.household_id': ref('家庭编号', 'household id', ' households 中的家庭', 'a household in `households`'),
  'SatisfactionSurvey.quarter': d('所属季度', 'quarter', '测评所属季度,格式 YYYY-Qn,如 2024-Q3。', 'The quarter surveyed, YYYY-Qn, e.g. 2024-Q3.'),
  'SatisfactionSurvey.surveyed_on': date('测评日期', 'surveyed on'),
  'SatisfactionSurvey.result': d('测评结果', 'result', 'satisfied 满意,basically_satisfied 基本满意,dissatisfied 不满意。', 'satisfied, basically_satisfied or dissatisfied.'),

  'ChangeList.list_id': key('清单编号', 'list id', '变动清单', 'change list'),
  'ChangeList.region_code': d('乡镇代码', 'township code', '编制清单的乡镇(街道)9位行政区划代码。', '9-digit division code of the township that made the list.'),
  'ChangeList.month': month('所属月份', 'month', '清单所列变动的月份。', 'The month whose changes it lists.'),
  'ChangeList.published_on': date('编制日期', 'published on'),
  'ChangeList.changes': d('变动', 'changes', '当月的变动;当月无变动时为空数组。', 'The month’s changes; an empty array when there were none.'),
  'ChangeList.changes[]': d('变动', 'change', '一户的变动。', 'One household’s change.'),
  'ChangeList.changes[].household_id': ref('家庭编号', 'household id', ' households 中的家庭', 'a household in `households`'),
  'ChangeList.changes[].change': d('变动类型', 'change', 'added 新增,removed 退出,amount_changed 金额调整,other 其他。', 'added, removed, amount_changed or other.'),

  'AssistanceChain.chain_id': key('救助链编号', 'chain id', '救助链', 'assistance chain'),
  'AssistanceChain.household_id': ref('家庭编号', 'household id', ' households 中的家庭', 'a household in `households`'),
  'AssistanceChain.opened_on': date('建档日期', 'opened on'),
  'AssistanceChain.hardships': d('困难类型', 'hardship types', '该户登记的困难类型。', 'The household’s recorded hardship types.'),
  'AssistanceChain.hardships[]': d('困难类型', 'hardship type', 'illness 疾病,disability 残疾,old_age 年老,child 未成年人,education 就学,housing 住房,unemployment 失业,disaster 灾害事故,other 其他。', 'illness, disability, old_age, child, education, housing, unemployment, disaster or other.'),
  'AssistanceChain.policies': d('匹配政策', 'matched policies', '为该户匹配的政策和资源,每项对应一种困难类型。', 'Policies and resources matched to the household, each for one hardship type.'),
  'AssistanceChain.policies[]': d('匹配', 'match', '一项政策或资源。', 'One policy or resource.'),
  'AssistanceChain.policies[].policy': d('政策', 'policy', '政策或救助项目名称,如医疗救助、教育救助。', 'The policy or programme, e.g. medical assistance, education assistance.'),
  'AssistanceChain.policies[].hardship': d('对应困难类型', 'hardship type', '该政策对应的困难类型,取值同 hardships。', 'The hardship type it answers; values as for hardships.'),
  'AssistanceChain.policies[].matched_on': date('匹配日期', 'matched on'),
  'AssistanceChain.policies[].resource': d('资源', 'resource', '可选:对接的资源(机构、项目、慈善力量等)。', 'Optional: the resource linked (organisation, project, charity…).'),
};

type Schema = Record<string, any>;

/** Writes the labels into a generated JSON Schema; throws on a property without one, or a label for none. */
export function applyLabels(root: Schema): Schema {
  const used = new Set<string>();
  const label = (node: Schema, at: string) => {
    const l = PROPERTY_LABELS[at];
    if (!l) throw new Error(`schemas/labels.ts: no label for ${at}`);
    used.add(at);
    node.title = `${l[0]} / ${l[1]}`;
    node.description = `${l[2]} / ${l[3]}`;
  };
  const walk = (node: Schema, at: string) => {
    if (node.type === 'array' && node.items && !node.items.$ref) {
      if (!['object', 'array'].includes(node.items.type) && !PROPERTY_LABELS[`${at}[]`]) return;
      label(node.items, `${at}[]`);
      walk(node.items, `${at}[]`);
    }
    for (const [k, v] of Object.entries<Schema>(node.properties ?? {})) {
      label(v, `${at}.${k}`);
      walk(v, `${at}.${k}`);
    }
  };
  walk(root, 'CaseExport');
  for (const [name, def] of Object.entries<Schema>(root.$defs ?? {})) {
    const l = RECORD_LABELS[name];
    if (!l) throw new Error(`schemas/labels.ts: no label for record ${name}`);
    def.title = `${l[0]} / ${l[1]}`;
    def.description = `${l[2]} / ${l[3]}`;
    walk(def, name);
  }
  const unused = Object.keys(PROPERTY_LABELS).filter((k) => !used.has(k));
  if (unused.length) throw new Error(`schemas/labels.ts: labels for no property: ${unused.join(', ')}`);
  return root;
}
