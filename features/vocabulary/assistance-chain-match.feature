# language: zh-CN
@SUP-CHAIN-MATCH @clause:2023年度社会救助领域创新实践优秀案例-天元-精准匹配
功能: 救助链为登记的每一种困难类型匹配政策
  民政部"2023年度社会救助领域创新实践优秀案例"(2024年5月),湖南省株洲市天元区"精准匹配帮扶资源"。
  镇(街道)、社工站从"需求库"中调取低收入家庭困难类型作为匹配因素,从"政策库"中根据致困原因分层分类
  匹配救助政策("突出精准匹配,发挥'链式服务'作用"二)。
  本规则:救助类别在参数 chain.programs 所列之内且已获批的家庭,其救助链登记的每一种困难类型
  (hardships)都须至少有一项对应该困难类型的匹配政策(policies[].hardship)。
  本规则由业务人员用规则词汇写成(docs/vocabulary.md)。

  背景:
    假如 适用“全国”政策
    并且 有以下救助家庭:
      | 家庭编号 |
      | H1       |
    并且 有以下申请:
      | 申请编号 | 家庭编号 | 救助类别     | 审核确认的审核结果 | 审核确认的决定日期 |
      | A1       | H1       | 最低生活保障 | 批准               | 2024-05-10         |

  @定义
  场景: 规则定义
    假如 对每一条救助链
    并且 其家庭的申请中有救助类别为参数 chain.programs 之一且审核结果为“批准”的记录
    并且 按其建档日期适用政策
    并且 生效前的记录不予审查
    那么 其匹配政策的对应困难类型包含其困难类型的全部
    并且 严重程度为“警告”
    并且 英文标题为"An assistance chain matches a policy to every hardship it records"
    并且 说明为“家庭 {家庭编号} 的救助链 {救助链编号} 登记的困难类型 {困难类型} 中有未匹配政策的”
    并且 英文说明为"assistance chain {救助链编号} of household {家庭编号} records hardships {困难类型}, not all matched to a policy"
    并且 整改措施为“按致困原因从政策库补充匹配救助政策,并更新救助链”
    并且 英文整改措施为"match a policy to each recorded hardship and update the chain"
    并且 按乡镇分组

  @spec
  场景大纲: 困难类型与匹配政策(<情形>)
    假如 参数 chain.programs 自 2023-01-01 起为 dibao
    并且 有以下救助链:
      | 救助链编号 | 家庭编号 | 建档日期   | 困难类型   |
      | C1         | H1       | 2024-05-12 | <困难类型> |
    并且 有以下匹配政策:
      | 救助链编号 | 政策       | 对应困难类型 |
      | C1         | 医疗救助   | <政策一>     |
      | C1         | 助学       | <政策二>     |
    那么 该记录<结论>

    例子:
      | 情形                       | 困难类型       | 政策一  | 政策二    | 结论     |
      | 每一种都有匹配政策         | illness、education | illness | education | 符合规定 |
      | 政策多于困难类型           | illness        | illness | education | 符合规定 |
      | 缺一种困难类型的政策       | illness、housing | illness | education | 应予提示 |
      | 政策都不对应               | disability     | illness | education | 应予提示 |

  @spec
  场景: 救助链没有任何匹配政策
    假如 参数 chain.programs 自 2023-01-01 起为 dibao
    并且 有以下救助链:
      | 救助链编号 | 家庭编号 | 建档日期   | 困难类型 |
      | C1         | H1       | 2024-05-12 | illness  |
    那么 该记录应予提示

  @spec
  场景大纲: 家庭不在须建链的类别或参数未施行(<情形>)
    假如 参数 chain.programs 自 <施行日期> 起为 <类别>
    并且 有以下救助链:
      | 救助链编号 | 家庭编号 | 建档日期   | 困难类型 |
      | C1         | H1       | 2024-05-12 | illness  |
    那么 该记录<结论>

    例子:
      | 情形               | 施行日期   | 类别       | 结论     |
      | 建档当日已施行     | 2024-05-12 | dibao      | 应予提示 |
      | 建档次日才施行     | 2024-05-13 | dibao      | 不适用   |
      | 低保不在所列类别   | 2023-01-01 | low_income | 不适用   |

  @fixture
  场景: 审计样例导出数据中的救助链匹配
    # C1 疾病已匹配;C2 登记疾病与就学,只匹配了疾病;C4 登记残疾,没有任何政策;C5 养老已匹配且另有住房。
    假如 参数 chain.programs 自 2023-01-01 起为 dibao、tekun、low_income
    并且 待审计数据为“tests/fixtures/exports/vocabulary-practices.json”
    那么 规则 SUP-CHAIN-MATCH 的发现应为:
      | 记录 | 严重程度 | 说明                                 |
      | C2   | warning  | 家庭 H2 的救助链 C2 登记的困难类型   |
      | C4   | warning  | 家庭 H4 的救助链 C4 登记的困难类型   |

  @audit
  场景: 审计导出数据中的救助链匹配
    那么 每一条记录都应符合本规则
