/**
 * How the reports say that incidents fall outside the analysis window: the HTML chronology names the section as it
 * is now headed ("Change over time"), and the Markdown's window sentence agrees with its count. Case:
 * fixtures/html-filter-exact (3 of its incidents fall outside the window its case file sets).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/index.js';
import { renderAs, reportOf } from '../helpers/report.js';

describe('incidents outside the analysis window (html-filter-exact)', () => {
  let r: Report;
  beforeAll(async () => {
    r = await reportOf(['fixtures/html-filter-exact']);
  });

  it('names the section the HTML now has, not "Escalation"', () => {
    const html = renderAs('html', r);
    expect(html).toContain('are not analysed in section “Change over time”.');
    expect(html).not.toContain('section “Escalation”');
  });

  it('says "falls … and is" for one incident and "fall … and are" for several in Markdown and HTML', () => {
    expect(r.escalation!.window.incidentsOutside).toBe(3);
    expect(renderAs('markdown', r)).toContain('; 3 incidents fall outside it and are not analysed here.');
    // The same report with one incident outside, as the renderer reads it.
    const one = structuredClone(r);
    one.escalation!.window.incidentsOutside = 1;
    expect(renderAs('markdown', one)).toContain('; 1 incident falls outside it and is not analysed here.');
    expect(renderAs('html', one)).toContain('; 1 incident falls outside it and is not analysed here.');
    expect(renderAs('html', r)).toContain('; 3 incidents fall outside it and are not analysed here.');
  });
});
