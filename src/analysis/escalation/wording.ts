/**
 * How the findings word their numbers, dates and sources: the model's number helpers (statistics.md §3) plus
 * the small phrases every sentence shares.
 */
import { citedFile } from '../../model/cited-file.js';
import type { Comparison, EventRef } from '../../model/escalation.js';
import {
  allowingForOverdispersion,
  chanceWords,
  notComputableWords,
  overdispersionCiWords,
} from '../../model/escalation-words.js';
import { cap, formatDate, formatP, formatRatio, formatRatioCi, sig2 } from '../../model/format.js';
import { timeFlagText } from '../../model/time-flags.js';

export { cap, plural } from '../../model/format.js';

/** "10 January 2024 at 23:19" from a local time. */
export function when(local: string): string {
  return local.length > 10 ? `${formatDate(local)} at ${local.slice(11, 16)}` : formatDate(local);
}

/**
 * `time` of a cited incident, then how its record says to read that time ("time approximate") and `aside`, in
 * one pair of parentheses: "2024-03-02 20:00 (time approximate; the window starts …)". Without a note or an
 * aside, `time` alone: an exact time reads as it always has.
 */
export function noted(time: string, r: EventRef, aside = ''): string {
  const parts = [timeFlagText(r.timeFlags), aside].filter((p) => p !== '');
  return parts.length > 0 ? `${time} (${parts.join('; ')})` : time;
}

/** "10 January 2024 at 23:19" of a cited incident, with its time note and `aside` (see `noted`). */
export function whenRef(r: EventRef, aside = ''): string {
  return noted(when(r.local), r, aside);
}

/**
 * `whenRef` for a sentence already inside parentheses: the note and `aside` in brackets, "… at 20:00 [time
 * approximate; chat.txt, line 4]".
 */
export function whenRefInner(r: EventRef, aside = ''): string {
  const parts = [timeFlagText(r.timeFlags), aside].filter((p) => p !== '');
  return parts.length === 0 ? when(r.local) : `${when(r.local)} [${parts.join('; ')}]`;
}

/**
 * "file, locator" of an incident: the file by the end of its path that no other input shares (`citedFile`), the
 * file name alone when it is the only input of that name ("_chat.txt, line 4").
 */
export function cite(r: EventRef): string {
  return `${citedFile(r)}, ${r.locator}`;
}

/** "whatsapp 61, sms 9". */
export function channelList(rows: readonly { channel: string; count: number }[]): string {
  return rows.map((r) => `${r.channel} ${r.count}`).join(', ');
}

/** "4.9 contacts a day". */
export function perDay(rate: number | null): string {
  return `${sig2(rate)} ${rate === 1 ? 'contact' : 'contacts'} a day`;
}

/**
 * The statistics of a comparison, "(rate ratio 1.7, 95% CI 1.5–1.9; exact test p < 0.001; …)", with `counts`
 * ("based on 1 contact before and 5 after") before the note on chance, when given. The interval allowing for
 * overdispersion is given only where it is wider than the exact one (`allowingForOverdispersion`): a quasi-Poisson
 * interval narrower at one end is replaced there by the exact limit, one inside the exact interval is said to be
 * no wider, and one the step model cannot give (its whole days on one side have no contacts) is said to be not
 * computable, as every report says it. One that would read as the exact interval does is given with more digits,
 * beside the exact one to as many (`overdispersionCiWords`).
 */
export function comparisonStats(c: Comparison, counts = ''): string {
  const ratio =
    c.rateRatio === null
      ? `the rate ratio is infinite, ${formatRatioCi(c.ci95)}`
      : `rate ratio ${formatRatio(c.rateRatio)}, ${formatRatioCi(c.ci95)}`;
  const o = allowingForOverdispersion(c);
  const od = !o
    ? ''
    : o.kind === 'not-computable'
      ? `; allowing for overdispersion, ${notComputableWords(o.cause)}`
      : o.kind === 'inside'
        ? '; allowing for overdispersion, the interval is no wider, as the quasi-Poisson one lies inside it'
        : `; allowing for overdispersion, ${overdispersionCiWords(o.ci95, c.ci95)}${o.kind === 'hull' ? ', taking the wider limit at each end of the exact interval and the quasi-Poisson one' : ''}`;
  return `(${ratio}; exact conditional Poisson test ${formatP(c.p)}${od}${counts ? `; ${counts}` : ''}${chanceWords(c) ? `; ${chanceWords(c)}` : ''})`;
}

/** Says where a side was cut at an estimated change point (its boundary came from the data). */
export function boundNote(c: Pick<Comparison, 'before' | 'after'>): string {
  const cut: string[] = [];
  if (c.before.boundedBy === 'change-point' && c.before.from)
    cut.push(`the earlier period starts at the estimated change around ${formatDate(c.before.from)}`);
  if (c.after.boundedBy === 'change-point' && c.after.to)
    cut.push(`the later period ends on ${formatDate(c.after.to)}, before an estimated change`);
  return cut.length ? ` ${cap(cut.join('; '))}.` : '';
}

/** A label as it reads mid-sentence ("Police warning" → "police warning"; acronyms kept). */
export function lower(label: string): string {
  return /^[A-Z][a-z]/.test(label) ? label[0]!.toLowerCase() + label.slice(1) : label;
}
