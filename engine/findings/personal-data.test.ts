import { expect } from 'chai';
import { maskText, maskValue, personal, reveal } from './personal-data';
import { maskByShape, FINDING_SHAPE } from './masking';

const names = (...values: string[]) => values.map((value) => ({ value, kind: 'name' as const }));

describe('masking schemes, one per kind', () => {
  it('keeps the first character of a name and masks each further one', () => {
    expect(reveal(personal('name', '王小明'), false)).to.equal('王**');
    expect(reveal(personal('name', '阿依古丽·买买提'), false)).to.equal('阿*******');
  });
  it('masks a one-character name entirely', () => {
    expect(maskValue('name', '岳')).to.equal('*');
  });
  it('keeps the first six characters and the check character of a resident ID number', () => {
    expect(reveal(`号码 ${personal('id', '150525197503010112')}`, false)).to.equal('号码 150525***********2');
    expect(maskValue('id', '15052519800101007X')).to.equal('150525***********X');
  });
  it('keeps the first three and last four digits of a phone number', () => {
    expect(reveal(personal('phone', '13912345678'), false)).to.equal('139****5678');
  });
  it('keeps only the last four digits of a bank card number', () => {
    expect(reveal(personal('card', '6222021234567890128'), false)).to.equal('***************0128');
  });
  it('keeps the province and office of a plate', () => {
    expect(reveal(personal('plate', '蒙G12345'), false)).to.equal('蒙G*****');
  });
  it('keeps an address down to the village or community and masks the street and house number', () => {
    expect(maskText('大沁他拉镇镇区社区幸福路12号3单元')).to.equal('大沁他拉镇镇区社区' + '*'.repeat(9));
    expect(maskText('新镇白庙子村3组六号')).to.equal('新镇白庙子村****');
    expect(maskText('住址:团结小区5号楼3单元201室(东侧)')).to.equal('住址:' + '*'.repeat(14) + '(东侧)');
  });
  it('shows wrapped values unmasked only when asked', () => {
    expect(reveal(`${personal('name', '王小明')} ${personal('text', '韩阿茹娜、那包日玛')}`, true)).to.equal('王小明 韩阿茹娜、那包日玛');
  });
});

describe('masking free text by pattern', () => {
  it('masks an ID number that arrived unwrapped', () => {
    expect(maskText('see 15052519800101007X here')).to.equal('see 150525***********X here');
  });
  it('masks phone and card numbers however they are grouped or printed', () => {
    expect(maskText('电话 139 1234 5678 / 139-1234-5678 / １３９１２３４５６７８')).to.equal('电话 139****5678 / 139****5678 / 139****5678');
    expect(maskText('座机 0475-8821234')).to.equal('座机 047****1234');
    expect(maskText('卡号 6222 0212 3456 7890 128')).to.equal('卡号 ***************0128');
  });
  it('masks an ID number that a longer grouped run hides', () => {
    expect(maskText('150525197503010112-2024')).to.equal('150525***********2-2024');
  });
  it('leaves amounts, dates, region codes, record ids and document numbers alone', () => {
    const text = '650.07元, 2024-03-01, 150525100201, A0000123456789012, 民发〔2021〕57号, 第3号, 六号农场';
    expect(maskText(text)).to.equal(text);
  });
});

describe('masking free text by the export’s own names', () => {
  it('masks a name inside other text', () => {
    expect(maskText('户主包乌力吉之女那包日玛在读', names('包乌力吉', '那包日玛'))).to.equal('户主包***之女那***在读');
  });
  it('masks every name of a list, whatever separates them', () => {
    const known = names('韩阿茹娜', '那包日玛', '夏明');
    expect(maskText('韩阿茹娜、那包日玛', known)).to.equal('韩***、那***');
    expect(maskText('韩阿茹娜,那包日玛,夏明', known)).to.equal('韩***,那***,夏*');
    expect(maskText('韩阿茹娜 那包日玛 夏明', known)).to.equal('韩*** 那*** 夏*');
  });
  it('masks the longer of two overlapping names', () => {
    expect(maskText('阿茹娜和韩阿茹娜', names('阿茹', '韩阿茹娜'))).to.equal('阿*娜和韩***');
  });
  it('masks a one-character name where it stands alone, not inside a word', () => {
    expect(maskText('夏明、岳;岳父', names('夏明', '岳'))).to.equal('夏*、*;岳父');
  });
});

describe('masking by field', () => {
  const finding = {
    rule: 'NOTICE-FIELDS',
    fingerprint: '2823267777003751',
    record: { collection: 'notices', id: '13912345678', file: 'x.json', index: 3 },
    related: [{ collection: 'deaths', id: '150525197503010112' }],
    message: { zh: '号码 13912345678' },
    actual: { value: personal('text', '卡号 2823267777003751') },
  };
  it('never touches fingerprints or the ids of records keyed by something else than a person', async () => {
    const masked = await maskByShape(finding, FINDING_SHAPE, { show: false });
    expect(masked.fingerprint).to.equal('2823267777003751');
    expect(masked.record).to.deep.equal(finding.record);
    expect(masked.message.zh).to.equal('号码 139****5678');
    expect(masked.actual.value).to.equal('卡号 ************3751');
  });
  it('masks the id of a record keyed by a resident ID number as an ID', async () => {
    const masked = await maskByShape(finding, FINDING_SHAPE, { show: false });
    expect(masked.related).to.deep.equal([{ collection: 'deaths', id: '150525***********2' }]);
    expect((await maskByShape(finding, FINDING_SHAPE, { show: true })).related[0].id).to.equal('150525197503010112');
  });
});
