# language: zh-CN
@clause:contract-v1
功能: 导出数据须符合数据契约
  《案件导出数据契约 v1》(本仓库 docs/contract.md):
  "A record that does not conform to the export contract is reported with file, line, field path and reason, and left out of every other rule; a run with such records is not clean."
  "A record that refers to another that the export lacks (a payment of an unknown application, a filing for an unknown staff id) is reported; the rules that need the missing record mark it not_reviewed."
  "No value is rounded, truncated or turned NULL on the way in: an amount with more than two decimals or above the maximum, a key given twice, a string with an unpaired surrogate or a repeated primary key makes a rejected record."

  不合契约的记录不丢弃:每一条都以文件、行号(或数组下标)、字段路径和原因报告,且不参加其他规则的审计。

  背景:
    假如 适用“全国”政策

  @spec @CONTRACT-INVALID
  场景大纲: 一户家庭记录是否符合契约(<情形>)
    假如 一户家庭的<字段>为<取值>
    那么 该记录<结论>

    例子:
      | 情形                     | 字段         | 取值           | 结论         |
      | 城乡类别有效             | 城乡类别     | “rural”        | 符合规定     |
      | 城乡类别无效             | 城乡类别     | “town”         | 违反数据契约 |
      | 出生日期为闰日           | 户主出生日期 | “2004-02-29”   | 符合规定     |
      | 出生日期不存在           | 户主出生日期 | “2023-02-29”   | 违反数据契约 |
      | 身份证号17位             | 户主身份证号 | “15052519800101002” | 违反数据契约 |
      | 身份证号末位小写x(按X读取,另有提示) | 户主身份证号 | “15052519820315002x” | 符合规定 |

  @spec @CONTRACT-INVALID
  场景大纲: 金额最多两位小数(<情形>)
    假如 一笔发放金额为<金额>
    那么 该记录<结论>

    例子:
      | 情形     | 金额     | 结论         |
      | 两位小数 | “650.07” | 符合规定     |
      | 三位小数 | “650.075”| 违反数据契约 |
      | 多位小数 | “12.340000001” | 违反数据契约 |
      | 浮点误差 | “0.30000000000000004” | 违反数据契约 |
      | 负数     | “-1”     | 违反数据契约 |
      | 等于上限 | “9999999999.99” | 符合规定 |
      | 超出上限 | “10000000000” | 违反数据契约 |
      | 远超上限 | “1e20”   | 违反数据契约 |

  @spec @CONTRACT-INVALID
  场景大纲: 家庭编号不得重复(<情形>)
    假如 另有一户家庭的编号为<编号>
    那么 该记录<结论>

    例子:
      | 情形         | 编号   | 结论         |
      | 编号不同     | “H002” | 符合规定     |
      | 编号与他户相同 | “H001” | 违反数据契约 |

  @spec @CONTRACT-REFERENCE
  场景大纲: 发放记录引用的申请是否存在(<情形>)
    假如 一笔发放记录引用申请<申请编号>
    那么 该记录<结论>

    例子:
      | 情形         | 申请编号 | 结论         |
      | 申请存在     | “A001”   | 符合规定     |
      | 申请不存在   | “A999”   | 违反数据契约 |

  @fixture @CONTRACT-INVALID
  场景: 审计含不合契约记录的导出数据
    假如 待审计数据为“tests/fixtures/exports/contract-invalid”
    那么 规则 CONTRACT-INVALID 的发现应为:
      | 记录 | 严重程度 | 说明                                  |
      | H002 | error    | $.area_type 取值应为以下之一          |
      |      | error    | $ 类型应为 object                     |
      | P003 | error    | $.amount 金额最多两位小数             |
    而且 规则 CONTRACT-REFERENCE 的发现应为:
      | 记录 | 严重程度 | 说明                                   |
      | P002 | error    | application_id 引用的 applications 记录「A404」不在导出数据中 |

  @fixture @CONTRACT-REFERENCE @NOTICE-MINORS
  场景: 引用被剔除的记录时说明其被剔除,依赖它的记录不予审查
    假如 待审计数据为“tests/fixtures/exports/rejected-dependents”
    那么 规则 CONTRACT-REFERENCE 的发现应为:
      | 记录 | 严重程度 | 说明                                                              |
      | A002 | warning  | household_id 引用的 households 记录「H002」因不符合契约被剔除     |
      | N002 | warning  | household_id 引用的 households 记录「H002」因不符合契约被剔除     |
      | N003 | warning  | application_id 引用的 applications 记录「A003」因不符合契约被剔除 |
      | P003 | warning  | application_id 引用的 applications 记录「A003」因不符合契约被剔除 |
      | P404 | error    | application_id 引用的 applications 记录「A404」不在导出数据中     |
    而且 规则 NOTICE-MINORS 应无发现
    而且 规则 NOTICE-MINORS 的结论应为“未审查”

  @fixture @CONTRACT-INVALID @REL-DECLARE
  场景: 契约 v1.0 的导出使用了 v1.1 的字段:该记录不合契约,注明字段和版本
    # B01 用了 v1.1 的 declared_relations,而 meta.schema_version 为 "1.0";B02 未用新字段,照常审计。
    假如 待审计数据为“tests/fixtures/exports/contract-v1.0-with-v1.1-fields.json”
    那么 规则 CONTRACT-INVALID 的发现应为:
      | 记录 | 严重程度 | 说明                                                                                      |
      | B01  | error    | $.declared_relations 字段 declared_relations 自契约 v1.1 起才有,本导出 meta.schema_version 为 "1.0" |
    而且 规则 REL-DECLARE 的发现应为:
      | 记录 | 严重程度 | 说明                       |
      | B02  | warning  | 申请未申明本人家庭的关系   |
    而且 规则 REL-DECLARE 未审查 1 条,原因包含“依赖因不符合契约被剔除的记录”

  @audit @CONTRACT-INVALID
  场景: 审计导出数据是否符合契约
    当 检查待审计数据中的每一条记录
    那么 导出数据中的每条记录都应符合数据契约

  @audit @CONTRACT-REFERENCE
  场景: 审计导出数据中的引用
    当 检查待审计数据中的每一条记录
    那么 导出数据中的每条引用都应指向存在的记录
