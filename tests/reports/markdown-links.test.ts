/**
 * Web and e-mail addresses the subject sends stay text in the Markdown report, as in the HTML one: GitHub-flavoured
 * renderers turn a bare `https://…`, `www.…` or `name@host` into a link, which would put the subject's tracking
 * address one click from whoever reads the statement. fixtures/links-in-messages holds such messages.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/index.js';
import { markdownEscape } from '../../src/reports/sanitize.js';
import { renderAs, reportOf } from '../helpers/report.js';

const DIR = 'fixtures/links-in-messages';

let report: Report;
let md: string;
beforeAll(async () => {
  report = await reportOf([DIR], { tz: 'Europe/London', subject: ['Sam'], victim: ['Alex'] });
  md = renderAs('markdown', report);
});

// What a GFM extended autolink starts from: a scheme and "://", "www." at a word start, or a local part and "@".
const AUTOLINK = /(?:https?|ftp):\/\/|(?<![\w\\])www\.|[\w.+-](?<!\\)@[\w-]/i;

describe('addresses in messages, in the Markdown report', () => {
  it('are read as the messages hold them', () => {
    const texts = report.chronology!.map((c) => c.text);
    expect(texts).toContain('Saw your new place. Look: https://maps.example.com/?q=51.5072,-0.1276');
    expect(texts).toContain('Open it www.example.net/photos/you.jpg');
    expect(texts).toContain("Or write to sam.carter@example.org if you won't answer here");
  });

  it('cannot become links anywhere in the report', () => {
    expect(md).not.toMatch(AUTOLINK);
    // Not dropped: each address is in the chronology, escaped character by character (and the lexicon's note after
    // a text that matches it, escaped alike).
    expect(md).toContain(
      '| Saw your new place. Look: https\\://maps.example.com/?q=51.5072,-0.1276 — *Lexicon: Surveillance or knowledge of whereabouts* |',
    );
    expect(md).toContain('| Open it www\\.example.net/photos/you.jpg |');
    expect(md).toContain("| Or write to sam.carter\\@example.org if you won't answer here |");
    expect(md).toContain(
      '| Told your boss at hr\\@example.co.uk, see http\\://example.com/t?id=alex — *Lexicon: Contact with family, friends or workplace* |',
    );
  });

  it('are escaped in every piece of data the Markdown writes, not only the chronology', () => {
    // The lexicon examples quote the same messages.
    expect(md).toContain('“Saw your new place. Look: https\\://maps.example.com/?q=51.5072,-0.1276”');
    // A time's colon and a word that merely contains "www" are left alone.
    expect(markdownEscape('at 21:40, awww.')).toBe('at 21:40, awww.');
    expect(markdownEscape('WWW.EXAMPLE.NET')).toBe('WWW\\.EXAMPLE.NET');
  });
});
