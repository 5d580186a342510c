#!/usr/bin/env node
import { once } from 'node:events';
/**
 * Writes a synthetic Telegram Desktop `result.json` for benchmarks, laid out the way tdesktop writes it (one-space
 * indentation, `text` + `text_entities`, service entries, calls, media placeholders, edits, replies). Deterministic:
 * the same arguments give the same bytes. Text includes braces, brackets, escaped quotes and backslashes, emoji and
 * non-Latin scripts, so a scanner that mishandles strings fails loudly.
 *
 *   node scripts/bench/gen-telegram.mjs /tmp/telegram-1m.json 1000000            # full-account export
 *   node scripts/bench/gen-telegram.mjs /tmp/telegram-1m.json 1000000 --single   # one chat
 *
 * Import `generateTelegram(file, count, { single })` to reuse it; it resolves to the number of records written.
 */
import { createWriteStream } from 'node:fs';
import { pathToFileURL } from 'node:url';

const TEXTS = [
  'ok',
  'where are you?',
  'I know you are at home, the lights are on {again}',
  'answer me [now]',
  'she said "leave me alone" but I won\'t',
  'path C:\\Users\\sam\\Desktop',
  'нет, я не приду 🙂',
  'なぜ返事しないの？',
  '😡😡😡 pick up the phone',
  'line one\nline two\tand a tab',
  "you can't block me } ] forever",
  "see you at 7, same place as last week. don't be late this time or else",
];
const MEDIA = ['sticker', 'voice_message', 'video_message', 'animation', 'video_file'];

/** A small seeded PRNG (mulberry32) so runs are reproducible. */
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

const s = (v) => JSON.stringify(v);
const localDate = (sec) => new Date(sec * 1000).toISOString().slice(0, 19);

function message(r, id, sec, ind, people) {
  const p = `${ind} `;
  const who = people[Math.floor(r() * people.length)];
  const head = `{\n${p}"id": ${id},\n${p}"type": `;
  const dates = `,\n${p}"date": ${s(localDate(sec))},\n${p}"date_unixtime": "${sec}"`;
  const roll = r();
  if (roll < 0.03) {
    const missed = r() < 0.5;
    return `${head}"service"${dates},\n${p}"actor": ${s(who.name)},\n${p}"actor_id": "${who.id}",\n${p}"action": "phone_call",${
      missed ? '' : `\n${p}"duration_seconds": ${1 + Math.floor(r() * 600)},`
    }\n${p}"discard_reason": "${missed ? 'missed' : 'hangup'}",\n${p}"text": "",\n${p}"text_entities": []\n${ind}}`;
  }
  if (roll < 0.04) {
    return `${head}"service"${dates},\n${p}"actor": ${s(who.name)},\n${p}"actor_id": "${who.id}",\n${p}"action": "pin_message",\n${p}"message_id": ${id - 1},\n${p}"text": "",\n${p}"text_entities": []\n${ind}}`;
  }
  let out = `${head}"message"${dates}`;
  if (r() < 0.05) out += `,\n${p}"edited": ${s(localDate(sec + 60))},\n${p}"edited_unixtime": "${sec + 60}"`;
  out += `,\n${p}"from": ${who.name === null ? 'null' : s(who.name)},\n${p}"from_id": "${who.id}"`;
  if (r() < 0.1) out += `,\n${p}"reply_to_message_id": ${Math.max(1, id - 1 - Math.floor(r() * 20))}`;
  if (r() < 0.02) out += `,\n${p}"forwarded_from": "Channel Example"`;
  const kind = r();
  let text = TEXTS[Math.floor(r() * TEXTS.length)];
  if (kind < 0.08) {
    out += `,\n${p}"photo": "(File not included. Change data exporting settings to download.)",\n${p}"width": 1280,\n${p}"height": 960`;
    if (r() < 0.7) text = '';
  } else if (kind < 0.13) {
    const mt = MEDIA[Math.floor(r() * MEDIA.length)];
    out += `,\n${p}"file": "(File not included. Change data exporting settings to download.)",\n${p}"media_type": "${mt}"`;
    out +=
      mt === 'sticker'
        ? `,\n${p}"sticker_emoji": "😡"`
        : `,\n${p}"mime_type": "audio/ogg",\n${p}"duration_seconds": 7`;
    text = '';
  }
  const q = `${p} `;
  const q2 = `${q} `;
  if (text !== '' && r() < 0.15) {
    // An entity array: a link between plain parts.
    const parts = [text, { type: 'link', text: 'https://example.org/x?a={1}' }, ' !'];
    const arr = parts
      .map((x) =>
        typeof x === 'string'
          ? `\n${q}${s(x)}`
          : `\n${q}{\n${q2}"type": "link",\n${q2}"text": ${s(x.text)}\n${q}}`,
      )
      .join(',');
    const ents = parts
      .map((x) => {
        const e = typeof x === 'string' ? { type: 'plain', text: x } : x;
        return `\n${q}{\n${q2}"type": "${e.type}",\n${q2}"text": ${s(e.text)}\n${q}}`;
      })
      .join(',');
    return `${out},\n${p}"text": [${arr}\n${p}],\n${p}"text_entities": [${ents}\n${p}]\n${ind}}`;
  }
  const ents = text === '' ? '[]' : `[\n${q}{\n${q2}"type": "plain",\n${q2}"text": ${s(text)}\n${q}}\n${p}]`;
  return `${out},\n${p}"text": ${s(text)},\n${p}"text_entities": ${ents}\n${ind}}`;
}

/** Writes `count` records to `file`; resolves to the number written. */
export async function generateTelegram(file, count, { single = false } = {}) {
  const r = rng(20240301);
  const ws = createWriteStream(file);
  let buffered = '';
  const write = async (chunk) => {
    buffered += chunk;
    if (buffered.length > 1 << 20) {
      if (!ws.write(buffered)) await once(ws, 'drain');
      buffered = '';
    }
  };
  const owner = { id: 'user1000000', name: 'Alex Owner' };
  const chats = single ? 1 : 20;
  const per = Math.ceil(count / chats);
  let written = 0;
  let sec = 1704067200;
  if (!single) {
    await write(
      `{\n "about": "Here is the data you requested. Remember: Telegram is ad free, doesn't use your data for ad targeting and doesn't sell it to anyone.",\n "personal_information": {\n  "user_id": 1000000,\n  "first_name": "Alex",\n  "last_name": "Owner",\n  "phone_number": "+44 7700 900000",\n  "bio": "{not: [json]}"\n },\n "contacts": {\n  "about": "contacts",\n  "list": [\n   {\n    "user_id": 1000001,\n    "first_name": "Sam",\n    "last_name": "Example",\n    "phone_number": "+44 7700 900001",\n    "date": "2023-01-01T10:00:00",\n    "date_unixtime": "1672567200"\n   }\n  ]\n },\n "chats": {\n  "about": "This page lists all chats from this export.",\n  "list": [`,
    );
  }
  for (let c = 0; c < chats && written < count; c++) {
    const ind = single ? '' : '   ';
    const other = { id: `user${1000001 + c}`, name: c === 3 ? null : `Contact ${c} "Example"` };
    const people = [owner, other, other];
    await write(
      `${single ? '' : c === 0 ? '\n   ' : ',\n   '}{\n${ind} "name": ${other.name === null ? 'null' : s(other.name)},\n${ind} "type": "personal_chat",\n${ind} "id": ${1000001 + c},\n${ind} "messages": [`,
    );
    const n = Math.min(per, count - written);
    const mind = `${ind}  `;
    for (let k = 0; k < n; k++) {
      sec += 1 + Math.floor(r() * 120);
      await write(`${k === 0 ? '' : ','}\n${mind}${message(r, 1000 + k, sec, mind, people)}`);
    }
    written += n;
    await write(`\n${ind} ]\n${ind}}`);
  }
  await write(single ? '\n' : '\n  ]\n },\n "left_chats": {\n  "about": "left",\n  "list": []\n }\n}\n');
  ws.end(buffered);
  await once(ws, 'finish');
  return written;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [file, n = '1000000', flag] = process.argv.slice(2);
  if (!file) {
    console.error('usage: gen-telegram.mjs <out.json> [count] [--single]');
    process.exit(2);
  }
  const written = await generateTelegram(file, Number(n), { single: flag === '--single' });
  console.log(`${file}: ${written} records`);
}
