/**
 * Assembles the page: the head with its Content-Security-Policy, the document header, the contents, the numbered
 * sections and the footer. The policy forbids every network access (`default-src 'none'`, no `connect-src`),
 * allows only the page's own stylesheet and script by their SHA-256 (so an injected `style` attribute or
 * `<script>` would not run even if escaping failed), and images only as `data:` URLs.
 */
import { createHash } from 'node:crypto';
import type { Report } from '../../model/index.js';
import { reportTitle } from '../format.js';
import { CI_SPELLED, glossaryRows, SDASH_SPELLED, spellOutFirst } from '../reader-words.js';
import { subjectAssumed } from '../tallies.js';
import { longDateTime, timeFlagNote } from './dates.js';
import { bdi, plain, text } from './escape.js';
import { FILTER_SCRIPT } from './script.js';
import type { Section } from './sections/section.js';
import { STYLES } from './styles.js';

function sha256(s: string): string {
  return `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;
}

/** The Content-Security-Policy of the page, with the hashes of its stylesheet and script. */
export function contentSecurityPolicy(): string {
  return [
    "default-src 'none'",
    `style-src ${sha256(STYLES)}`,
    `script-src ${sha256(FILTER_SCRIPT)}`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

function person(p: Report['case']['subject']): string {
  const name = p.name ? bdi(p.name) : '';
  const ids = p.identifiers.map((x) => bdi(x)).join(', ');
  return name && ids ? `${name} <span class="muted">(${ids})</span>` : name || ids || '–';
}

function header(r: Report): string {
  const i = r.incidents;
  const rows: [string, string][] = [
    [
      'Subject',
      subjectAssumed(r) ? 'not named: every sender other than the victim is counted' : person(r.case.subject),
    ],
    ['Victim', person(r.case.victim)],
  ];
  if (i.firstLocal && i.lastLocal)
    rows.push([
      'Period',
      `${longDateTime(i.firstLocal)}${timeFlagNote(i.firstTimeFlags)} – ${longDateTime(i.lastLocal)}${timeFlagNote(i.lastTimeFlags)} <span class="muted">(first to last incident)</span>`,
    ]);
  rows.push(
    [
      'Time zone',
      `${text(r.case.timezone)}${r.case.tzdata ? ` <span class="muted">(tz database ${text(r.case.tzdata)})</span>` : ''}`,
    ],
    [
      'Generated',
      `${text(r.generatedAt.replace('T', ' ').replace(/\.\d+Z$|Z$/, ''))} UTC by ${text(r.generator.name)} ${text(r.generator.version)}`,
    ],
  );
  // The accounting's words near the top, as the README defines them (reader-words.ts): five short lines.
  const words = glossaryRows(r)
    .map(([k, v]) => `<div><dt>${text(k)}</dt><dd>${text(v)}</dd></div>`)
    .join('');
  return `<header class="doc-header"><p class="kicker">Record of contact, made from the original export files</p><h1>${text(reportTitle(r))}</h1><dl class="meta">${rows.map(([k, v]) => `<div><dt>${k}</dt><dd>${v}</dd></div>`).join('')}</dl><p class="glossary-h"><strong>Words used in this report</strong></p><dl class="meta glossary">${words}</dl></header>`;
}

function contents(sections: readonly Section[]): string {
  return `<nav class="toc" aria-labelledby="toc-h"><h2 id="toc-h">Contents</h2><ol>${sections.map((s) => `<li><a href="#${s.id}">${text(s.title)}</a></li>`).join('')}</ol></nav>`;
}

function section(s: Section, k: number): string {
  return `<section class="major" id="${s.id}" aria-labelledby="${s.id}-h"><h2 id="${s.id}-h"><span class="num">${k}</span>${text(s.title)}</h2>${s.body}</section>`;
}

/** The sections with the first "95% CI" and "S-DASH" in their text spelled out, once each for the page. */
function spelledOut(main: string): string {
  return spellOutFirst(
    spellOutFirst(main, '95% CI', text(CI_SPELLED), true),
    'S-DASH',
    text(SDASH_SPELLED),
    true,
  );
}

/** The complete HTML document. */
export function page(r: Report, sections: readonly Section[]): string {
  const title = reportTitle(r);
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy()}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${plain(`${r.generator.name} ${r.generator.version}`)}">
<title>${plain(title)}</title>
<style>${STYLES}</style>
</head>
<body>
<a class="skip" href="#main">Skip to the report</a>
<div class="page">
${header(r)}
${contents(sections)}
<main id="main">
${spelledOut(sections.map((s, k) => section(s, k + 1)).join('\n'))}
</main>
<footer class="doc-footer"><p>Made by ${text(r.generator.name)} ${text(r.generator.version)} at ${text(r.generatedAt)} from the files listed in “Evidence and method”. It presents facts from those files for a person to assess; it does not assess risk or intent.</p></footer>
</div>
<script>${FILTER_SCRIPT}</script>
</body>
</html>
`;
}
