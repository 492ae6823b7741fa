// Naiman banner (奈曼旗, 150525, Tongliao, Inner Mongolia): its townships (苏木乡镇), the
// Daqintala street office and the No. 6 farm, with villages (嘎查村) and communities (社区).
// Names follow the banner's pattern; the 9- and 12-digit codes are made up but well formed
// (statistical convention: 001–199 communities/居委会, 200–399 villages/村委会).

export const COUNTY_CODE = '150525';
export const COUNTY_NAME = '内蒙古自治区通辽市奈曼旗';
/** Naiman's code under Jirim league (哲里木盟) before 1999; older ID numbers still start with it. */
export const OLD_COUNTY_CODE = '152326';

export interface Township {
  code: string; // 9 digits
  name: string;
  villages: Village[];
}

export interface Village {
  code: string; // 12 digits
  name: string; // village/community level, prefixed with the township as notices print it
  urban: boolean;
  township: Township;
}

/** [township code suffix, name, communities, villages] */
const TABLE: [string, string, string[], string[]][] = [
  ['001', '大沁他拉街道', ['铁南社区', '兴隆社区', '清河社区', '富康社区', '民族社区', '光明社区'], []],
  ['100', '大沁他拉镇', ['镇区社区'], ['大沁他拉村', '孟家段村', '伊和乌素嘎查', '南湾子村', '章古台村']],
  ['101', '八仙筒镇', ['八仙筒社区'], ['三合村', '北大仓村', '朝古台嘎查', '西湖村', '哈沙图嘎查', '平安地村']],
  ['102', '青龙山镇', ['青龙山社区'], ['青龙山村', '互利村', '马莲沟村', '东升村', '四家子村']],
  ['103', '新镇', ['新镇社区'], ['新镇村', '白庙子村', '巴彦塔拉嘎查', '兴隆沼村']],
  ['104', '治安镇', ['治安社区'], ['治安村', '六合村', '老爷庙村', '小河子村']],
  ['105', '东明镇', ['东明社区'], ['东明村', '后东明村', '敖包嘎查', '前进村']],
  ['106', '沙日浩来镇', ['沙日浩来社区'], ['沙日浩来嘎查', '南沙嘎查', '乌兰敖道嘎查', '三家子村']],
  ['107', '义隆永镇', ['义隆永社区'], ['义隆永村', '八家子村', '西湾子村', '腰营子村']],
  ['200', '白音他拉苏木', [], ['白音他拉嘎查', '苏布日嘎查', '那仁嘎查', '保安昭嘎查']],
  ['201', '明仁苏木', [], ['明仁嘎查', '哈日干图嘎查', '乌兰图嘎嘎查', '查干敖包嘎查']],
  ['202', '黄花塔拉苏木', [], ['黄花塔拉嘎查', '昂乃嘎查', '格日朝鲁嘎查', '双山子村']],
  ['203', '固日班花苏木', [], ['固日班花嘎查', '宝力格嘎查', '沙布台嘎查', '伊和塔拉嘎查']],
  ['400', '六号农场', [], ['东分场', '西分场']],
];

export const TOWNSHIPS: Township[] = TABLE.map(([suffix, name, communities, villages]) => {
  const t: Township = { code: COUNTY_CODE + suffix, name, villages: [] };
  communities.forEach((v, i) => t.villages.push({ code: `${t.code}${String(1 + i).padStart(3, '0')}`, name: name + v, urban: true, township: t }));
  villages.forEach((v, i) => t.villages.push({ code: `${t.code}${String(201 + i).padStart(3, '0')}`, name: name + v, urban: false, township: t }));
  return t;
});

export const VILLAGES: Village[] = TOWNSHIPS.flatMap((t) => t.villages);
export const URBAN_VILLAGES = VILLAGES.filter((v) => v.urban);
export const RURAL_VILLAGES = VILLAGES.filter((v) => !v.urban);

/** Share of assisted households in towns: Naiman's caseload is mostly rural and pastoral. */
export const URBAN_SHARE = 0.2;
