#!/usr/bin/env node
/**
 * Writes a synthetic "SMS Backup & Restore" XML for benchmarks, attribute for attribute as the app writes it.
 * `generateSms(file, count, seed?, maxGapMs?)` writes `count` <sms> records (another seed, another backup of the same
 * mix; `maxGapMs`, default 4 minutes, spreads them over a longer time);
 * `generateMmsPhotos(file, photos, bytesEach)` writes a backup of mostly MMS with large base64 photo parts (the
 * "2 GB backup full of photos" case).
 *
 *   node scripts/bench/gen-sms.mjs /tmp/sms-1m.xml 1000000
 *   node scripts/bench/gen-sms.mjs /tmp/mms-400mb.xml --mms 200 2000000
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { pathToFileURL } from 'node:url';

const BODIES = [
  'Answer me',
  'Why are you ignoring me',
  'I just want to talk &amp; you know it',
  'Pick up the phone',
  'I know where you are tonight',
  'You can&apos;t block me forever &#55357;&#56545;',
  'Line one&#10;line two',
];

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

async function writeAll(file, count, record) {
  const out = createWriteStream(file);
  let buf = `<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<smses count="${count}" backup_set="0b4a7d1e-0000-4000-8000-000000000000" backup_date="1719820800000" type="full">\n`;
  for (let i = 0; i < count; i++) {
    buf += record(i);
    if (buf.length > 1 << 16) {
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  }
  out.end(`${buf}</smses>\n`);
  await once(out, 'finish');
}

export async function generateSms(file, count, seed = 11, maxGapMs = 240_000) {
  const rand = rng(seed);
  let t = Date.UTC(2021, 0, 4, 9, 0);
  await writeAll(file, count, () => {
    t += Math.floor(rand() * maxGapMs);
    const type = rand() < 0.85 ? 1 : 2;
    const body = BODIES[Math.floor(rand() * BODIES.length)];
    return `  <sms protocol="0" address="+447700900123" date="${t}" type="${type}" subject="null" body="${body}" toa="null" sc_toa="null" service_center="+447785016005" read="1" status="-1" locked="0" date_sent="${type === 1 ? t - 2000 : 0}" sub_id="1" readable_date="x" contact_name="Sam" />\n`;
  });
  return count;
}

export async function generateMmsPhotos(file, photos, bytesEach) {
  const rand = rng(13);
  // One photo's worth of base64; the same bytes for each MMS keep generation fast.
  const raw = Buffer.alloc(Math.floor((bytesEach * 3) / 4));
  for (let i = 0; i < raw.length; i++) raw[i] = Math.floor(rand() * 256);
  const data = raw.toString('base64');
  let t = Date.UTC(2021, 0, 4, 9, 0);
  await writeAll(file, photos, (i) => {
    t += 3_600_000;
    return `  <mms date="${t}" rr="null" sub="null" ct_t="application/vnd.wap.multipart.related" read_status="null" seen="1" msg_box="1" address="+447700900123" sub_cs="null" resp_st="null" retr_st="null" d_tm="null" text_only="0" exp="604800" locked="0" m_id="m${i}" st="null" retr_txt_cs="null" retr_txt="null" creator="com.google.android.apps.messaging" date_sent="0" read="1" m_size="${bytesEach}" rpt_a="null" ct_cls="null" pri="129" sub_id="1" tr_id="t${i}" resp_txt="null" ct_l="null" m_cls="personal" d_rpt="128" v="18" _id="${i}" m_type="132" readable_date="x" contact_name="Sam">\n    <parts>\n      <part seq="-1" ct="application/smil" name="null" chset="null" cd="null" fn="null" cid="&lt;smil&gt;" cl="smil.xml" ctt_s="null" ctt_t="null" text="&lt;smil&gt;&lt;body&gt;&lt;par dur=&quot;5000ms&quot;&gt;&lt;img src=&quot;image.jpg&quot;/&gt;&lt;/par&gt;&lt;/body&gt;&lt;/smil&gt;" />\n      <part seq="0" ct="image/jpeg" name="image.jpg" chset="null" cd="null" fn="null" cid="&lt;image&gt;" cl="image.jpg" ctt_s="null" ctt_t="null" text="null" data="${data}" />\n      <part seq="0" ct="text/plain" name="null" chset="106" cd="null" fn="null" cid="&lt;text&gt;" cl="text.txt" ctt_s="null" ctt_t="null" text="Look at this" />\n    </parts>\n    <addrs>\n      <addr address="+447700900123" type="137" charset="106" />\n      <addr address="+447700900001" type="151" charset="106" />\n    </addrs>\n  </mms>\n`;
  });
  return photos;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  if (args[1] === '--mms')
    await generateMmsPhotos(args[0], Number(args[2] ?? 200), Number(args[3] ?? 2_000_000));
  else await generateSms(args[0], Number(args[1] ?? 1000));
}
