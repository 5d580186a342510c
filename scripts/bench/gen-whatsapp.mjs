#!/usr/bin/env node
/**
 * Writes a synthetic Android WhatsApp chat export for benchmarks (24-hour, dd/mm/yyyy, LF), with the mix a real
 * harassment chat has: short texts, some multi-line messages, media placeholders, deleted messages, missed calls,
 * replies from the victim, the encryption notice, and mostly varied texts. Deterministic: the same arguments give
 * the same bytes.
 *
 *   node scripts/bench/gen-whatsapp.mjs /tmp/whatsapp-1m.txt 1000000
 *
 * Import `generateWhatsApp(file, count, seed?, maxGapMs?)`; it resolves to the number of messages written. Another
 * seed gives another chat of the same mix; `maxGapMs` (default 4 minutes) spreads the messages over a longer time.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { pathToFileURL } from 'node:url';

// Fixed texts (placeholders and notices WhatsApp writes word for word, and a few stock phrases), and templates
// with varying parts: a real chat repeats some messages but most are new, and a benchmark whose chat had a dozen
// distinct texts would flatter anything that remembers work per text.
const FIXED = [
  'Answer me',
  'Pick up the phone',
  '<Media omitted>',
  'This message was deleted',
  'Missed voice call',
  'I saw you at the station this morning. Nice coat. 🙂',
];
const PLACES = [
  'at the station',
  'outside your flat',
  'near the gym',
  'on the bus',
  'at the shop',
  'in town',
];
const NAMES = ['Jo', 'your sister', 'that guy from work', 'Chris', 'your mum', 'Priya'];
const TEMPLATES = [
  (r) => `Where were you ${pick(r, PLACES)} at ${two(Math.floor(r() * 24))}:${two(Math.floor(r() * 60))}?`,
  (r) => `I waited ${2 + Math.floor(r() * 90)} minutes ${pick(r, PLACES)}`,
  (r) => `You were with ${pick(r, NAMES)} again`,
  (r) => `Why are you ignoring me ${'?'.repeat(1 + Math.floor(r() * 4))}`,
  (r) => `I know where you are tonight, ${pick(r, PLACES)}`,
  (r) => `Call me back before ${1 + Math.floor(r() * 11)} or I come round`,
  (r) => `That's ${2 + Math.floor(r() * 300)} messages you have not answered`,
  (r) => `I just want to talk ${pick(r, ['🙏', '😡', '', '!!', 'please'])}`,
];

const pick = (r, list) => list[Math.floor(r() * list.length)];

function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const two = (n) => String(n).padStart(2, '0');

export async function generateWhatsApp(file, count, seed = 7, maxGapMs = 240_000) {
  const out = createWriteStream(file);
  const rand = rng(seed);
  let t = Date.UTC(2021, 0, 4, 9, 0);
  let buf =
    '01/01/2021, 00:00 - Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them. Tap to learn more.\n';
  for (let i = 0; i < count; i++) {
    t += Math.floor(rand() * maxGapMs);
    const d = new Date(t);
    const head = `${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}, ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
    const who = rand() < 0.85 ? 'Sam' : 'Alex';
    let text = pick(rand, FIXED);
    if (rand() >= 0.35) {
      text = pick(rand, TEMPLATES)(rand);
      if (rand() < 0.3) text += `. ${pick(rand, TEMPLATES)(rand)}`;
    }
    if (rand() < 0.05) text += '\nand another line\nand a third';
    buf += `${head} - ${who}: ${text}\n`;
    if (buf.length > 1 << 16) {
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  }
  out.end(buf);
  await once(out, 'finish');
  return count;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [file, n] = process.argv.slice(2);
  await generateWhatsApp(file, Number(n ?? 1000));
}
