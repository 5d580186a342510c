/**
 * Pictures, recordings and documents among the exports (a screenshot, a police letter as a PDF, a statement in
 * Word) are named as what they are, once each: a .docx is not opened as the zip it is, so its parts are not listed
 * and counted as files. When nothing readable was found, the hint says that such files cannot be read and to
 * export the chat itself; --format-of is offered only for other files, which may be exports in a layout not
 * recognised. A file named as a document that does not start as one is read as usual, and so is one --format-of
 * forces a format on. `verify` judges a document added since the report as `report` does: not read, no failure.
 */
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type CliResult, cli, NOW, STACK } from '../helpers/cli.js';
import { scratch } from '../helpers/robustness.js';
import { makeZip } from '../helpers/zip-writer.js';

const s = scratch('chronolog-documents-');
afterAll(() => s.cleanup());

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1]);
const PDF = '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n';
const DOCX = makeZip([
  { name: '[Content_Types].xml', data: '<?xml version="1.0"?><Types/>' },
  { name: 'word/document.xml', data: '<?xml version="1.0"?><w:document/>' },
]);
const CHAT = '14/03/2024, 10:00 - Sam: are you there\n15/03/2024, 22:01 - Sam: answer me\n';

function docs(folder: string): string {
  s.file(`${folder}/Screenshot 2024-03-10.jpg`, JPEG);
  s.file(`${folder}/police letter.pdf`, PDF);
  s.file(`${folder}/statement.docx`, DOCX);
  return folder;
}

const run = (args: string[]): CliResult => {
  const r = cli(args, {}, s.dir);
  expect(r.stderr).not.toMatch(STACK);
  return r;
};

const READ_NOTHING =
  'Screenshots, photos, letters and other documents cannot be read: chronolog reads the messages as exported from the app itself (a WhatsApp chat exported as text, an SMS backup, …). Run `chronolog formats` to see how to export each.';

describe('nothing but pictures and documents', () => {
  it('each is named once as what it is, and the hint says to export the chat itself', () => {
    const r = run(['report', docs('only-docs'), '--subject', 'Sam']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      [
        'error: none of the 3 files is a supported export:',
        '  only-docs/Screenshot 2024-03-10.jpg: a picture or screenshot, not a message export',
        '  only-docs/police letter.pdf: a PDF document, not a message export',
        '  only-docs/statement.docx: an office document, not a message export',
        `hint: ${READ_NOTHING}`,
        '',
      ].join('\n'),
    );
    expect(r.stderr).not.toContain('Content_Types');
    expect(r.stderr).not.toContain('--format-of');
  });

  it('with another file no format reads, --format-of is offered for that one', () => {
    docs('docs-and-notes');
    s.file('docs-and-notes/notes.txt', 'call the police if it happens again\n');
    const r = run(['report', 'docs-and-notes', '--subject', 'Sam']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: none of the 4 files is a supported export:\n/);
    expect(r.stderr).toContain('  docs-and-notes/notes.txt: not a supported export format\n');
    expect(r.stderr).toContain(
      `hint: ${READ_NOTHING} If another of these files is an export in a layout not recognised, force its format with --format-of "GLOB=FORMAT".\n`,
    );
  });

  it('inspect lists them the same way', () => {
    const r = run(['inspect', docs('inspect-docs'), '--format', 'json']);
    expect(r.code).toBe(1);
    const ignored = JSON.parse(r.stdout).ignoredFiles as { path: string; reason: string }[];
    expect(ignored.map((i) => i.path)).toEqual([
      'inspect-docs/Screenshot 2024-03-10.jpg',
      'inspect-docs/police letter.pdf',
      'inspect-docs/statement.docx',
    ]);
  });
});

describe('beside a chat', () => {
  it('the report reads the chat and lists each document once as not read', () => {
    docs('with-chat');
    s.file('with-chat/WhatsApp Chat with Sam.txt', CHAT);
    const r = run(['report', 'with-chat', '--subject', 'Sam', '--now', NOW, '--format', 'json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.inputs.map((i: { path: string }) => i.path)).toEqual([
      'with-chat/WhatsApp Chat with Sam.txt',
    ]);
    expect(report.ignoredFiles).toEqual([
      {
        path: 'with-chat/Screenshot 2024-03-10.jpg',
        reason: 'a picture or screenshot, not a message export',
      },
      { path: 'with-chat/police letter.pdf', reason: 'a PDF document, not a message export' },
      { path: 'with-chat/statement.docx', reason: 'an office document, not a message export' },
    ]);
    expect(r.stderr).toMatch(/3 files not read/);
  });

  it('a file named as a document that does not start as one is read as usual', () => {
    s.file('misnamed/chat.pdf', CHAT);
    const r = run(['report', 'misnamed', '--subject', 'Sam', '--now', NOW, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).inputs[0].format).toBe('whatsapp-txt');
  });

  it('--format-of on a document is honoured: it is read in that format, not passed over', () => {
    const r = run(['report', docs('forced'), '--subject', 'Sam', '--format-of', 'statement.docx=zip']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('forced/statement.docx!/word/document.xml');
  });
});

describe('verify', () => {
  it('names a document added since the report as not read, which is no failure', () => {
    s.file('later/WhatsApp Chat with Sam.txt', CHAT);
    const made = run([
      'report',
      'later',
      '--subject',
      'Sam',
      '--now',
      NOW,
      '--format',
      'json',
      '--out',
      'later.json',
    ]);
    expect(made.code).toBe(0);
    docs('later');
    const r = run(['verify', 'later.json']);
    expect(r.stdout).toContain(
      `not read: ${path.join('later', 'statement.docx')} (an office document, not a message export)`,
    );
    expect(r.stdout).toContain('not read: later/police letter.pdf (a PDF document, not a message export)');
    expect(r.stdout).not.toMatch(/extra/);
    expect(r.code).toBe(0);
  });
});
