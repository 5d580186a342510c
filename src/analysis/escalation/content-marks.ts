/**
 * The marks the content search (content.ts) gives incidents' texts while the timeline is read
 * (timeline/text-marks.ts), made from the lexicon's term lists alone: the parse worker (cli/parse-worker.ts) is
 * sent the lists and marks each text as it reads it, so that the thread building the timeline only copies the
 * answer (a million-message chat's marking was ~0.1 s of that thread, and building the search ~40 ms more).
 * Both threads make their marks here, from the same lists: the same key, the same answers.
 */
import { keyed, type TextClassifier } from '../../timeline/text-marks.js';
import { type ByteSearch, byteSearch } from './byte-search.js';

/** A text's mark when it is empty; any other mark is the byte search's answer. */
export const EMPTY = -2;

/**
 * The classifier marking texts with the byte search's answers for the term lists `lists` (one per lexicon
 * category), known by them (`keyed`). The search is built at its first text: a thread whose texts all come
 * marked from the worker never builds it.
 */
export function contentMarks(lists: readonly (readonly string[])[]): TextClassifier {
  let onBytes: ByteSearch | undefined;
  return keyed(`content\u0000${JSON.stringify(lists)}`, (bytes, start, end) => {
    if (start === end) return EMPTY;
    onBytes ??= byteSearch(lists);
    return onBytes(bytes, start, end);
  });
}
