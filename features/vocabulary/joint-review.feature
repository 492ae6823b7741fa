# language: zh-CN
@SUP-JOINT-REVIEW @clause:2023年度社会救助领域创新实践优秀案例-龙南-困难对象同步认定
功能: 防返贫监测对象须经乡镇审核确认委员会联合会审后认定
  民政部"2023年度社会救助领域创新实践优秀案例"(2024年5月),江西省龙南市"四个同步"之二"困难对象同步认定"。
  在各乡镇(街道)成立民政、乡村振兴、卫健、医保、残联等部门和单位为成员单位的"审核确认委员会",
  共同研判调查结果、共同审核困难农户是否符合认定条件,将两部门的对象认定在一次会议上同步完成。
  本规则:对防返贫监测对象的申请作出决定(批准或不予批准)时,该申请须有一次不晚于决定日期的联合会审,
  且参加部门包含政策配置以参数 joint_review.departments 列出的全部成员单位。只有设定该参数的地方
  (如 jiangxi-longnan)审查;未设定的地方本规则"未审查"。本规则由业务人员用规则词汇写成(docs/vocabulary.md)。

  背景:
    假如 适用“全国”政策
    并且 有以下救助家庭:
      | 家庭编号 |
      | H1       |

  @定义
  场景: 规则定义
    假如 参数 joint_review.departments 为代码列表,含义为“认定防返贫监测对象的联合会审须参加的部门(民政 civil_affairs、乡村振兴 rural_revitalization、卫健 health、医保 medical_security、残联 disabled_persons_federation)”,英文为"departments that must sit in the joint review deciding a monitoring case"
    并且 对每一份申请
    并且 其防返贫监测对象为是
    并且 其审核结果为“批准”、“不予批准”之一
    并且 按其决定日期适用政策
    并且 生效前的记录不予审查
    那么 其联合会审中应有会审日期不晚于该申请的决定日期且参加部门包含参数 joint_review.departments 的全部的记录
    并且 严重程度为“警告”
    并且 英文标题为"A monitoring case is decided only after a joint review by the required departments"
    并且 说明为“防返贫监测对象申请 {申请编号} 于 {决定日期} 作出决定,此前没有参加部门齐全({参数 joint_review.departments})的联合会审”
    并且 英文说明为"monitoring-case application {申请编号} was decided on {决定日期} without an earlier joint review attended by all of {参数 joint_review.departments}"
    并且 整改措施为“由乡镇审核确认委员会补行联合会审,共同研判后重新确认”
    并且 英文整改措施为"have the township review committee hold the joint review and confirm the decision again"
    并且 按乡镇分组

  @spec
  场景大纲: 作出决定前的联合会审(<情形>)
    假如 参数 joint_review.departments 自 2023-01-01 起为 civil_affairs、rural_revitalization、health
    并且 有以下申请:
      | 申请编号 | 家庭编号 | 防返贫监测对象 | 审核确认的审核结果 | 审核确认的决定日期 |
      | A1       | H1       | <监测对象>     | <结果>             | 2024-05-10         |
    并且 有以下联合会审:
      | 会审编号 | 申请编号 | 会审日期   | 参加部门   |
      | JR1      | <会审申请> | <会审日期> | <参加部门> |
    那么 该申请<结论>

    例子:
      | 情形                         | 监测对象 | 结果     | 会审申请 | 会审日期   | 参加部门                     | 结论     |
      | 决定当日会审,部门齐全        | 是       | 批准     | A1       | 2024-05-10 | 民政、乡村振兴、卫生健康     | 符合规定 |
      | 部门齐全且另有残联参加       | 是       | 批准     | A1       | 2024-05-02 | 民政、乡村振兴、卫生健康、残联 | 符合规定 |
      | 决定次日才会审                | 是       | 批准     | A1       | 2024-05-11 | 民政、乡村振兴、卫生健康     | 应予提示 |
      | 缺卫健部门                    | 是       | 批准     | A1       | 2024-05-02 | 民政、乡村振兴               | 应予提示 |
      | 只有民政部门                  | 是       | 不予批准 | A1       | 2024-05-02 | 民政                         | 应予提示 |
      | 会审的是另一份申请            | 是       | 批准     | A9       | 2024-05-02 | 民政、乡村振兴、卫生健康     | 应予提示 |
      | 不是监测对象                  | 否       | 批准     | A9       | 2024-05-02 | 民政                         | 不适用   |
      | 尚未作出决定                  | 是       | 待定     | A9       | 2024-05-02 | 民政                         | 不适用   |

  @spec
  场景大纲: 参数的施行日期(<情形>)
    假如 参数 joint_review.departments 自 <施行日期> 起为 civil_affairs、rural_revitalization
    并且 有以下申请:
      | 申请编号 | 家庭编号 | 防返贫监测对象 | 审核确认的审核结果 | 审核确认的决定日期 |
      | A1       | H1       | 是             | 批准               | 2024-05-10         |
    并且 有以下联合会审:
      | 会审编号 | 申请编号 | 会审日期   | 参加部门 |
      | JR1      | A9       | 2024-05-02 | 民政     |
    那么 该申请<结论>

    例子:
      | 情形                   | 施行日期   | 结论     |
      | 决定当日已施行         | 2024-05-10 | 应予提示 |
      | 决定次日才施行         | 2024-05-11 | 不适用   |

  @spec
  场景: 政策配置未列出须参加部门的地方不作判断
    假如 有以下申请:
      | 申请编号 | 家庭编号 | 防返贫监测对象 | 审核确认的审核结果 | 审核确认的决定日期 |
      | A1       | H1       | 是             | 批准               | 2024-05-10         |
    并且 有以下联合会审:
      | 会审编号 | 申请编号 | 会审日期   | 参加部门 |
      | JR1      | A9       | 2024-05-02 | 民政     |
    那么 该申请未审查

  @spec
  场景: 导出数据没有联合会审集合(v1.0 导出)的不作判断
    假如 参数 joint_review.departments 自 2023-01-01 起为 civil_affairs
    并且 有以下申请:
      | 申请编号 | 家庭编号 | 防返贫监测对象 | 审核确认的审核结果 | 审核确认的决定日期 |
      | A1       | H1       | 是             | 批准               | 2024-05-10         |
    那么 该申请未审查

  @fixture
  场景: 审计样例导出数据中的防返贫监测对象认定
    # A1 会审部门齐全;A2 缺医保、残联;A3 没有会审;A4 决定后才会审;A5 不是监测对象。
    假如 参数 joint_review.departments 自 2023-01-01 起为 civil_affairs、rural_revitalization、health、medical_security、disabled_persons_federation
    并且 待审计数据为“tests/fixtures/exports/vocabulary-practices.json”
    那么 规则 SUP-JOINT-REVIEW 的发现应为:
      | 记录 | 严重程度 | 说明                                                    |
      | A2   | warning  | 防返贫监测对象申请 A2 于 2024-04-15 作出决定,此前没有参加部门齐全 |
      | A3   | warning  | 防返贫监测对象申请 A3 于 2024-04-20 作出决定,此前没有参加部门齐全 |
      | A4   | warning  | 防返贫监测对象申请 A4 于 2024-05-06 作出决定,此前没有参加部门齐全 |

  @audit
  场景: 审计导出数据中的防返贫监测对象认定
    那么 每一条记录都应符合本规则
