// Personal names as seen in Naiman's caseload: Han names from the commonest surnames, and
// Mongolian names (often a Han-style surname such as 包 or 白 before a transliterated given name).
import { Rng } from './random';

/** Han surnames, roughly by frequency in Tongliao (repeats weight the common ones). */
const HAN_SURNAMES = [
  ...'王王王王李李李李张张张张刘刘刘刘陈陈杨杨赵赵黄周吴吴徐孙孙胡朱高高林何郭马马罗梁宋郑谢韩韩唐冯于于董程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹易常武乔贺龚文齐',
];
const MONGOLIAN_SURNAMES = [...'包包包包白白白宝宝韩吴金那乌鲍邰'];

/** Han given names by generation: what people born before 1985 were called, and after. */
const HAN_MALE_OLDER = ['伟', '强', '军', '勇', '刚', '平', '明', '华', '建国', '建军', '志强', '志刚', '海涛', '永刚', '国华', '立新', '文斌', '春雷', '振东', '德明', '玉林', '凤山', '长海', '树林', '宝山', '福全', '广才', '庆丰'];
const HAN_MALE_YOUNGER = ['磊', '杰', '涛', '斌', '超', '辉', '鹏', '飞', '鑫', '波', '宇', '浩', '子轩', '浩然', '宇航', '俊杰', '嘉豪', '梓涵', '一鸣', '天佑', '博文', '明轩'];
const HAN_FEMALE_OLDER = ['芳', '敏', '静', '丽', '艳', '霞', '玲', '红', '梅', '萍', '秀英', '桂兰', '玉兰', '淑华', '凤英', '秀珍', '桂芝', '玉梅', '丽华', '海燕', '春梅', '晓红', '雅琴', '金凤', '秀云', '淑珍'];
const HAN_FEMALE_YOUNGER = ['娜', '娟', '燕', '琳', '婷', '雪', '倩', '颖', '慧', '莉', '欣怡', '梓萱', '雨涵', '诗涵', '可欣', '思雨', '佳怡', '语桐', '若曦', '一诺'];
const MONGOLIAN_MALE = [
  '巴特尔', '额尔敦', '那仁', '朝鲁', '宝音', '苏和', '孟和', '吉日嘎拉', '阿拉坦', '布和', '哈斯', '特木尔', '图门', '乌力吉', '巴图',
  '达来', '满都拉', '额尔德木图', '宝力道', '格日勒图',
];
const MONGOLIAN_FEMALE = [
  '乌日娜', '其木格', '萨仁', '苏日娜', '娜仁花', '高娃', '乌兰', '琪琪格', '塔娜', '图雅', '格日乐', '斯琴', '托娅', '阿茹娜',
  '萨日朗', '敖登', '额尔登其其格', '包日玛', '那木汗', '金花',
];

export type NameStyle = 'han' | 'mongolian';

/** Share of Mongolian households in the assisted population (Naiman is a Mongol banner). */
export const MONGOLIAN_SHARE = 0.3;

export function pickStyle(rng: Rng): NameStyle {
  return rng.chance(MONGOLIAN_SHARE) ? 'mongolian' : 'han';
}

export function pickSurname(rng: Rng, style: NameStyle): string {
  return rng.pick(style === 'mongolian' ? MONGOLIAN_SURNAMES : HAN_SURNAMES);
}

export function pickGivenName(rng: Rng, style: NameStyle, male: boolean, birthYear: number): string {
  if (style === 'mongolian') return rng.pick(male ? MONGOLIAN_MALE : MONGOLIAN_FEMALE);
  const older = birthYear < 1985;
  return rng.pick(male ? (older ? HAN_MALE_OLDER : HAN_MALE_YOUNGER) : older ? HAN_FEMALE_OLDER : HAN_FEMALE_YOUNGER);
}

/**
 * A full name distinct from `taken` and neither containing nor contained in any of them,
 * so that a rule matching a minor's name inside a notice never hits another member by accident.
 */
export function uniqueName(rng: Rng, style: NameStyle, surname: string, male: boolean, birthYear: number, taken: readonly string[]): string {
  for (let attempt = 0; ; attempt++) {
    const name = surname + pickGivenName(rng, style, male, birthYear);
    let clash = false;
    for (let i = 0; i < taken.length && !clash; i++) clash = taken[i].includes(name) || name.includes(taken[i]);
    if (!clash) return name;
    if (attempt > 50) return name + (male ? '军' : '华') + attempt; // practically unreachable
  }
}
