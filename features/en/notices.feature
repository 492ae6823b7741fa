# language: en
@NOTICE-MINORS @clause:奈民发〔2022〕28号-二-四-2
Feature: A public notice reveals nothing about a minor (English vocabulary)
  Naiman Banner 2022 work plan (奈民发〔2022〕28号) §二(四)2:
  "不得公示申请人姓名、家庭成员数量、保障金额、所在地以外的其他信息,特别是不得公示未成年人有关信息。"
  (Nothing but the applicant's name, household size, benefit amount and location may be published;
  above all, nothing about minors.) The same rules and World as the Chinese features.

  Background:
    Given the "neimenggu-naiman" policy applies

  @spec
  Scenario Outline: an applicant who is <case> on the posting date
    Given the applicant was born on <birth>
    And a notice posted on <posted> shows the applicant's name
    Then the notice <verdict>

    Examples:
      | case                   | birth      | posted     | verdict         |
      | 18 the day before      | 2006-03-09 | 2024-03-10 | is compliant    |
      | 18 on the day          | 2006-03-10 | 2024-03-10 | is compliant    |
      | 18 only the day after  | 2006-03-11 | 2024-03-10 | is a violation  |

  @fixture
  Scenario: the sample export
    Given the export under audit is "tests/fixtures/exports/notices-basic.json"
    Then rule NOTICE-MINORS finds exactly:
      | record | severity |
      | N003   | error    |
      | N006   | error    |

  @audit
  Scenario: every notice of the export under audit
    When every notice in the export under audit is checked
    Then no notice reveals anything about a minor
