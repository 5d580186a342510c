#!/usr/bin/env node
/**
 * Writes a folder of generated case folders for the `batch` benchmark: each case has a case file, a WhatsApp chat
 * and an SMS backup of its own (sizes and contents vary with the case number; about six months of contact), so
 * each takes a few tenths of a second to read and analyse. Deterministic: the same arguments give the same bytes.
 *
 *   node scripts/bench/gen-cases.mjs /tmp/cases 200
 *
 * Import `generateCases(dir, count)`; it resolves to the case names, in order.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateSms } from './gen-sms.mjs';
import { generateWhatsApp } from './gen-whatsapp.mjs';

const CASE_FILE = {
  timezone: 'Europe/London',
  region: 'GB',
  subject: { identifiers: ['Sam', '+447700900123'] },
  victim: { identifiers: ['Alex'] },
  milestones: [{ date: '2021-04-01', label: 'Police warning issued', type: 'warning' }],
};
/** Up to three hours between records: a case's few thousand records span about six months. */
const MAX_GAP_MS = 3 * 3_600_000;

export async function generateCases(dir, count) {
  const names = [];
  for (let i = 1; i <= count; i++) {
    const name = `case-${String(i).padStart(4, '0')}`;
    const d = path.join(dir, name);
    await mkdir(d, { recursive: true });
    await writeFile(path.join(d, 'case.json'), `${JSON.stringify(CASE_FILE, null, 2)}\n`);
    // 2,000–4,000 chat messages and 1,000–3,000 texts, varying with the case number.
    const chat = path.join(d, 'WhatsApp Chat with Sam.txt');
    await generateWhatsApp(chat, 2000 + ((i * 397) % 2001), 1000 + i, MAX_GAP_MS);
    await generateSms(
      path.join(d, 'sms-20240601090000.xml'),
      1000 + ((i * 613) % 2001),
      5000 + i,
      MAX_GAP_MS,
    );
    names.push(name);
  }
  return names;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [dir, n] = process.argv.slice(2);
  await generateCases(dir, Number(n ?? 200));
}
