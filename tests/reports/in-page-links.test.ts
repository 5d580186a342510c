/**
 * Every in-page link of the HTML and Markdown reports leads somewhere: a citation a police reader clicks must
 * open the row or section it names, never nothing. Checked for every fixture case folder that has a case.json, at
 * the top of fixtures/ or one level down (the demo case among them), each report made in-process as `chronolog report FOLDER` makes it, and for the
 * hand-built reports of the HTML tests. The Markdown report has no in-page links today; its check resolves
 * `](#…)` and `href="#…"` against the anchors GitHub-flavoured renderers give headings and against explicit
 * `id`/`name` attributes, so a link added later is held to the same rule.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/reports/html/index.js';
import { renderAs, reportOf } from '../helpers/report.js';
import { hostileReport, reportWithEscalation } from './html-fixture.js';

/**
 * Case folders that hold no export, so no report: batch's case that fails for it (its notes.txt is no export, and
 * batch lists it in errors.csv).
 */
const NO_REPORT = new Set([path.join('fixtures', 'batch-case-provenance', 'no-export')]);

/** Fixture folders with a case file, and those one level down (fixtures/persistence-bounds/*), in name order. */
const CASES = readdirSync('fixtures', { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .flatMap((e) => {
    const dir = path.join('fixtures', e.name);
    const subs = readdirSync(dir, { withFileTypes: true })
      .filter((s) => s.isDirectory())
      .map((s) => path.join(dir, s.name));
    return [dir, ...subs];
  })
  .filter((dir) => existsSync(path.join(dir, 'case.json')) && !NO_REPORT.has(dir))
  .sort();

/** Character references decoded, as a browser reads an attribute value. */
function attribute(v: string): string {
  return v
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(Number.parseInt(n, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** The in-page targets of `href="#…"` in a page whose `id`s do not exist, each once. */
function brokenHtmlLinks(page: string): string[] {
  // Attributes only: a tag's own text, not message text that merely reads `id="…"` (message text is escaped, so its
  // quotes are `&quot;` and match neither pattern).
  const ids = new Set([...page.matchAll(/<[a-z][^>]*?\sid="([^"]*)"/gi)].map((m) => attribute(m[1]!)));
  const targets = [...page.matchAll(/<a\s[^>]*?href="#([^"]*)"/gi)].map((m) => attribute(m[1]!));
  return [...new Set(targets.filter((t) => !ids.has(t)))];
}

/** The anchor a GitHub-flavoured renderer gives a heading: lower case, punctuation dropped, spaces to hyphens. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** The in-page targets of a Markdown document (links and raw HTML links) that no heading or element names. */
function brokenMarkdownLinks(md: string): string[] {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const m of md.matchAll(/^#{1,6}\s+(.*?)\s*#*\s*$/gm)) {
    const s = slug(m[1]!.replace(/\\(.)/g, '$1'));
    const n = seen.get(s) ?? 0;
    anchors.add(n === 0 ? s : `${s}-${n}`);
    seen.set(s, n + 1);
  }
  for (const m of md.matchAll(/\s(?:id|name)="([^"]*)"/g)) anchors.add(attribute(m[1]!));
  const targets = [
    ...[...md.matchAll(/\]\(#([^)\s]*)\)/g)].map((m) => decodeURIComponent(m[1]!)),
    ...[...md.matchAll(/href="#([^"]*)"/g)].map((m) => attribute(m[1]!)),
  ];
  return [...new Set(targets.filter((t) => !anchors.has(t)))];
}

/**
 * Where the analysis cites a record (an object with an id, a local time and a locator) that has no chronology row,
 * but the requests to stop, which are the victim's messages.
 */
function citedWithoutRow(escalation: unknown, rows: ReadonlySet<string>): string[] {
  const out: string[] = [];
  const walk = (o: unknown, at: string): void => {
    if (Array.isArray(o)) for (const [i, x] of o.entries()) walk(x, `${at}[${i}]`);
    else if (o !== null && typeof o === 'object') {
      const x = o as Record<string, unknown>;
      if (typeof x['id'] === 'string' && 'local' in x && 'locator' in x && !rows.has(x['id'])) out.push(at);
      for (const [k, v] of Object.entries(x)) walk(v, `${at}.${k}`);
    }
  };
  walk(escalation, 'escalation');
  return out.filter((at) => !/^escalation\.ceaseRequest\.(requests\[\d+\]|first)\.event$/.test(at));
}

describe('in-page links of the reports', () => {
  it('finds the fixture case folders, the demo case among them', () => {
    expect(CASES).toContain(path.join('fixtures', 'demo-case'));
    expect(CASES).toContain(path.join('fixtures', 'persistence-bounds', 'spring-clock-change'));
    expect(CASES.length).toBeGreaterThan(10);
  });

  it.each(CASES)('each lead to an element of the HTML and Markdown reports of %s', async (dir) => {
    const report = await reportOf([dir]);
    // The page links a citation only to a row it has; every record the analysis cites but a request to stop (a
    // message from the victim) is an incident, so none of theirs goes unlinked for want of a row.
    const rows = new Set(report.chronology!.map((e) => e.id));
    expect(citedWithoutRow(report.escalation, rows)).toEqual([]);
    const html = renderAs('html', report);
    // The check has something to check: the contents list and the skip link at least.
    expect(html).toMatch(/href="#main"/);
    expect(brokenHtmlLinks(html)).toEqual([]);
    expect(brokenMarkdownLinks(renderAs('markdown', report))).toEqual([]);
  });

  it('each lead to an element of the hand-built HTML reports', () => {
    for (const r of [reportWithEscalation(), hostileReport()])
      expect(brokenHtmlLinks(renderHtml(r))).toEqual([]);
  });

  it('are found when broken', () => {
    expect(brokenHtmlLinks('<a href="#x">x</a><p id="y">')).toEqual(['x']);
    expect(brokenHtmlLinks('<a href="#y">y</a><tr id="y">')).toEqual([]);
    const cited = (id: string) => ({ id, local: '2024-03-04 09:10', locator: 'line 1' });
    const escalation = { bursts: { first: cited('a') }, ceaseRequest: { first: { event: cited('b') } } };
    expect(citedWithoutRow(escalation, new Set())).toEqual(['escalation.bursts.first']);
    expect(citedWithoutRow(escalation, new Set(['a']))).toEqual([]);
    expect(brokenMarkdownLinks('## Change over time\n\n[see](#change-over-time) [gone](#nowhere)')).toEqual([
      'nowhere',
    ]);
  });
});
