import { noticeFields } from './fields';
import { noticeMinors } from './minors';
import { noticePeriod } from './period';
import { noticePiiValues } from './pii-values';
import { noticeRequired } from './required';

export const noticeRules = [noticeFields, noticePiiValues, noticeMinors, noticeRequired, noticePeriod];
