/**
 * A Google Chat export from Google Takeout (messages.json) is not read, but it is recognised and named as such,
 * with what to do meanwhile, instead of "not a supported export format" as any JSON gets; --format-of, which
 * cannot read it, is not offered for it.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { scratch } from '../helpers/robustness.js';

const s = scratch('chronolog-google-chat-');
afterAll(() => s.cleanup());

/** As Google Takeout writes it: Google Chat/Groups/DM …/messages.json, pretty-printed. */
const TAKEOUT = `{
  "messages": [
    {
      "creator": {
        "name": "Sam Carter",
        "email": "sam.carter@example.com",
        "user_type": "Human"
      },
      "created_date": "Monday, 1 January 2024 at 10:00:00 UTC",
      "text": "Answer me",
      "topic_id": "gqk3UQ1RTzA",
      "message_id": "3ODhxsAAAAE/gqk3UQ1RTzA/gqk3UQ1RTzA"
    }
  ]
}
`;

const REASON =
  'a Google Chat export (Google Takeout), which chronolog does not read yet; keep the file as it is, and meanwhile record the messages in an incident diary (CSV) or keep screenshots of them';

describe('a Google Chat (Takeout) export', () => {
  it('report names it as Google Chat, says what to do, and does not offer --format-of', () => {
    const file = s.file('Google Chat/Groups/DM abc/messages.json', TAKEOUT);
    const r = cli(['report', file, '--subject', 'x']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `error: the file is not a supported export:\n  ${file}: ${REASON}\nhint: Run \`chronolog formats\` to see which exports chronolog reads and how to make each.\n`,
    );
  });

  it('inspect lists it as not read with the same reason', () => {
    const file = s.file('inspect/messages.json', TAKEOUT);
    const r = cli(['inspect', file]);
    expect(r.stdout).toContain(`  not read: ${file} — ${REASON}\n`);
  });

  it('beside an unrecognised JSON, --format-of is still offered for that one, which is no Google Chat', () => {
    const chat = s.file('both/messages.json', TAKEOUT);
    const other = s.file('both/other.json', '{"messages":[{"text":"hi","when":"yesterday"}]}\n');
    const r = cli(['report', chat, other, '--subject', 'x']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`  ${chat}: ${REASON}\n`);
    expect(r.stderr).toContain(`  ${other}: not a supported export format\n`);
    expect(r.stderr).toContain('force a format with --format-of "GLOB=FORMAT"');
  });

  it('formats lists it as recognised but not read, in its text and in --json', () => {
    const text = cli(['formats']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(
      `Recognised but not read (listed as not read, with what to do)\n  Google Chat (Google Takeout messages.json)\n    recognised: a JSON object whose "messages" hold "creator" and "created_date" members\n    not read:   ${REASON}\n`,
    );
    const json = JSON.parse(cli(['formats', '--json']).stdout) as {
      notRead: { label: string; reason: string }[];
    };
    expect(json.notRead).toEqual([
      {
        label: 'Google Chat (Google Takeout messages.json)',
        recognisedBy: 'a JSON object whose "messages" hold "creator" and "created_date" members',
        reason: REASON,
      },
    ]);
  });
});
