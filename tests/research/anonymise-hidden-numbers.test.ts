/**
 * Phone numbers and names written with characters that change nothing on screen (a QA finding): a number in
 * keycap emoji (0️⃣7️⃣7️⃣…), a number with a variation selector between its groups, a name with a combining
 * grapheme joiner inside. The reports mark these characters (reports/invisible.ts); `anonymise` must read past
 * them (anonymise/folded.ts) and put its placeholder over the whole number, keycap marks included.
 */
import { cpSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { anonymisedFolderTexts, KEY_A, keyFile, scratch } from './env.js';

const tmp = scratch();
const key = keyFile(tmp, KEY_A);
const FIXTURE = 'fixtures/hidden-numbers';

describe('anonymise: numbers and names hidden behind keycaps and selectors', () => {
  it('redacts a keycap number, a number split by a variation selector and a name split by a CGJ', async () => {
    const dir = path.join(tmp, 'in');
    cpSync(FIXTURE, dir, { recursive: true });
    const kase = {
      title: 'Hidden numbers',
      timezone: 'Europe/London',
      region: 'GB',
      victim: { name: 'Alex Morgan', identifiers: ['Alex Morgan'] },
      subject: { name: 'Sam Baker', identifiers: ['Sam Baker'] },
    };
    const texts = await anonymisedFolderTexts(dir, kase, path.join(tmp, 'out'), key);
    expect(texts).toEqual([
      'New number, save it [PHONE] 😉',
      'or ring the flat [PHONE]',
      expect.stringMatching(/^\[NAME:p[0-9a-f]{4}\], I know where you are ❤️$/),
      'Please stop contacting me.',
    ]);
    const all = texts.join('\n');
    expect(all).not.toMatch(/[0-9]\uFE0F?\u20E3|\u20E3|\uFE00|\u034F/);
    expect(all).not.toContain('Alex');
  });
});
