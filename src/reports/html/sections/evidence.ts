/**
 * Section 6, evidence and method: every input file with its SHA-256, size, format and accounting; the files not
 * read; how the report was made (tool version, paths, options, case file, zone and tz database, generated-at);
 * what each figure counts and its limits; how to check the inputs; and the problems found while reading.
 */

import { cap } from '../../../model/format.js';
import type { Report, SkippedAt } from '../../../model/index.js';
import { ARCHIVE_NOTE, archivesOf } from '../../archives.js';
import { duplicatesNote } from '../../duplicates-command.js';
import { bookCells, duplicatesCited, inputMark, int, reasonCounts } from '../../format.js';
import { notListedNote } from '../../problem-lines.js';
import { bdi, fileName, plainName, text } from '../escape.js';
import { table } from '../table.js';
import { methodsOf } from './methods.js';
import type { HtmlContext, Section } from './section.js';
import { accountingLine } from './summary.js';

/** The reasons and counts under a file's name; where the skipped records are, when the report says (skippedAt). */
function reasons(label: string, record: Record<string, number>, at?: Record<string, SkippedAt>): string {
  const said = reasonCounts(record, at);
  return said === '' ? '' : `<span class="sub">${label}: ${text(said)}</span>`;
}

/**
 * Where the file's duplicates are and the copies kept, when the report says (duplicatesAt); the files kept in by
 * their keys in this table, linked to their rows, as the chronology cites them.
 */
function duplicates(x: Report['inputs'][number], ctx: HtmlContext): string {
  const file = (path: string) => {
    const key = ctx.inputKeys.get(path);
    return key
      ? `<a href="#${key.toLowerCase()}" title="${plainName(path, ctx.names)}">${key}</a>`
      : `<bdi>${fileName(path, ctx.names)}</bdi>`;
  };
  return x.duplicatesAt
    ? `<span class="sub">duplicates: ${int(x.duplicates)} (${duplicatesCited(x.duplicatesAt, x.duplicates, file, text)})</span>`
    : '';
}

function size(bytes: number): string {
  if (bytes < 1024) return `${int(bytes)} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

function inputs(r: Report, ctx: HtmlContext): string {
  const a = r.accounting;
  return table({
    caption: 'Files read: key, file and SHA-256, format, size, and what became of their records',
    columns: [
      { label: 'Key' },
      { label: 'File and SHA-256', cls: 'file' },
      { label: 'Format', cls: 'nowrap' },
      { label: 'Size', num: true },
      { label: 'Records', num: true },
      { label: 'Kept', num: true },
      { label: 'Duplicates', num: true },
      { label: 'Skipped', num: true },
      { label: 'Rejected', num: true },
    ],
    rows: r.inputs.map((x) => {
      const key = ctx.inputKeys.get(x.path) ?? '';
      return [
        `<span id="${key.toLowerCase()}">${key}</span>`,
        `<bdi class="path">${fileName(x.path, ctx.names)}</bdi><code class="hash">${text(x.sha256)}</code>${reasons('skipped', x.skippedReasons, x.skippedAt)}${reasons('rejected', x.rejectedReasons)}${duplicates(x, ctx)}${markOf(x)}`,
        text(x.format),
        `<span title="${int(x.bytes)} bytes">${size(x.bytes)}</span>`,
        ...bookCells(x),
      ];
    }),
    rowHeaders: true,
    foot: ['', 'Total', '', '', ...bookCells(a)],
    cls: 'data inputs',
  });
}

/** Each archive a file was read from inside, once, with its own SHA-256 (archives.ts). */
function archives(r: Report, ctx: HtmlContext): string {
  const list = archivesOf(r.inputs);
  if (list.length === 0) return '';
  const items = list.map(
    (z) =>
      `<li><bdi class="path">${fileName(z.path, ctx.names)}</bdi> (${int(z.bytes)} bytes)<code class="hash">${text(z.sha256)}</code></li>`,
  );
  return `<p>${text(ARCHIVE_NOTE)}</p><ul class="plain">${items.join('')}</ul>`;
}

function option(v: string | boolean | string[]): string {
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  return Array.isArray(v) ? v.map((x) => bdi(x)).join('; ') : bdi(v);
}

function run(r: Report, ctx: HtmlContext): string {
  const c = r.case;
  const opts = Object.entries(r.run.options);
  const rows: [string, string][] = [
    ['Tool', `${text(r.generator.name)} ${text(r.generator.version)}`],
    ['Generated at', `${text(r.generatedAt)} (UTC)`],
    [
      'Paths given',
      r.run.paths.map((p) => `<bdi class="path">${fileName(p, ctx.names)}</bdi>`).join('<br>') || '–',
    ],
    [
      'Options',
      opts.length
        ? opts
            .map(
              ([k, v]) =>
                `<code>--${text(k.replace(/[A-Z]/g, (m) => `-${m.toLowerCase()}`))}</code> ${option(v)}`,
            )
            .join('<br>')
        : 'none that change the results',
    ],
    [
      'Case file',
      c.caseFile
        ? `<bdi class="path">${fileName(c.caseFile.path, ctx.names)}</bdi><code class="hash">${text(c.caseFile.sha256)}</code>`
        : 'none',
    ],
    [
      'Time zone',
      `${text(c.timezone)} (from the ${c.timezoneSource === 'case-file' ? 'case file' : c.timezoneSource === 'option' ? 'command line' : 'computer’s setting'}); tz database ${text(c.tzdata ?? 'unknown')}`,
    ],
    ['Region for phone numbers', c.region ? text(c.region) : 'not set'],
    [
      'Subject identifiers',
      c.subject.identifiers.length ? c.subject.identifiers.map((x) => bdi(x)).join(', ') : '–',
    ],
    [
      'Victim identifiers',
      c.victim.identifiers.length ? c.victim.identifiers.map((x) => bdi(x)).join(', ') : '–',
    ],
  ];
  return `<dl class="kv">${rows.map(([k, v]) => `<div><dt>${k}</dt><dd>${v}</dd></div>`).join('')}</dl>`;
}

function methods(r: Report): string {
  return `<dl class="methods">${methodsOf(r)
    .map(([k, v]) => `<div><dt>${k}</dt><dd>${v}</dd></div>`)
    .join('')}</dl>`;
}

/** The escalation analysis's own account of each method and its caveats. */
function statisticalMethods(r: Report): string {
  const list = r.escalation?.methods ?? [];
  if (list.length === 0) return '';
  return `<h3>Statistical methods and their limits</h3><dl class="methods">${list
    .map(
      (m) =>
        `<div><dt>${text(m.name)}</dt><dd>${text(m.description)}${m.caveats.length ? `<ul class="caveats">${m.caveats.map((c) => `<li>${text(c)}</li>`).join('')}</ul>` : ''}</dd></div>`,
    )
    .join('')}</dl>`;
}

function problems(r: Report, ctx: HtmlContext): string {
  if (r.problems.length === 0) return '<p>No problems were found while reading the files.</p>';
  const t = table({
    caption: 'Problems found while reading the files',
    columns: [{ label: 'Severity' }, { label: 'Code' }, { label: 'Where' }, { label: 'Problem' }],
    rows: r.problems.map((p) => [
      text(p.severity),
      `<code>${text(p.code)}</code>`,
      p.file
        ? `<bdi class="path">${fileName(p.file, ctx.names)}</bdi>${p.locator ? ` <span class="loc">${text(p.locator)}</span>` : ''}`
        : '–',
      // A message or hint may name a file ("times in chat.md are …"): named as the file's own cell names it.
      `${fileName(p.message, ctx.names)}${p.hint ? `<span class="sub">${fileName(p.hint, ctx.names)}</span>` : ''}`,
    ]),
    cls: 'data problems',
  });
  const note = notListedNote(
    r,
    r.problems.length,
    (code) => `<code>${text(code)}</code>`,
    (option) => `<code>${text(option)}</code>`,
  );
  const more = note ? `<p>${note.what} ${note.where}</p>` : '';
  return `<div class="scroll">${t}</div>${more}`;
}

export function evidenceSection(r: Report, ctx: HtmlContext): Section {
  const ignored = r.ignoredFiles.length
    ? `<h3>Files not read</h3><ul class="plain">${r.ignoredFiles.map((f) => `<li><bdi class="path">${fileName(f.path, ctx.names)}</bdi> — ${text(f.reason)}</li>`).join('')}</ul>`
    : '';
  const body = [
    '<h3>Input files</h3>',
    `<p>${accountingLine(r)} Each file’s SHA-256 identifies its exact content: any change to the file changes it.</p>`,
    `<div class="scroll">${inputs(r, ctx)}</div>`,
    // Under the table that lists each file's first duplicates and its last: how to get them all.
    r.inputs.some((x) => x.duplicatesAt)
      ? `<p>${duplicatesNote(r, (c) => `<code>${text(c)}</code>`)}</p>`
      : '',
    archives(r, ctx),
    ignored,
    '<h3>How this report was made</h3>',
    run(r, ctx),
    '<h3>What each figure counts</h3>',
    methods(r),
    statisticalMethods(r),
    '<h3>Checking the inputs</h3>',
    '<p>The JSON report made with the same files and options (<code>--format json --out report.json</code>) lists every input with its SHA-256. To check that the files you hold are the files this report was made from, run <code>chronolog verify report.json</code> in the folder the report was made from (or add <code>--root FOLDER</code>); it reads each file again, the case file too, compares the SHA-256 values and names any file that has changed, is missing or was added, and any member of a zip archive that is damaged (its bytes no longer match the archive’s own checksum). A single file can also be checked with a standard tool: <code>sha256sum FILE</code> (Linux), <code>shasum -a 256 FILE</code> (macOS) or <code>certutil -hashfile FILE SHA256</code> (Windows), and compared with the value above.</p>',
    '<h3>Problems</h3>',
    problems(r, ctx),
  ].join('');
  return { id: 'evidence', title: 'Evidence and method', body };
}

/** The note under a file read in part, or read whole with records it could not use (format.ts `inputMark`). */
function markOf(x: Parameters<typeof inputMark>[0]): string {
  const m = inputMark(x);
  return m === undefined ? '' : `<span class="sub warn">${cap(m.mark)}: ${m.means}.</span>`;
}
