#!/usr/bin/env node
/**
 * Writes a synthetic mbox for benchmarks: a realistic mix of plain, quoted-printable, base64, multipart/alternative,
 * HTML-only and attachment-bearing mail, encoded-word subjects, `>From` quoted body lines, prose lines starting
 * "From ", unreadable Date headers with a Received fallback, and bounces. Deterministic: the same arguments give the
 * same bytes. `--gmail` writes Gmail Takeout style (CRLF, `From <id>@xxx … +0000 2024` separators, X-Gmail-Labels).
 *
 *   node scripts/bench/gen-mbox.mjs /tmp/mail-1m.mbox 1000000
 *   node scripts/bench/gen-mbox.mjs /tmp/takeout-1m.mbox 1000000 --gmail
 *
 * Import `generateMbox(file, count, { gmail })` to reuse it; it resolves to the number of messages written.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { pathToFileURL } from 'node:url';

const TEXTS = [
  'Answer your phone.',
  'I know you are at home, the lights are on.',
  'Why are you ignoring me? I only want to talk.',
  'I saw you at the station this morning. Nice coat.',
  'Schönes Wochenende. Ich weiß, wo du wohnst.',
  'нет, я не отстану 🙂',
  'You can block my number but not my address 😡',
  'From the bridge you can see your kitchen window.',
];
const SENDERS = [
  ['Ex Partner', 'ex.partner@example.net'],
  ['', 'new.account.4471@example.org'],
  ['Jörg Example', 'j.example@example.com'],
  ['Sam (friend)', 'sam@example.org'],
];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

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

const p2 = (n) => String(n).padStart(2, '0');
const asctime = (d) =>
  `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ` +
  `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} ${d.getUTCFullYear()}`;
const rfc = (d, offsetMin = 0) => {
  const l = new Date(d.getTime() + offsetMin * 60_000);
  const sign = offsetMin < 0 ? '-' : '+';
  const o = Math.abs(offsetMin);
  return (
    `${DAYS[l.getUTCDay()]}, ${l.getUTCDate()} ${MONTHS[l.getUTCMonth()]} ${l.getUTCFullYear()} ` +
    `${p2(l.getUTCHours())}:${p2(l.getUTCMinutes())}:${p2(l.getUTCSeconds())} ${sign}${p2(o / 60)}${p2(o % 60)}`
  );
};
const b64 = (s) => Buffer.from(s, 'utf8').toString('base64').replace(/.{76}/g, '$&\n');
const qp = (s) =>
  [...Buffer.from(s, 'latin1')]
    .map((c) => (c > 126 || c === 61 ? `=${c.toString(16).toUpperCase()}` : String.fromCharCode(c)))
    .join('');

function message(r, i, when, gmail) {
  const [name, addr] = SENDERS[Math.floor(r() * SENDERS.length)];
  const text = TEXTS[Math.floor(r() * TEXTS.length)];
  const from = name ? `"${name}" <${addr}>` : addr;
  // Independent draws for the body shape, the headers and the oddities, so every combination occurs.
  const roll = r();
  const headerRoll = r();
  const odd = r();
  const sep = gmail
    ? `From ${1780000000000000000n + BigInt(i)}@xxx ${asctime(when).replace(/ (\d{4})$/, ' +0000 $1')}`
    : `From ${addr} ${asctime(when)}`;
  const h = [sep];
  if (gmail) {
    h.push(`X-GM-THRID: ${1780000000000000000n + BigInt(i - (i % 5))}`);
    h.push(
      `X-Gmail-Labels: ${headerRoll < 0.1 ? 'Spam' : headerRoll < 0.12 ? 'Trash,Opened' : 'Inbox,Opened,Category Personal'}`,
    );
  }
  h.push(
    `Received: from mail.example.net by mx.example.com with ESMTPS id ${i.toString(36)};\n\t${rfc(new Date(when.getTime() + 2000))}`,
  );
  h.push(
    odd < 0.01
      ? 'Date: sometime last week'
      : `Date: ${rfc(when, headerRoll < 0.5 ? 60 : -300)}${headerRoll < 0.3 ? ' (CET)' : ''}`,
  );
  h.push(`From: ${odd > 0.995 ? 'Mail Delivery System <MAILER-DAEMON@example.com>' : from}`);
  h.push('To: Alex <alex@example.com>');
  h.push(
    headerRoll < 0.15
      ? `Subject: =?ISO-8859-1?Q?Gr=FC=DFe_${i}?=`
      : headerRoll < 0.3
        ? `Subject: =?UTF-8?B?${Buffer.from(`Überraschung ${i}`).toString('base64')}?=`
        : `Subject: ${headerRoll < 0.5 ? 'Re: ' : ''}message ${i}`,
  );
  h.push(`Message-ID: <${i}.${when.getTime()}@mail.example.net>`);
  h.push('MIME-Version: 1.0');
  let body;
  if (roll < 0.7) {
    h.push('Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: 8bit');
    body = `${text}\n${odd < 0.05 ? '>From the quoted reply.\nFrom here on I mean it.\n' : ''}\n-- \nsent from my phone`;
  } else if (roll < 0.8) {
    h.push('Content-Type: text/plain; charset=ISO-8859-1', 'Content-Transfer-Encoding: quoted-printable');
    body = qp(`${text.replace(/[^ -\xff]/g, '?')} Grüße aus Köln, ${'und noch mehr Text '.repeat(4)}`);
  } else if (roll < 0.9) {
    h.push('Content-Type: multipart/alternative; boundary="alt-b"');
    body = `--alt-b\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n${b64(text)}\n--alt-b\nContent-Type: text/html; charset=utf-8\n\n<div dir="ltr"><p>${text}</p></div>\n--alt-b--`;
  } else if (roll < 0.96) {
    h.push('Content-Type: text/html; charset=utf-8');
    body = `<html><head><style>p{margin:0}</style></head><body><p>${text}&nbsp;&mdash;<br>again</p></body></html>`;
  } else {
    h.push('Content-Type: multipart/mixed; boundary="mix-b"');
    body = `--mix-b\nContent-Type: text/plain; charset=utf-8\n\n${text}\n--mix-b\nContent-Type: image/jpeg; name="photo-${i}.jpg"\nContent-Disposition: attachment; filename="photo-${i}.jpg"\nContent-Transfer-Encoding: base64\n\n${b64('x'.repeat(1500))}\n--mix-b--`;
  }
  return `${h.join('\n')}\n\n${body}\n\n`;
}

/** Writes `count` messages to `file`; resolves to the number written. */
export async function generateMbox(file, count, { gmail = false } = {}) {
  const out = createWriteStream(file);
  const r = rng(20240101);
  let t = Date.UTC(2023, 0, 1);
  let batch = '';
  for (let i = 0; i < count; i++) {
    t += 1000 + Math.floor(r() * 120_000);
    const m = message(r, i, new Date(t), gmail);
    batch += gmail ? m.replace(/\n/g, '\r\n') : m;
    if (batch.length > 1 << 20) {
      if (!out.write(batch)) await once(out, 'drain');
      batch = '';
    }
  }
  out.end(batch);
  await once(out, 'finish');
  return count;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [file, n = '1000'] = process.argv.slice(2);
  if (!file) {
    console.error('usage: gen-mbox.mjs <out.mbox> [count] [--gmail]');
    process.exit(2);
  }
  const started = performance.now();
  await generateMbox(file, Number(n), { gmail: process.argv.includes('--gmail') });
  console.error(`${n} messages → ${file} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
