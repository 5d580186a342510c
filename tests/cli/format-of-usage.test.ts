/**
 * `--format-of GLOB=FORMAT`: a spec without "=" and one naming an unknown format are both usage errors (exit 2), and
 * the message says which part is wrong, listing the formats known.
 */
import { describe, expect, it } from 'vitest';
import { cli, DEMO } from '../helpers/cli.js';

describe('--format-of usage errors', () => {
  it('names the format that is not known', () => {
    const r = cli(['report', DEMO, '--format-of', '*.txt=whatsap']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^error: --format-of "\*\.txt=whatsap": "whatsap" is not a known format\n/);
    expect(r.stderr).toMatch(
      /^hint: Known formats: .*\bwhatsapp-txt\b.*Example: --format-of "\*\.txt=whatsapp-txt"\n$/m,
    );
  });

  it('asks for GLOB=FORMAT when the "=" is missing', () => {
    const r = cli(['report', DEMO, '--format-of', 'whatsapp-txt']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: --format-of "whatsapp-txt" must be GLOB=FORMAT with a known format\n/);
  });
});
