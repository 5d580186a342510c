/**
 * `overdispersed.shownAs` at the CLI's edges: `chronolog schema` documents it, optional, on every comparison (the
 * latest rate against the first, each milestone and its whole-window comparison, the first request to stop), and
 * `report --format json` gives the figures the reports used allowing for overdispersion: the quasi-Poisson interval
 * as it is, the wider limits, "no wider", or not computable when one side has no contacts.
 */
import { describe, expect, it } from 'vitest';
import { cli, NOW, STACK } from '../helpers/cli.js';

type Node = { properties: Record<string, Node>; required?: string[]; anyOf?: Node[]; items?: Node } & Record<
  string,
  unknown
>;

/** The object branch of a nullable object in the schema. */
const objectOf = (n: Node) => (n.anyOf ? n.anyOf.find((x) => x['type'] === 'object')! : n);

function reportJson(dir: string) {
  const r = cli(['report', dir, '--format', 'json', '--now', NOW]);
  expect(r.stderr).not.toMatch(STACK);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

describe('overdispersed.shownAs', () => {
  it('is documented by chronolog schema as optional on every comparison, with what each value means', () => {
    const r = cli(['schema']);
    expect(r.code).toBe(0);
    const e = (JSON.parse(r.stdout) as Node).properties['escalation']!;
    const milestone = e.properties['milestones']!.items!;
    const comparisons = [
      e.properties['headline']!.properties['rateNowVsStart']!,
      milestone,
      objectOf(milestone.properties['wholeWindow']!),
      objectOf(e.properties['ceaseRequest']!.properties['afterFirst']!).properties['comparison']!,
    ];
    for (const c of comparisons) {
      const o = objectOf(c.properties['overdispersed']!);
      expect(Object.keys(o.properties)).toEqual(['phi', 'ci95', 'p', 'shownAs']);
      expect(o.required).toEqual(['phi', 'ci95', 'p']);
      const shown = o.properties['shownAs']!;
      expect(shown['enum']).toEqual(['quasi', 'hull', 'inside', 'not-computable']);
      expect(shown['description']).toMatch(
        /^What the findings and the text, Markdown and HTML reports give "allowing for overdispersion" beside the exact test: `quasi`, this ci95 and p as they are/,
      );
      expect(shown['description']).toContain('`not-computable`, no figures, as one side has no contacts');
    }
  });

  it('says which figures the reports gave, in the report the CLI writes', () => {
    const cases = [
      ['fixtures/overdispersion-interval/wider', 'quasi'],
      ['fixtures/overdispersion-interval/one-end', 'hull'],
      ['fixtures/overdispersion-interval/inside', 'inside'],
      ['fixtures/no-contact-before-overdispersed', 'not-computable'],
    ] as const;
    for (const [dir, shownAs] of cases) {
      const m = reportJson(dir).escalation.milestones[0];
      expect(m.overdispersed.shownAs, dir).toBe(shownAs);
    }
  });

  it('is absent where the counts were not overdispersed, as overdispersed is null there', () => {
    const json = reportJson('fixtures/findings-neutral/five-after');
    expect(json.escalation.dispersion.overdispersed).toBe(false);
    expect(json.escalation.milestones[0].overdispersed).toBeNull();
  });
});
