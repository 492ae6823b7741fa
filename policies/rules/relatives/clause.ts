import { DIBAO_REVIEW, SOCIAL_ASSISTANCE } from '../../instruments';
import { Clause } from '../../rule';

// Applications by close relatives of caseworkers and village/community cadres are declared,
// filed separately and verified (locally, e.g. 奈民发〔2022〕28号 二(五)1–2, 闽民保〔2017〕204号 三(三)).
export const INSPECTION_CLAUSE: Clause = { document: DIBAO_REVIEW, verify: '近亲属申请如实申明、单独登记备案及核查的条款号', tag: '奈民发〔2022〕28号-二-五-2' };
// Approving an application that does not qualify is itself a breach (暂行办法 第六十六条(三), checked).
export const INELIGIBLE_CLAUSE: Clause = { document: SOCIAL_ASSISTANCE, section: '第六十六条', note: '(三)对不符合救助条件的救助申请予以批准的', tag: '奈民发〔2022〕28号-二-五-2' };
export const FILING_CLAUSE: Clause = { document: DIBAO_REVIEW, verify: '单独登记备案的条款号', tag: '闽民保〔2017〕204号-三-三' };
// Recusal of the related staff member; a profile may switch it off with its source.
export const RECUSAL_CLAUSE: Clause = { document: DIBAO_REVIEW, verify: '经办人员回避的明文条款;如无明文,属本工具默认做法,地方配置可关闭', tag: 'national-回避' };
