import { expect } from 'chai';
import { Dataset } from '../../../engine/dataset/dataset';
import { residentIdCheckChar } from '../../checks/resident-id';
import { checkCharSql } from './id-check';

describe('the SQL check character of CONTRACT-ID-CHECK', () => {
  it('equals residentIdCheckChar for every body it is given', async () => {
    const bodies = ['00000000000000000', '99999999999999999', '11010519491231002', '15052519820315002'];
    for (let i = 0; i < 500; i++) bodies.push(Array.from({ length: 17 }, () => Math.floor(Math.random() * 10)).join(''));
    const ds = await Dataset.open();
    try {
      const rows = await ds.all<{ b: string; c: string }>(
        `SELECT b, ${checkCharSql('CAST(b AS BIGINT)')} AS c FROM (SELECT unnest([${bodies.map((b) => `'${b}'`).join(',')}]) AS b)`,
      );
      expect(rows.map((r) => `${r.b}${r.c}`)).to.deep.equal(bodies.map((b) => `${b}${residentIdCheckChar(b)}`));
    } finally {
      ds.close();
    }
  });
});
