/**
 * A case file whose title is blank (fixtures/untitled-case) gives every report the same default title, as one
 * with no title does: "Contact report". The Markdown report had an empty "# " heading and the HTML report an empty
 * <title> and <h1> (a page a screen reader announces with no name), while the terminal said "Contact report".
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/index.js';
import { renderAll, reportOf } from '../helpers/report.js';

describe('a case file with a blank title (untitled-case)', () => {
  let r: Report;
  let out: Record<string, string>;
  beforeAll(async () => {
    r = await reportOf(['fixtures/untitled-case']);
    out = renderAll(r);
  });

  it('is read with its title blank', () => {
    expect(r.case.title).toBe('');
    expect(r.incidents.total).toBe(2);
  });

  it('is titled "Contact report" in every report a person reads', () => {
    expect(out['text']!.split('\n')[0]).toBe('chronolog — Contact report');
    expect(out['markdown']!.split('\n')[0]).toBe('# Contact report');
    expect(out['html']).toContain('<title>Contact report</title>');
    expect(out['html']).toContain('<h1>Contact report</h1>');
    expect(out['html']).not.toMatch(/<title>\s*<\/title>|<h1>\s*<\/h1>/);
  });

  it('keeps a title the case file gives', async () => {
    const titled = renderAll(await reportOf(['fixtures/single-incident']));
    expect(titled['markdown']!.split('\n')[0]).toBe('# Jo Evans — one visit by Chris Dale \\(fictional\\)');
    expect(titled['html']).toContain('<title>Jo Evans — one visit by Chris Dale (fictional)</title>');
  });
});
