/**
 * One way to write an instant in a message, shared by the timeline's rejections (seconds always), its
 * after-report warning (no milliseconds) and the SMS reader's bad dates (seconds and milliseconds when not 0).
 */
import { describe, expect, it } from 'vitest';
import { utcText } from '../../src/model/format.js';

describe('an instant written for a message', () => {
  const at = (iso: string) => Date.parse(iso);

  it('shows seconds and milliseconds only when not 0, unless asked', () => {
    expect(utcText(at('2024-03-01T17:08:00.000Z'))).toBe('2024-03-01 17:08');
    expect(utcText(at('2024-03-01T17:08:05.000Z'))).toBe('2024-03-01 17:08:05');
    expect(utcText(at('2024-03-01T17:08:00.500Z'))).toBe('2024-03-01 17:08:00.500');
    expect(utcText(at('2024-03-01T17:08:00.000Z'), { seconds: 'always' })).toBe('2024-03-01 17:08:00');
    expect(utcText(at('2286-11-20T17:46:39.999Z'), { seconds: 'always' })).toBe('2286-11-20 17:46:39.999');
    expect(utcText(at('2031-05-02T10:00:00.500Z'), { millis: false })).toBe('2031-05-02 10:00');
    expect(utcText(at('2031-05-02T10:00:07.500Z'), { millis: false })).toBe('2031-05-02 10:00:07');
  });

  it('writes years past 9999 and before 0 as ISO 8601 does', () => {
    expect(utcText(253402300800000)).toBe('+010000-01-01 00:00');
    expect(utcText(-8.64e15)).toBe('-271821-04-20 00:00');
  });
});
