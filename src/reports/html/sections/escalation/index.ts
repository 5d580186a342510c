/**
 * Section 3, "Change over time" (the JSON's `escalation`; the heading is neutral because contact may rise, fall or
 * stay flat): shown only when the report has `report.escalation`. How often contact happened and how that changed
 * — over the window, now against the start, as a trend with estimated change points, around each milestone and
 * after the first request to stop — then month by month, identifiers, bursts and the content lexicon. Every
 * inferential figure names its method and says when it was withheld and why; the wording describes the data,
 * never intent or cause. The findings sentences are on the summary page and the methods in "Evidence and method".
 * The Markdown report gives its subsections the same names (markdown-escalation.ts).
 */
import type { Report } from '../../../../model/index.js';
import type { HtmlContext, Section } from '../section.js';
import { ceaseRequest, milestones } from './milestones.js';
import { bursts, content, identifiers, monthly } from './patterns.js';
import { coverage, headline, rates, trend } from './rates.js';

function sub(id: string, title: string, body: string): string {
  return body
    ? `<section class="subsection" id="${id}" aria-labelledby="${id}-h"><h3 id="${id}-h">${title}</h3>${body}</section>`
    : '';
}

export function escalationSection(r: Report, ctx: HtmlContext): Section | null {
  const e = r.escalation;
  if (!e) return null;
  const body = [
    '<p>How often contact happened and how that changed. Each figure names its method; a figure below the minimum amount of data is withheld with the reason. The wording describes the counts, not intent or cause.</p>',
    sub('esc-coverage', 'Window and coverage', coverage(e, ctx)),
    sub('esc-rate', 'Rate of contact', rates(e, ctx)),
    sub('esc-now', 'Latest rate against the first', headline(e)),
    sub('esc-trend', 'Trend and estimated change points', trend(r, e, ctx)),
    sub('esc-milestones', 'Before and after the milestones', milestones(r, e, ctx)),
    sub('esc-cease', 'Requests to stop', ceaseRequest(e, ctx)),
    sub('esc-monthly', 'Month by month', monthly(e)),
    sub('esc-identifiers', 'Identifiers over time', identifiers(e, ctx)),
    sub('esc-bursts', 'Bursts', bursts(e, ctx)),
    sub('esc-content', 'Words in the messages', content(e, ctx)),
  ].join('');
  // The id is the fragment the Contents links to and the address bar shows, so it reads as the heading does.
  return { id: 'change-over-time', title: 'Change over time', body };
}
