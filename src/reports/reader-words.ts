/**
 * Words the reports people read (text, Markdown, HTML) share where the JSON keeps a code or a terse value: what a
 * comparison's side is bounded by, what the S-DASH sheet's "backed by data" says, the glossary of the accounting's
 * terms, and the first use of an abbreviation spelled out. The JSON keeps its values as they are.
 */
import type { Report } from '../model/index.js';
import { subjectAssumed } from './tallies.js';

/** The checklist's name as the reports spell it out once: "S-DASH" alone said nothing to a reader outside police. */
export const SDASH_SPELLED = 'S-DASH (the stalking and harassment risk checklist)';

/** "95% CI" at its first use in a report. */
export const CI_SPELLED = '95% confidence interval (CI)';

const BOUNDS: Readonly<Record<string, string>> = {
  window: 'the window',
  coverage: 'the days every export covers',
  'fully covered days': 'the days every export covers',
  'change-point': 'an estimated change point',
  milestone: 'another milestone',
};

/** What a comparison's side is bounded by, in words: "an estimated change point", never `change-point`. */
export function boundWords(boundedBy: string): string {
  return BOUNDS[boundedBy] ?? boundedBy;
}

/**
 * What the files can give for an S-DASH question, worded as what it is: "Evidence in these files: diary rows",
 * "These files cannot inform it (self-report)". "— can these files inform it? Yes (diary)" after the question in
 * bold read as an answer to the question itself.
 */
export function sdashEvidenceWords(backedByData: string): string {
  const m = /^(\w+)(?: only)?(?: \((.*)\))?$/.exec(backedByData);
  const head = m?.[1]?.toLowerCase();
  const why = m?.[2];
  if (head === 'no') return `These files cannot inform it${why ? ` (${why})` : ''}`;
  if (head === 'diary') return 'Evidence in these files: diary rows only';
  if (head === 'yes')
    return `Evidence in these files: ${why === 'diary' ? 'diary rows' : 'the records read'}`;
  if (head === 'partly') return 'Evidence in these files: in part';
  return `Evidence in these files: ${backedByData}`;
}

/**
 * The glossary of the accounting's words (README, Accounting): [term, meaning] rows, at most six lines. With no
 * subject named an incident is any other sender's, and it says so.
 */
export function glossaryRows(r: Report): [string, string][] {
  const whose = subjectAssumed(r)
    ? 'from a sender other than the victim (no subject was named)'
    : 'attributed to the subject';
  return [
    [
      'Record',
      'one item read from an export file: a message, a call, a diary row. Each is an event, skipped or rejected.',
    ],
    ['Event', 'a record of a contact; events = kept + duplicates.'],
    ['Duplicate', 'a copy of an event already read from another file (overlapping exports): counted once.'],
    [
      'Skipped, rejected',
      'skipped: not a contact (e.g. a system notice); rejected: could not be read (listed under Problems).',
    ],
    [
      'Incident, contact',
      `a kept event ${whose}; the victim’s own messages are not incidents. The findings call incidents contacts.`,
    ],
  ];
}

/**
 * `s` with the first `term` that stands in text (not inside an HTML tag, when `html`) replaced by `spelled`; `s`
 * as it is when the term is not there.
 */
export function spellOutFirst(s: string, term: string, spelled: string, html = false): string {
  let at = s.indexOf(term);
  while (at >= 0 && (html ? inTagOrHeading(s, at) : inHeadingLine(s, at))) at = s.indexOf(term, at + 1);
  return at < 0 ? s : `${s.slice(0, at)}${spelled}${s.slice(at + term.length)}`;
}

/** Inside a tag (an attribute) or a heading's text: a heading keeps its short name ("S-DASH evidence sheet"). */
function inTagOrHeading(s: string, at: number): boolean {
  if (s.lastIndexOf('<', at) > s.lastIndexOf('>', at)) return true;
  return (
    s.lastIndexOf('<h', at) > s.lastIndexOf('</h', at) && /^<h[1-6]\b/.test(s.slice(s.lastIndexOf('<h', at)))
  );
}

/** On a Markdown heading line (`### S-DASH evidence sheet`). */
function inHeadingLine(s: string, at: number): boolean {
  return s.charAt(s.lastIndexOf('\n', at) + 1) === '#';
}
