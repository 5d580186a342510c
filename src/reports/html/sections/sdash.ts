/**
 * Section 4, the S-DASH evidence sheet: shown only when the report has `report.escalation`. chronolog never
 * answers or scores the checklist (domain reference §4.1): for each question it lists the facts found in the
 * files and links the incidents behind them, for the officer completing the form, and says plainly when the
 * files cannot speak to a question.
 */
import type { Report } from '../../../model/index.js';
import { int } from '../../format.js';
import { sdashEvidenceWords } from '../../reader-words.js';
import { fileName, text } from '../escape.js';
import { ref } from './escalation/common.js';
import type { HtmlContext, Section } from './section.js';

type Item = NonNullable<Report['escalation']>['sdash'][number];

function item(q: Item, ctx: HtmlContext): string {
  const facts = q.facts.map((f) => {
    const refs = f.events.map((e) => `<li>${ref(e, ctx)}</li>`).join('');
    const more = f.more ? `<li class="muted">and ${int(f.more)} more</li>` : '';
    return `<li>${fileName(f.text, ctx.names)}${refs || more ? `<ul class="refs">${refs}${more}</ul>` : ''}</li>`;
  });
  const body = q.answerable
    ? facts.length
      ? `<ul class="facts">${facts.join('')}</ul>`
      : '<p>No facts bearing on this question were found in the files.</p>'
    : '<p class="muted">Cannot be answered from these files: a matter for the assessor.</p>';
  return `<div class="sdash-item"><h3><span class="qnum">Q${int(q.number)}</span> ${text(q.question)}</h3><p class="muted">${text(sdashEvidenceWords(q.backedByData))}.</p>${body}${q.note ? `<p class="sd-note">${text(q.note)}</p>` : ''}</div>`;
}

export function sdashSection(r: Report, ctx: HtmlContext): Section | null {
  const items = r.escalation?.sdash;
  if (!items || items.length === 0) return null;
  const intro =
    '<p>Facts from the files that an officer completing the S-DASH checklist may use, question by question (the questions’ sense, paraphrased). chronolog does not answer or score the questions and gives no risk level: risk assessment is a professional judgement. Incidents are linked to the chronology.</p>';
  return {
    id: 'sdash',
    title: 'S-DASH evidence sheet',
    body:
      intro +
      [...items]
        .sort((a, b) => a.number - b.number)
        .map((q) => item(q, ctx))
        .join(''),
  };
}
