/**
 * The chronology filter script's logic without a browser: run against a stand-in table of 1,500 rows, it matches a
 * category by the exact id in `data-lex` (a label holding another's label as a word does not match), counts the rows
 * shown inside and outside the analysis window (`data-window`), and groups thousands as the page's figures do.
 * tests/browser/html-filter.test.ts checks the same on a real page.
 */
import { describe, expect, it } from 'vitest';
import { FILTER_SCRIPT } from '../../src/reports/html/script.js';

interface Row {
  hidden: boolean;
  textContent: string;
  attributes: Record<string, string>;
  getAttribute(name: string): string | null;
  querySelector(): null;
}

function row(attributes: Record<string, string>, text: string): Row {
  return {
    hidden: false,
    textContent: text,
    attributes,
    getAttribute: (name) => attributes[name] ?? null,
    querySelector: () => null,
  };
}

/** Runs the script on `rows`; returns a function that sets the controls and applies them, giving the count. */
function page(rows: Row[]) {
  const status = { textContent: '' };
  const listeners: Record<string, () => void> = {};
  const control = (id: string) => ({
    value: '',
    addEventListener: (_: string, f: () => void) => {
      listeners[id] = f;
    },
  });
  const elements: Record<string, unknown> = {
    'annex-table': { tBodies: [{ rows }] },
    'annex-filter': { hidden: true },
    'annex-q': control('annex-q'),
    'annex-ch': control('annex-ch'),
    'annex-lex': control('annex-lex'),
    'annex-count': status,
  };
  const document = { getElementById: (id: string) => elements[id] ?? null };
  new Function('document', 'window', FILTER_SCRIPT)(document, { requestAnimationFrame: () => 1 });
  const initial = status.textContent;
  const set = (values: { q?: string; ch?: string; lex?: string }) => {
    (elements['annex-q'] as { value: string }).value = values.q ?? '';
    (elements['annex-ch'] as { value: string }).value = values.ch ?? '';
    (elements['annex-lex'] as { value: string }).value = values.lex ?? '';
    listeners['annex-ch']!();
    return status.textContent;
  };
  return { initial, set };
}

describe('the annex filter script', () => {
  // 1,500 rows, the last 300 outside the window: every third in "car", every fifth in "car damage" (whose label
  // holds "car"; its id is written as the page writes it, "car_20damage"), every other one an SMS.
  const rows = Array.from({ length: 1500 }, (_, i) => {
    const lex = [i % 3 === 0 ? 'car' : '', i % 5 === 0 ? 'car_20damage' : ''].filter(Boolean).join(' ');
    return row(
      {
        'data-ch': i % 2 ? 'sms' : 'whatsapp',
        ...(lex ? { 'data-lex': lex } : {}),
        ...(i >= 1200 ? { 'data-window': 'outside' } : {}),
      },
      `message ${i}`,
    );
  });
  const { initial, set } = page(rows);
  const shown = () => rows.filter((r) => !r.hidden).length;

  it('counts every row, inside and outside the window, with thousands grouped', () => {
    expect(initial).toBe('Showing all 1,500 incidents: 1,200 in the analysis window and 300 outside it');
  });

  it('matches a category by its exact id, and says the count in the window is the report’s', () => {
    expect(set({ lex: 'car' })).toBe(
      'Showing 500 of 1,500 incidents: 400 in the analysis window (as counted in “Words in the messages”) and 100 outside it (printing shows all)',
    );
    expect(
      rows.filter((r) => !r.hidden).every((r) => r.attributes['data-lex']!.split(' ').includes('car')),
    ).toBe(true);
    expect(set({ lex: 'car_20damage' })).toMatch(
      /^Showing 300 of 1,500 incidents: 240 in the analysis window/,
    );
    // A category no row names shows none; a part of an id matches nothing.
    expect(set({ lex: 'ca' })).toBe(
      'Showing 0 of 1,500 incidents: 0 in the analysis window (as counted in “Words in the messages”) and 0 outside it (printing shows all)',
    );
    expect(shown()).toBe(0);
  });

  it('does not call a count the report’s once another filter narrows it', () => {
    expect(set({ lex: 'car', ch: 'sms' })).toBe(
      'Showing 250 of 1,500 incidents: 200 in the analysis window and 50 outside it (printing shows all)',
    );
    expect(set({})).toBe('Showing all 1,500 incidents: 1,200 in the analysis window and 300 outside it');
  });

  it('says nothing of the window when every row is inside it', () => {
    const inside = page([row({ 'data-ch': 'sms', 'data-lex': 'car' }, 'a'), row({ 'data-ch': 'sms' }, 'b')]);
    expect(inside.initial).toBe('Showing all 2 incidents');
    expect(inside.set({ lex: 'car' })).toBe('Showing 1 of 2 incidents (printing shows all)');
  });
});
