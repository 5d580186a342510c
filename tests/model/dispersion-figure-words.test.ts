/**
 * Two dispersion figures the Markdown and HTML reports print beside words that depend on which side of a cut they
 * are on (model/escalation-words.ts):
 * - the variance/mean index of the daily counts, printed "1.0" for 1.009 beside "the counts vary more than a steady
 *   trend … allows": above 1 it gets the digits that φ̂ gets (`phiAboveOne`), below 1 those that keep it below;
 * - the within-segment φ̂ of the change-point search, printed "1.5" for 1.53 beside "scaled … only when φ̂_w > 1.5".
 */
import { describe, expect, it } from 'vitest';
import {
  dispersionIndexWords,
  PHI_WITHIN_TRIGGER,
  phiAboveOne,
  phiWithinWords,
} from '../../src/model/escalation-words.js';

describe('dispersionIndexWords', () => {
  it('shows an index just above 1 above 1, as φ̂ is shown', () => {
    expect(dispersionIndexWords(1.0087)).toBe('1.01');
    expect(dispersionIndexWords(1.0004)).toBe('1.0004');
    expect(dispersionIndexWords(1.0465)).toBe(phiAboveOne(1.0465));
    expect(dispersionIndexWords(3.8)).toBe('3.8');
  });

  it('shows an index just below 1 below 1, and 1 as 1.0', () => {
    expect(dispersionIndexWords(0.996)).toBe('0.996');
    expect(dispersionIndexWords(0.62)).toBe('0.62');
    expect(dispersionIndexWords(1)).toBe('1.0');
    expect(dispersionIndexWords(null)).toBe('–');
  });
});

describe('phiWithinWords', () => {
  it('shows a within-segment φ̂ near 1.5 on its own side of the cut', () => {
    expect(PHI_WITHIN_TRIGGER).toBe(1.5);
    expect(phiWithinWords(1.53)).toBe('1.53');
    expect(phiWithinWords(1.46)).toBe('1.46');
    expect(phiWithinWords(1.5004)).toBe('1.5004');
    expect(phiWithinWords(1.4999)).toBe('1.4999');
    expect(phiWithinWords(1.5)).toBe('1.5');
  });

  it('keeps two significant digits away from the cut', () => {
    expect(phiWithinWords(1.2)).toBe('1.2');
    expect(phiWithinWords(1.62)).toBe('1.6');
    expect(phiWithinWords(2.47)).toBe('2.5');
    expect(phiWithinWords(12.3)).toBe('12');
    expect(phiWithinWords(null)).toBe('–');
  });
});
