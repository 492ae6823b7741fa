import { expect } from 'chai';
import path from 'node:path';
import { loadExport, LoadedExport } from '../load/loader';
import { PersonalDictionary } from './personal-dictionary';

const FIXTURE = path.resolve(__dirname, '..', '..', 'tests', 'fixtures', 'exports', 'personal-data-free-text.json');

describe('the export’s names as the dictionary for free text', function () {
  this.timeout(60_000);
  let loaded: LoadedExport;
  before(async () => {
    loaded = await loadExport(FIXTURE);
  });
  after(() => loaded.dataset.close());

  const lookup = async (texts: string[], rejected: { collection: string; record?: unknown }[] = []) => {
    const dictionary = new PersonalDictionary(loaded.dataset, rejected);
    try {
      return await dictionary.lookup(texts);
    } finally {
      await dictionary.close();
    }
  };

  it('finds members’, staff’s and relatives’ names and plates inside text, and nothing in text without them', async () => {
    const found = await lookup(['户主包乌力吉之女那包日玛', '经办人刘宝山之妻吴丽华', '车辆蒙G12345', '公示期不少于7天']);
    expect(found.map((f) => f.map((k) => `${k.kind}:${k.value}`).sort())).to.deep.equal([
      ['name:包乌力吉', 'name:那包日玛'],
      ['name:刘宝山', 'name:吴丽华'],
      ['plate:蒙G12345'],
      [],
    ]);
  });

  it('finds a one-character name only as a whole text', async () => {
    expect(await lookup(['岳', '岳父'])).to.deep.equal([[{ value: '岳', kind: 'name' }], []]);
  });

  it('finds the names of records the contract rejected, and names beyond the BMP', async () => {
    const rejected = [{ collection: 'households', record: { members: [{ name: '𠮷田花子' }, { name: '吕' }] } }];
    expect(await lookup(['成员𠮷田花子已迁出'], rejected)).to.deep.equal([[{ value: '𠮷田花子', kind: 'name' }]]);
  });
});
