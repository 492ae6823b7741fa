# language: zh-CN
@clause:contract-v1
功能: 导出数据须符合数据契约
  《案件导出数据契约 v1》(schemas/case-export.schema.json):
  "A record that does not conform to the export contract is reported with file, line, field path and reason, and left out of every other rule; a run with such records is not clean."
  "A record that refers to another that the export lacks (a payment of an unknown application, a filing for an unknown staff id) is reported; the rules that need the missing record mark it not_reviewed."

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

  @spec @CONTRACT-INVALID
  场景大纲: 金额最多两位小数(<情形>)
    假如 一笔发放金额为<金额>
    那么 该记录<结论>

    例子:
      | 情形     | 金额     | 结论         |
      | 两位小数 | “650.07” | 符合规定     |
      | 三位小数 | “650.075”| 违反数据契约 |
      | 负数     | “-1”     | 违反数据契约 |

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

  @audit @CONTRACT-INVALID
  场景: 审计导出数据是否符合契约
    当 检查待审计数据中的每一条记录
    那么 导出数据中的每条记录都应符合数据契约

  @audit @CONTRACT-REFERENCE
  场景: 审计导出数据中的引用
    当 检查待审计数据中的每一条记录
    那么 导出数据中的每条引用都应指向存在的记录
