// A mistake in a vocabulary rule: one line in Chinese and one in English, naming the feature
// file and line, so policy staff can fix it without reading code.
import { JiuzhuError } from '../../engine/errors';
import { Place } from './ir';

export class VocabularyError extends JiuzhuError {
  constructor(
    readonly place: Place,
    readonly reason: { zh: string; en: string },
  ) {
    super(`${place.file}:${place.line}: ${reason.zh}`, `${place.file}:${place.line}: ${reason.en}`);
    this.name = 'VocabularyError';
  }
}

/** A mistake found while reading one sentence; the parser adds the place. */
export class SentenceError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${zh} / ${en}`);
  }
}
