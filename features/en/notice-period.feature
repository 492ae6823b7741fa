# language: en
@NOTICE-PERIOD @clause:某区低保精细化管理报告-公示七天
Feature: A notice runs its full period before the decision (English vocabulary)
  The notice period counts the posting day and the last day (posted on the 1st, ending on the 7th: 7 days);
  the review decision waits until the day after the notice ends. A verdict may name the kind of violation.

  Background:
    Given the "neimenggu-naiman" policy applies

  @spec
  Scenario Outline: a notice posted on <posted> and ending on <ends>, decided on <decided>
    Given an initial notice is posted on <posted> and ends on <ends>
    And the decision is made on <decided>
    Then the notice <verdict>

    Examples:
      | posted     | ends       | decided    | verdict                                  |
      | 2024-03-01 | 2024-03-07 | 2024-03-08 | is compliant                             |
      | 2024-03-01 | 2024-03-06 | 2024-03-08 | is a violation (too few days)            |
      | 2024-03-01 | 2024-03-07 | 2024-03-07 | is a violation (decided before the end)  |
      | 2024-02-08 | 2024-02-14 | 2024-02-15 | is compliant                             |
