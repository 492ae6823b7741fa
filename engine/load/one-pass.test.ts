// The one pass types a line with DuckDB's lenient typed parse (123 read into a string field
// as '123', 12.345 into money as 12.35, "2024-1-1" as a date, 1 as true, a repeated key as its
// first value) and passes it only when the line is, byte for byte, the compact JSON text of
// what was read. Each anomaly below would be typed wrongly or silently; each must make the
// line suspect (the second look then judges it from its own text).
import { expect } from 'chai';
import schema from '../../schemas/case-export.schema.json';
import { CollectionName, defName } from '../../schemas/case-export';
import { Dataset } from '../dataset/dataset';
import { keyOrders, onePass, onePassSelect } from './one-pass';

// In the contract's key order (the order the plan writes when it has learnt none).
const PAYMENT = '{"payment_id":"P1","application_id":"A1","household_id":"H1","program":"dibao","region_code":"150525","month":"2024-03","amount":650.07,"paid_on":"2024-03-15","channel":"bank"}';
const MEMBER = '{"person_id":"150525197503010112","name":"王建国","birth_date":"1975-03-01","relation":"head","serious_illness":true,"disability_grade":2}';
const HOUSEHOLD = `{"household_id":"H1","region_code":"150525100201","region_name":"希望村","area_type":"rural","members":[${MEMBER}]}`;

let ds: Dataset;
before(async () => (ds = await Dataset.open()));
after(() => ds.close());

/** Whether the one pass finds the line suspect, with the key order of `sample` learnt. */
async function suspect(collection: CollectionName, line: string, sample?: string): Promise<boolean> {
  const plan = onePass(schema, defName(collection), sample ? keyOrders([JSON.parse(sample)]) : undefined);
  const [{ s }] = await ds.all<{ s: boolean }>(`SELECT _suspect AS s FROM (${onePassSelect(plan, '(SELECT 1 AS _line, ?::VARCHAR AS j)')})`, [line]);
  return s;
}

/** The line with `from` replaced by `to`, checking that the edit applied. */
function edited(line: string, from: string, to: string): string {
  expect(line, `holds ${from}`).to.include(from);
  return line.replace(from, to);
}

describe('the one pass: lines it passes', () => {
  it('passes a plain compact line in the contract key order', async () => {
    expect(await suspect('payments', PAYMENT)).to.equal(false);
    expect(await suspect('households', HOUSEHOLD)).to.equal(false);
  });

  it('passes a line whose keys are in the order learnt from the file', async () => {
    const reordered = '{"amount":650.07,"payment_id":"P1","application_id":"A1","household_id":"H1","program":"dibao","region_code":"150525","month":"2024-03","paid_on":"2024-03-15","channel":"bank"}';
    expect(await suspect('payments', reordered, reordered)).to.equal(false);
  });

  it('leaves a valid line in another key order than the file’s to the second look', async () => {
    const reordered = '{"amount":650.07,"payment_id":"P1","application_id":"A1","household_id":"H1","program":"dibao","region_code":"150525","month":"2024-03","paid_on":"2024-03-15","channel":"bank"}';
    expect(await suspect('payments', reordered, PAYMENT)).to.equal(true);
  });

  it('passes an optional key the sample did not write, at its place in the contract order', async () => {
    const withPerson = edited(PAYMENT, '"household_id":"H1"', '"household_id":"H1","person_id":"150525197503010112"');
    expect(await suspect('payments', withPerson, PAYMENT)).to.equal(false);
  });

  it('passes a nested object whose only written member is an optional one', async () => {
    const warning = '{"warning_id":"W1","household_id":"H1","type":"vehicle","raised_on":"2024-03-01","evidence_due":"2024-03-15","response":{"credible":true},"outcome":"continued","outcome_on":"2024-03-20"}';
    expect(await suspect('warnings', warning)).to.equal(false);
  });
});

describe('the one pass: a string field holding another JSON type', () => {
  it('flags a number', async () => {
    expect(await suspect('payments', edited(PAYMENT, '"household_id":"H1"', '"household_id":71'))).to.equal(true);
  });

  it('flags a boolean', async () => {
    expect(await suspect('payments', edited(PAYMENT, '"household_id":"H1"', '"household_id":true'))).to.equal(true);
  });

  it('flags an object', async () => {
    expect(await suspect('payments', edited(PAYMENT, '"household_id":"H1"', '"household_id":{"H":1}'))).to.equal(true);
  });

  it('flags an array', async () => {
    expect(await suspect('payments', edited(PAYMENT, '"household_id":"H1"', '"household_id":[1]'))).to.equal(true);
  });
});

describe('the one pass: numbers, dates and booleans the typed parse reads leniently', () => {
  it('flags money written as a string', async () => {
    expect(await suspect('payments', edited(PAYMENT, '650.07', '"650.07"'))).to.equal(true);
  });

  it('flags money with more decimals than it keeps (the parse rounds them)', async () => {
    expect(await suspect('payments', edited(PAYMENT, '650.07', '650.071'))).to.equal(true);
    expect(await suspect('payments', edited(PAYMENT, '650.07', '1.005'))).to.equal(true);
  });

  it('flags money in exponent form', async () => {
    expect(await suspect('payments', edited(PAYMENT, '650.07', '6.50071e2'))).to.equal(true);
    expect(await suspect('payments', edited(PAYMENT, '"amount":650.07', '"amount":1e2'))).to.equal(true);
  });

  it('flags a date without leading zeros', async () => {
    expect(await suspect('payments', edited(PAYMENT, '"2024-03-15"', '"2024-3-15"'))).to.equal(true);
  });

  it('flags a date beyond four digits of year', async () => {
    expect(await suspect('payments', edited(PAYMENT, '"2024-03-15"', '"12024-03-15"'))).to.equal(true);
  });

  // DuckDB reads these into a DATE and writes them back as they were written.
  it('flags an endless date', async () => {
    expect(await suspect('payments', edited(PAYMENT, '"2024-03-15"', '"-infinity"'))).to.equal(true);
    expect(await suspect('payments', edited(PAYMENT, '"2024-03-15"', '"infinity"'))).to.equal(true);
  });

  it('flags a date before the common era', async () => {
    expect(await suspect('payments', edited(PAYMENT, '"2024-03-15"', '"2024-03-15 (BC)"'))).to.equal(true);
  });

  it('flags a boolean written as a number', async () => {
    expect(await suspect('households', edited(HOUSEHOLD, '"serious_illness":true', '"serious_illness":1'))).to.equal(true);
  });

  it('flags an integer written with a fraction', async () => {
    expect(await suspect('households', edited(HOUSEHOLD, '"disability_grade":2', '"disability_grade":2.0'))).to.equal(true);
  });
});

describe('the one pass: text around the values', () => {
  it('flags a string field holding a number together with a number field holding a string', async () => {
    // Two leniencies whose lengths and quote counts cancel: the text still differs.
    const line = edited(edited(PAYMENT, '"household_id":"H1"', '"household_id":71'), '650.07', '"650.07"');
    expect(line.length).to.equal(PAYMENT.length);
    expect(await suspect('payments', line)).to.equal(true);
  });

  it('flags a date without leading zeros together with a rounded amount', async () => {
    // One byte shorter and one byte longer than the text written back, with the same quotes.
    const line = edited(edited(PAYMENT, '"2024-03-15"', '"2024-3-15"'), '650.07', '650.071');
    expect(line.length).to.equal(PAYMENT.length);
    expect(await suspect('payments', line)).to.equal(true);
  });

  it('flags a key given twice with the same value', async () => {
    expect(await suspect('payments', edited(PAYMENT, '"amount":650.07', '"amount":650.07,"amount":650.07'))).to.equal(true);
  });

  it('flags whitespace between tokens', async () => {
    expect(await suspect('payments', edited(PAYMENT, '"amount":', '"amount": '))).to.equal(true);
  });

  it('flags a null for an optional field', async () => {
    expect(await suspect('payments', edited(PAYMENT, '"program"', '"person_id":null,"program"'))).to.equal(true);
  });

  it('flags a null in a list', async () => {
    const application = '{"application_id":"A1","household_id":"H1","applicant_person_id":"150525197503010112","program":"dibao","region_code":"150525","applied_on":"2024-03-01","route":"standard","handled_by":["JB1"]}';
    expect(await suspect('applications', application), 'without the null').to.equal(false);
    expect(await suspect('applications', edited(application, '["JB1"]', '["JB1",null]'))).to.equal(true);
  });

  it('flags an empty string in a list of dates (read as a NULL date)', async () => {
    const tracking = '"tracking":{"from":"2024-01-01","until":"2024-06-30","talks":["2024-02-01"]}';
    const accountability = `{"case_id":"C1","staff_id":"S1","error":"omission","occurred_on":"2024-01-01","facts":{"abuse_of_power":false,"personal_gain":false,"repeated_same_matter":false,"failed_timely_remedy":false,"major_loss":false,"knowingly":false},"claimed_situations":[],"outcome":"pending","steps":[],${tracking}}`;
    expect(await suspect('accountability_cases', accountability), 'with a date').to.equal(false);
    expect(await suspect('accountability_cases', edited(accountability, '["2024-02-01"]', '[""]'))).to.equal(true);
  });

  it('flags an endless or BC date in a list of dates', async () => {
    const tracking = '"tracking":{"from":"2024-01-01","until":"2024-06-30","talks":["2024-02-01"]}';
    const accountability = `{"case_id":"C1","staff_id":"S1","error":"omission","occurred_on":"2024-01-01","facts":{"abuse_of_power":false,"personal_gain":false,"repeated_same_matter":false,"failed_timely_remedy":false,"major_loss":false,"knowingly":false},"claimed_situations":[],"outcome":"pending","steps":[],${tracking}}`;
    for (const day of ['"-infinity"', '"infinity"', '"2024-02-01 (BC)"'])
      expect(await suspect('accountability_cases', edited(accountability, '["2024-02-01"]', `["2024-02-01",${day}]`)), day).to.equal(true);
  });

  it('flags an empty string for a required date (read as NULL)', async () => {
    expect(await suspect('payments', edited(PAYMENT, '"2024-03-15"', '""'))).to.equal(true);
  });

  it('flags an escape in a string', async () => {
    expect(await suspect('payments', edited(PAYMENT, '"A1"', '"\\u0041\\u0031"'))).to.equal(true);
  });

  it('flags a key the contract does not describe', async () => {
    expect(await suspect('payments', edited(PAYMENT, '"channel":"bank"', '"channel":"bank","note":"x"'))).to.equal(true);
  });
});

describe('the one pass: value checks on the typed record', () => {
  it('flags a value outside its enumeration', async () => {
    expect(await suspect('payments', edited(PAYMENT, '"bank"', '"post"'))).to.equal(true);
  });

  it('flags a missing required field', async () => {
    expect(await suspect('payments', edited(PAYMENT, ',"channel":"bank"', ''))).to.equal(true);
  });

  it('flags a value its pattern refuses', async () => {
    expect(await suspect('payments', edited(PAYMENT, '"2024-03"', '"2024-13"'))).to.equal(true);
  });

  it('flags money above its maximum', async () => {
    expect(await suspect('payments', edited(PAYMENT, '650.07', '10000000000'))).to.equal(true);
  });

  it('flags an empty identifier', async () => {
    expect(await suspect('payments', edited(PAYMENT, '"P1"', '""'))).to.equal(true);
  });
});

describe('the one pass: value checks on a list of strings, on the whole list', () => {
  const FRAUD = '{"case_id":"F1","household_id":"H1","person_ids":["150525197503010112","15052519750301011X"],"stage":"in_receipt","amount":10,"circumstances":["forged_documents","impersonation"],"found_on":"2024-05-01"}';

  it('passes a list whose every element matches', async () => {
    expect(await suspect('fraud_cases', FRAUD)).to.equal(false);
  });

  it('flags one element outside the enumeration', async () => {
    expect(await suspect('fraud_cases', edited(FRAUD, '"impersonation"', '"theft"'))).to.equal(true);
  });

  it('flags one element its pattern refuses, wherever it is', async () => {
    expect(await suspect('fraud_cases', edited(FRAUD, '"15052519750301011X"', '"1505251975030101"'))).to.equal(true);
    expect(await suspect('fraud_cases', edited(FRAUD, '"150525197503010112"', '"1505251975030101"'))).to.equal(true);
  });

  it('flags a lone empty element its pattern refuses', async () => {
    expect(await suspect('fraud_cases', edited(FRAUD, '["150525197503010112","15052519750301011X"]', '[""]'))).to.equal(true);
  });

  it('flags an empty element where each needs a character', async () => {
    const application = '{"application_id":"A1","household_id":"H1","applicant_person_id":"150525197503010112","program":"dibao","region_code":"150525","applied_on":"2024-03-01","route":"standard","handled_by":["JB1"]}';
    expect(await suspect('applications', edited(application, '["JB1"]', '["JB1",""]'))).to.equal(true);
  });
});

describe('key orders learnt from sample records', () => {
  it('orders each object path’s keys as the records write them', () => {
    const orders = keyOrders([{ b: 1, a: { y: 1, x: 2 }, l: [{ q: 1, p: 2 }] }]);
    expect(Object.fromEntries(orders)).to.deep.equal({ '': ['b', 'a', 'l'], a: ['y', 'x'], 'l[]': ['q', 'p'] });
  });

  it('merges records that each write some of the keys', () => {
    expect(keyOrders([{ a: 1, c: 1 }, { b: 1, c: 1 }, { a: 1, b: 1 }]).get('')).to.deep.equal(['a', 'b', 'c']);
  });
});
