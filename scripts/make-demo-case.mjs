#!/usr/bin/env node
/**
 * Generates the bundled demo case `fixtures/demo-case/` and its machine-readable ground truth
 * `fixtures/demo-case.truth.json` (next to the folder, not inside it: a JSON file inside would be read as an input).
 *
 * The case is fictional and anonymised: Ofcom drama numbers (+44 7700 900xxx, 01632 960xxx), example.com/.net
 * hosts, invented names. Every file is written the way the real app writes it:
 * WhatsApp Android (LF, minute stamps) and iOS (CRLF, bracketed stamps, U+200E marks), SMS Backup & Restore
 * messages and calls, and an Excel "CSV UTF-8" diary (BOM, CRLF). The README written alongside explains each quirk.
 *
 * Deterministic: a seeded PRNG, fixed dates, no clock, no locale or machine time zone. The UK daylight-saving rule
 * for 2023-12 to 2024-06 is written out here and cross-checked against the runtime's tz database (the run fails
 * rather than writing different bytes). Running it twice gives byte-identical files; `--check` regenerates in
 * memory and exits 1 if anything on disk differs.
 *
 * Usage: node scripts/make-demo-case.mjs [--check]
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CASE_DIR = 'fixtures/demo-case';
const TRUTH_FILE = 'fixtures/demo-case.truth.json';
const SEED = 20240108;

// ─── Deterministic randomness ────────────────────────────────────────────────────────────────────────────────
// One independent stream per purpose, so tuning the "other contacts" traffic never moves the subject's messages.

function hash32(s) {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

class Rng {
  constructor(name) {
    let a = hash32(`${SEED}:${name}`);
    // mulberry32: small, fast, well distributed for test data.
    this.next = () => {
      a = (a + 0x6d2b79f5) | 0;
      let t = Math.imul(a ^ (a >>> 15), 1 | a);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  int(lo, hi) {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p) {
    return this.next() < p;
  }
  pick(arr) {
    return arr[Math.floor(this.next() * arr.length)];
  }
  weighted(pairs) {
    const total = pairs.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [v, w] of pairs) {
      r -= w;
      if (r < 0) return v;
    }
    return pairs[pairs.length - 1][0];
  }
  exp(mean) {
    return -mean * Math.log(1 - this.next());
  }
  normal() {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
  /** Marsaglia–Tsang gamma with mean 1 and shape k (k ≥ 1): the day-to-day mood that makes counts overdispersed. */
  gammaMean1(k) {
    const d = k - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      const x = this.normal();
      const v = (1 + c * x) ** 3;
      if (v <= 0) continue;
      if (Math.log(1 - this.next()) < 0.5 * x * x + d - d * v + d * Math.log(v)) return (d * v) / k;
    }
  }
  poisson(lambda) {
    const l = Math.exp(-lambda);
    let k = 0;
    let p = 1;
    for (;;) {
      p *= this.next();
      if (p <= l) return k;
      k++;
    }
  }
  hex(n) {
    let s = '';
    for (let i = 0; i < n; i++) s += '0123456789abcdef'[this.int(0, 15)];
    return s;
  }
}

// ─── Time: Europe/London, written out ────────────────────────────────────────────────────────────────────────

const SEC = 1000;
const MIN = 60 * SEC;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
/** UK clocks went forward at 01:00 GMT on 31 March 2024 and back at 01:00 GMT on 27 October 2024. */
const BST_START = Date.UTC(2024, 2, 31, 1);
const BST_END = Date.UTC(2024, 9, 27, 1);
const offsetOf = (ms) => (ms >= BST_START && ms < BST_END ? HOUR : 0);

/** Wall-clock parts of a UTC instant in Europe/London. */
function local(ms) {
  const d = new Date(ms + offsetOf(ms));
  return {
    y: d.getUTCFullYear(),
    mo: d.getUTCMonth() + 1,
    d: d.getUTCDate(),
    h: d.getUTCHours(),
    mi: d.getUTCMinutes(),
    s: d.getUTCSeconds(),
    wd: d.getUTCDay(),
  };
}

/** The UTC instant of a Europe/London wall-clock time. Throws for the spring-forward gap: no phone writes those. */
function at(date, time = '00:00:00') {
  const [y, mo, d] = date.split('-').map(Number);
  const [h, mi, s = 0] = time.split(':').map(Number);
  const naive = Date.UTC(y, mo - 1, d, h, mi, s);
  if (naive >= Date.UTC(2024, 2, 31, 1) && naive < Date.UTC(2024, 2, 31, 2))
    throw new Error(`${date} ${time} does not exist in Europe/London`);
  if (naive >= Date.UTC(2024, 9, 27, 0)) throw new Error('the demo case ends before the October fall-back');
  return naive >= Date.UTC(2024, 2, 31, 2) ? naive - HOUR : naive;
}

const p2 = (n) => String(n).padStart(2, '0');
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const dayKey = (ms) => {
  const t = local(ms);
  return `${t.y}-${p2(t.mo)}-${p2(t.d)}`;
};
const localIso = (ms, withSeconds = true) => {
  const t = local(ms);
  return `${t.y}-${p2(t.mo)}-${p2(t.d)}T${p2(t.h)}:${p2(t.mi)}${withSeconds ? `:${p2(t.s)}` : ''}`;
};
const dmy = (t) => `${p2(t.d)}/${p2(t.mo)}/${t.y}`;
const waAndroidStamp = (ms) => {
  const t = local(ms);
  return `${dmy(t)}, ${p2(t.h)}:${p2(t.mi)}`;
};
const waIosStamp = (ms) => {
  const t = local(ms);
  return `[${dmy(t)}, ${p2(t.h)}:${p2(t.mi)}:${p2(t.s)}]`;
};
/** SMS Backup & Restore's `readable_date` on an en-GB phone: device-local, no zone ("8 Jan 2024 18:42:11"). */
const readableDate = (ms) => {
  const t = local(ms);
  return `${t.d} ${MONTHS[t.mo - 1]} ${t.y} ${p2(t.h)}:${p2(t.mi)}:${p2(t.s)}`;
};
const addDays = (key, n) => new Date(Date.parse(`${key}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
const daysBetween = (from, to) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);

const ldn = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});
/** Cross-checks the written-out DST rule against the runtime's tz database for one instant. */
function assertZone(ms) {
  const parts = Object.fromEntries(ldn.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  const viaIntl = `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}`;
  if (viaIntl !== localIso(ms))
    throw new Error(`zone rule disagrees with tzdata at ${new Date(ms).toISOString()}`);
}

// ─── The story ───────────────────────────────────────────────────────────────────────────────────────────────

const PERIOD = { from: '2024-01-08', to: '2024-06-30' };
const VICTIM = { name: 'Alex Morgan', phone: '+447700900001', waName: 'Alex' };
const SUBJECT = { name: 'Sam Carter', waName: 'Sam', oldPhone: '+447700900123', newPhone: '+447700900456' };
/** How the phone stored Sam's new number in the call log: national format, as UK networks often present it. */
const NEW_PHONE_CALL_LOG = '07700900456';

const T = {
  waAndroidStart: at('2024-01-08', '18:42:00'),
  numberBlocked: at('2024-03-10', '20:30:00'),
  newNumberFirst: at('2024-03-11', '07:58:12'),
  waBlocked: at('2024-03-31', '10:12:00'),
  waIosStart: at('2024-04-01', '19:20:05'),
  warning: at('2024-04-02'),
  order: at('2024-05-20'),
  smsBackup1: at('2024-03-15', '12:00:00'),
  smsBackup2From: at('2024-02-01'),
  backup2: at('2024-06-01', '09:00:00'),
  otherFrom: at('2023-12-01'),
  end: at('2024-07-01'),
};

/** Designed rate regimes (subject contacts per local day, all channels), with the day-to-day overdispersion. */
const REGIMES = [
  { from: '2024-01-09', to: '2024-03-10', label: 'baseline', rate: 1.5, night: 0.05, burst: 2.2 },
  { from: '2024-03-11', to: '2024-04-01', label: 'after the new number', rate: 5, night: 0.1, burst: 3.2 },
  {
    from: '2024-04-02',
    to: '2024-05-19',
    label: 'after the police warning',
    rate: 8.5,
    night: 0.16,
    burst: 3.8,
  },
  { from: '2024-05-20', to: '2024-06-30', label: 'after the order', rate: 3, night: 0.2, burst: 2.6 },
];
const GAMMA_SHAPE = 3;
/** Which channel a contact uses, per regime. */
// biome-ignore format: one regime per line
const CHANNEL_MIX = [
  [['wa', 0.5], ['sms', 0.3], ['call', 0.2]],
  [['wa', 0.45], ['sms', 0.3], ['call', 0.25]],
  [['wa', 0.5], ['sms', 0.25], ['call', 0.25]],
  [['wa', 0.55], ['sms', 0.25], ['call', 0.2]],
];

const POOLS = {
  early: [
    'Can we talk?',
    'I just want to talk',
    'Please answer',
    'Why are you ignoring me',
    'I miss you',
    'Are you there?',
    'Just tell me what I did wrong',
    'Call me back',
    'Ring me please',
    'We need to sort this out',
    'You can\u2019t ignore me forever',
    'Where are you tonight?',
    'Who are you with?',
    'Answer me',
    'I\u2019m not giving up on us',
    'Please 🙏',
    'Goodnight x',
    'Why won\u2019t you reply?',
  ],
  escalated: [
    'Answer me',
    'ANSWER ME',
    'Pick up',
    'Why are you ignoring me',
    'I know you\u2019re reading these',
    'You can\u2019t hide from me',
    'Who is he?',
    'I\u2019m not going anywhere',
    'Stop pretending you\u2019re busy',
    'I just want to talk',
    'Talk to me',
    'You owe me an explanation',
    'I\u2019ll keep trying until you answer',
    'Why are you doing this to me',
    'Answer the phone',
    'I just want to talk 😡',
    'Don\u2019t make this harder than it is',
    'Reply',
  ],
  afterWarning: [
    'The police won\u2019t do anything',
    'You went to the police over some messages?',
    'Answer me',
    'Why are you ignoring me',
    'I just want to talk',
    'A warning doesn\u2019t change anything',
    'You know I\u2019m right',
    'Pick up the phone',
    'Stop ignoring me',
    'I\u2019m not going away',
    'Why did you do that to me',
    'Talk to me',
    'ANSWER ME',
    'You\u2019ll have to talk to me eventually',
    'I know you\u2019re home',
  ],
  afterOrder: [
    'Just one conversation',
    'This isn\u2019t fair',
    'Answer me',
    'I\u2019m allowed to say sorry',
    'I just want to talk',
    'Why are you ignoring me',
    'Please',
    'You can\u2019t keep me away forever',
    'I miss you',
    'Talk to me',
  ],
  victimEarly: [
    'Sam, it\u2019s over. Please accept that.',
    'I\u2019m not talking about this again.',
    'Please leave me alone.',
    'I\u2019m busy. Stop messaging me.',
    'No.',
    'I\u2019ve said everything I have to say.',
    'Stop calling me.',
    'I\u2019m not going to change my mind.',
  ],
};
const poolFor = (regime) => [POOLS.early, POOLS.escalated, POOLS.afterWarning, POOLS.afterOrder][regime];

// ─── Records ────────────────────────────────────────────────────────────────────────────────────────────────
// One array of everything that happened on the devices; each file then takes what its export would hold.
// who: subject | victim | other | withheld. ch: wa | sms | mms | call. For wa, `era` says which phone.

const records = [];
const add = (r) => {
  records.push(r);
  return r;
};
let latentNotExported = 0;

const waEra = (ms) => (ms < T.waIosStart ? 'android' : 'ios');
const subjectNumberAt = (ms) => (ms < T.numberBlocked ? SUBJECT.oldPhone : SUBJECT.newPhone);

function waAvailable(ms) {
  return (ms >= T.waAndroidStart && ms < T.waBlocked) || ms >= T.waIosStart;
}

/** Places one subject contact on a channel the story allows at that moment; returns false if it is unobservable. */
function placeSubject(ms, ch, regime, rng) {
  if (ch === 'wa' && !waAvailable(ms)) ch = 'sms';
  if ((ch === 'sms' || ch === 'call') && ms >= T.backup2) {
    latentNotExported++;
    return false;
  }
  if (ch === 'sms' && ms >= T.numberBlocked && ms < T.newNumberFirst) ch = waAvailable(ms) ? 'wa' : 'call';
  if (ch === 'wa') {
    const kind = rng.weighted([
      ['text', 0.84],
      ['media', 0.05],
      ['deleted', 0.04],
      ['missed', 0.07],
    ]);
    let text;
    if (kind === 'text') {
      text = rng.pick(poolFor(regime));
      // Now and then a message of several lines, as people type them (distinct lines, in one bubble).
      if (rng.chance(0.03)) {
        const others = poolFor(regime).filter((t) => t !== text);
        const second = rng.pick(others);
        text = `${text}\n${second}\n${rng.pick(others.filter((t) => t !== second))}`;
      }
    }
    add({ ms, ch: 'wa', era: waEra(ms), who: 'subject', kind, text });
  } else if (ch === 'sms') {
    add({
      ms,
      ch: 'sms',
      who: 'subject',
      addr: subjectNumberAt(ms),
      type: 1,
      text: rng.pick(poolFor(regime)),
    });
  } else {
    if (ms >= T.numberBlocked && ms < T.newNumberFirst) {
      add({ ms, ch: 'call', who: 'subject', number: SUBJECT.oldPhone, type: 6, duration: 0 });
      return true;
    }
    const jan = ms < at('2024-02-01');
    const type = rng.weighted(
      regime === 0
        ? [
            [3, 0.6],
            [5, 0.3],
            [jan ? 1 : 3, 0.1],
          ]
        : [
            [3, 0.58],
            [5, 0.37],
            [4, 0.05],
          ],
    );
    const duration = type === 1 ? rng.int(20, 200) : type === 4 ? rng.int(12, 45) : 0;
    const number = ms < T.numberBlocked ? SUBJECT.oldPhone : NEW_PHONE_CALL_LOG;
    add({ ms, ch: 'call', who: 'subject', number, type, duration });
  }
  return true;
}

/** An hour of the day: evenings dominate; the night share grows with each regime. */
function sampleHour(rng, nightShare) {
  if (rng.chance(nightShare)) return rng.weighted([0, 1, 2, 3, 4, 5].map((h) => [h, 6 - h]));
  return rng.weighted([
    [7, 1],
    [8, 2],
    [9, 1],
    [10, 1],
    [11, 1],
    [12, 2],
    [13, 2],
    [14, 1],
    [15, 1],
    [16, 1],
    [17, 2],
    [18, 3],
    [19, 4],
    [20, 5],
    [21, 6],
    [22, 6],
    [23, 4],
  ]);
}

/** A random wall-clock instant on a local day at a given hour, avoiding the spring-forward gap. */
function instantOn(day, hour, rng) {
  for (;;) {
    const time = `${p2(hour)}:${p2(rng.int(0, 59))}:${p2(rng.int(0, 59))}`;
    try {
      return at(day, time);
    } catch {
      hour = 2;
    }
  }
}

function generateSubjectProcess() {
  const rng = new Rng('subject');
  const replies = new Rng('victim-replies');
  REGIMES.forEach((reg, regime) => {
    for (let day = reg.from; day <= reg.to; day = addDays(day, 1)) {
      let n = rng.poisson(reg.rate * rng.gammaMean1(GAMMA_SHAPE));
      while (n > 0) {
        const size = Math.min(n, 1 + rng.poisson(reg.burst - 1));
        n -= size;
        let ms = instantOn(day, sampleHour(rng, reg.night), rng);
        let ch = rng.weighted(CHANNEL_MIX[regime]);
        let last;
        for (let i = 0; i < size; i++) {
          if (i > 0) {
            ms += Math.round(rng.exp(ch === 'call' ? 150 : 80) * SEC) + 5 * SEC;
            if (!rng.chance(0.75)) ch = rng.weighted(CHANNEL_MIX[regime]);
          }
          if (ms >= T.end) break;
          if (placeSubject(ms, ch, regime, rng)) last = records[records.length - 1];
        }
        // Early on Alex still replied now and then, less and less, and not at all after her cease request.
        const daysIn = daysBetween(PERIOD.from, day);
        if (last && last.ms < at('2024-02-20') && (last.ch === 'wa' || last.ch === 'sms')) {
          if (replies.chance(0.4 - (0.3 * daysIn) / 43)) {
            const rms = last.ms + replies.int(3, 40) * MIN + replies.int(0, 59) * SEC;
            const text = replies.pick(POOLS.victimEarly);
            if (last.ch === 'wa')
              add({ ms: rms, ch: 'wa', era: 'android', who: 'victim', kind: 'text', text });
            else add({ ms: rms, ch: 'sms', who: 'victim', addr: last.addr, type: 2, text });
          }
        }
      }
    }
  });
}

/** Scripted moments the README and the tests rely on. */
function generateScripted() {
  const wa = (date, time, text, who = 'subject', kind = 'text', extra = {}) => {
    const ms = at(date, time);
    return add({ ms, ch: 'wa', era: waEra(ms), who, kind, text, scripted: true, ...extra });
  };
  const sms = (date, time, text, who = 'subject', extra = {}) => {
    const ms = at(date, time);
    const addr = who === 'subject' || who === 'victim' ? (extra.addr ?? subjectNumberAt(ms)) : extra.addr;
    return add({ ms, ch: 'sms', who, addr, type: who === 'victim' ? 2 : 1, text, scripted: true, ...extra });
  };
  const call = (date, time, number, type, duration, who = 'subject') =>
    add({ ms: at(date, time), ch: 'call', who, number, type, duration, scripted: true });

  wa('2024-01-08', '18:42:00', null, 'system', 'system', { system: 'encryption' });
  wa('2024-01-08', '18:42:30', 'Hi. I know it\u2019s been a few weeks. Can we talk?');
  wa('2024-01-08', '18:57:10', 'Please');
  wa('2024-01-08', '19:20:44', 'I don\u2019t think that\u2019s a good idea, Sam.', 'victim');
  wa('2024-01-08', '19:21:05', 'Just 5 minutes. I just want to talk\nI\u2019ve changed, I promise\nPlease');
  call('2024-01-09', '20:15:31', SUBJECT.oldPhone, 2, 312, 'victim');
  sms('2024-01-20', '22:41:09', 'Are you getting these? \u{1F4E1}', 'subject', { surrogateRefs: true });
  wa('2024-02-08', '20:31:17', 'I saw you at the gym on Tuesday', 'subject', 'text', {
    signal: 'surveillance',
  });
  wa('2024-02-08', '20:33:02', 'You looked happy. Who were you with?');
  wa('2024-02-11', '23:02:40', '<img src=x onerror=alert(1)>', 'subject', 'text', { hostile: 'html' });
  add({
    ms: at('2024-02-14', '08:15:00'),
    ch: 'mms',
    who: 'subject',
    addr: SUBJECT.oldPhone,
    text: 'Remember this? ❤️',
    scripted: true,
  });
  sms('2024-02-20', '19:05:41', 'Please stop contacting me. I don\u2019t want any contact.', 'victim', {
    cease: true,
  });
  sms('2024-02-20', '19:07:02', 'Why are you doing this?');
  sms('2024-02-20', '19:07:40', 'Answer me');
  sms('2024-02-20', '19:09:15', 'You don\u2019t mean that');
  for (const s of ['03', '11', '19', '33', '48'])
    sms('2024-02-24', `21:14:${s}`, 'Answer me', 'subject', { answerMeBurst: true });
  wa('2024-02-26', '21:48:19', 'I know where you live', 'subject', 'text', { signal: 'surveillance' });
  for (const t of ['21:02:13', '21:05:40']) call('2024-03-10', t, SUBJECT.oldPhone, 6, 0);
  call('2024-03-11', '06:40:02', SUBJECT.oldPhone, 6, 0);
  call('2024-03-12', '23:15:27', SUBJECT.oldPhone, 6, 0);
  sms('2024-03-11', '07:58:12', 'It\u2019s Sam. You can\u2019t just block me.', 'subject', {
    addr: SUBJECT.newPhone,
    signal: 'new-number',
  });
  sms('2024-03-18', '19:44:27', '=HYPERLINK("http://example.com","click")', 'subject', {
    hostile: 'formula',
  });
  wa('2024-03-22', '23:37:51', 'I\u2019ll hurt myself if you don\u2019t answer', 'subject', 'text', {
    signal: 'self-harm threat',
  });
  wa('2024-03-28', '20:02:26', 'I have reported this to the police. Do not contact me again.', 'victim');
  wa('2024-03-31', '00:59:30', 'Are you awake?', 'subject', 'text', { dst: 'before the change (GMT)' });
  wa('2024-03-31', '02:05:10', 'I know you\u2019re awake. Your light is on.', 'subject', 'text', {
    dst: 'after the change (BST)',
    signal: 'surveillance',
  });
  wa('2024-03-31', '10:12:00', null, 'system', 'system', { system: 'blocked' });
  wa('2024-04-01', '19:20:05', null, 'system', 'system', { system: 'encryption' });
  wa('2024-04-01', '19:20:05', 'Did you really block me on WhatsApp?');
  wa('2024-04-01', '19:21:30', 'Answer me');
  wa('2024-04-02', '21:03:44', 'So you went to the police.');
  wa('2024-04-02', '21:04:10', 'Unbelievable.');
  wa('2024-04-03', '00:12:51', 'I\u2019ll make you regret this', 'subject', 'text', { signal: 'threat' });
  wa('2024-04-09', '13:31:07', 'I called your work', 'subject', 'text', {
    signal: 'third party (workplace)',
  });
  wa('2024-04-16', '22:10:00', "+cmd|' /C calc'!A0", 'subject', 'text', { hostile: 'formula (DDE)' });
  wa('2024-04-23', '20:45:12', '@SUM(1+1)', 'subject', 'text', { hostile: 'formula (@)' });
  wa('2024-05-02', '23:58:31', '\u001b[31mREAD THIS\u001b[0m \u202Eyou can\u2019t hide', 'subject', 'text', {
    hostile: 'ANSI escape + RTL override',
  });
  wa('2024-05-21', '19:02:11', 'You didn\u2019t need a court for this');
  wa('2024-05-27', '22:40:05', 'You\u2019ll regret this when you see what happens', 'subject', 'text', {
    signal: 'threat',
  });
}

/** Calls from a withheld number, from April: a pattern worth noting, but not attributable by identifier. */
function generateWithheld() {
  const rng = new Rng('withheld');
  for (let day = '2024-04-04'; day <= '2024-06-01'; day = addDays(day, 1)) {
    const n = rng.poisson(day < '2024-05-20' ? 1 : 0.6);
    for (let i = 0; i < n; i++) {
      const ms = instantOn(day, sampleHour(rng, 0.35), rng);
      if (ms >= T.backup2) continue;
      const type = rng.weighted([
        [3, 0.6],
        [5, 0.3],
        [1, 0.1],
      ]);
      add({ ms, ch: 'call', who: 'withheld', number: '', type, duration: type === 1 ? rng.int(2, 9) : 0 });
    }
  }
}

const OTHERS = {
  mum: { phone: '+447700900002', name: 'Mum' },
  jess: { phone: '+447700900003', name: 'Jess' },
  work: { phone: '+447700900004', name: 'Priya Work' },
  surgery: { phone: '01632960123', name: 'Surgery' },
};
const OTHER_TEXTS = {
  mum: {
    in: [
      'Are you ok love? Call me when you can',
      'Dinner Sunday?',
      'Did you get home safe?',
      'Love you ❤️',
      'Ring me tonight if you want a chat',
      'Dad says hello',
    ],
    out: ['Yes all fine', 'Home now x', 'Sunday sounds good', 'Will ring later', 'Love you too'],
  },
  jess: {
    in: [
      'Drink Friday?',
      'Here if you need me x',
      'Running 10 mins late',
      'How are you doing? 😘',
      'Got in ok?',
    ],
    out: ['Yes please', 'Thanks Jess x', 'On my way', 'Home safe', 'Can I stay at yours Saturday?'],
  },
  work: {
    in: ['Can you swap Thursday for Friday?', 'Rota for next week is up', 'Can you cover the 8am?'],
    out: ['Yes that\u2019s fine', 'Can\u2019t this week sorry', 'Will do'],
  },
};

function generateOthers() {
  const rng = new Rng('others');
  for (let day = '2023-12-01'; day <= '2024-06-01'; day = addDays(day, 1)) {
    const daytime = () => instantOn(day, rng.int(8, 21), rng);
    for (const who of ['mum', 'jess', 'work']) {
      const rate = { mum: 1, jess: 1.2, work: 0.3 }[who];
      for (let i = rng.poisson(rate); i > 0; i--)
        add({
          ms: daytime(),
          ch: 'sms',
          who: 'other',
          addr: OTHERS[who].phone,
          type: 1,
          text: rng.pick(OTHER_TEXTS[who].in),
        });
      for (let i = rng.poisson(rate * 0.8); i > 0; i--)
        add({
          ms: daytime(),
          ch: 'sms',
          who: 'other',
          addr: OTHERS[who].phone,
          type: 2,
          text: rng.pick(OTHER_TEXTS[who].out),
        });
      const callRate = { mum: 0.6, jess: 0.15, work: 0.1 }[who];
      for (let i = rng.poisson(callRate); i > 0; i--) {
        const type = rng.weighted([
          [1, 0.5],
          [2, 0.4],
          [3, 0.1],
        ]);
        add({
          ms: daytime(),
          ch: 'call',
          who: 'other',
          number: OTHERS[who].phone,
          type,
          duration: type === 3 ? 0 : rng.int(25, 1500),
        });
      }
    }
    if (rng.chance(0.08))
      add({
        ms: daytime(),
        ch: 'sms',
        who: 'other',
        addr: 'PARCELS',
        type: 1,
        text: `Your parcel is due today between ${rng.pick(['09:00-13:00', '12:00-16:00', '14:00-18:00'])}. Track it at https://example.com/t/${rng.hex(8)}`,
      });
    if (rng.chance(0.1))
      add({
        ms: daytime(),
        ch: 'sms',
        who: 'other',
        addr: 'VERIFY',
        type: 1,
        text: `Your verification code is ${rng.int(100000, 999999)}. Do not share it with anyone.`,
      });
    if (day.endsWith('-05'))
      add({
        ms: daytime(),
        ch: 'sms',
        who: 'other',
        addr: 'PHARMACY',
        type: 1,
        text: 'Your prescription is ready to collect.',
      });
  }
  add({
    ms: at('2024-01-16', '08:31:12'),
    ch: 'call',
    who: 'other',
    number: OTHERS.surgery.phone,
    type: 2,
    duration: 214,
  });
  add({
    ms: at('2024-04-22', '11:05:40'),
    ch: 'call',
    who: 'other',
    number: OTHERS.surgery.phone,
    type: 1,
    duration: 96,
  });
  add({
    ms: at('2024-04-21', '10:00:00'),
    ch: 'sms',
    who: 'other',
    addr: 'SURGERY',
    type: 1,
    text: 'Reminder: you have an appointment on 22/04/2024 at 11:00. Reply CANCEL to cancel.',
  });
}

// ─── The diary ───────────────────────────────────────────────────────────────────────────────────────────────

// biome-ignore format: one diary row per line, like the spreadsheet it stands for
const DIARY_HEADER = ['Date', 'Time', 'Type of contact', 'What happened', 'Location', 'Witnesses', 'Reported to police', 'Crime reference'];
/** [date, time as written, type, what happened, location, witnesses, reported, crime ref, (hh:mm meant, for the truth)] */
// biome-ignore format: one diary row per line, like the spreadsheet it stands for
const DIARY = [
  ['13/01/2024', '21:40', 'Turned up at my house', 'Knocked on the door for about 10 minutes and shouted through the letterbox that he just wants to talk. I didn\u2019t open the door.', 'Home (old flat)', 'None', 'N', ''],
  ['27/01/2024', '', 'Letter through the door', 'Hand-delivered letter, no stamp, found when I got home from work. Says he "just wants to talk". Kept it in a plastic wallet.', 'Home (old flat)', 'None', 'N', ''],
  ['06/02/2024', '18:30', 'Seen outside the gym', 'Sam was sitting in his car in the gym car park when I came out. He didn\u2019t get out.', 'Gym car park, High Street', 'Jess', 'N', ''],
  ['16/02/2024', '08:10', 'Followed me', 'Followed me on foot from the bus stop to work, about 20 metres behind. Left when I went in.', 'Route to work', 'None', 'N', ''],
  ['23/02/2024', '07:45', 'Flowers left on doorstep', 'Flowers on the doorstep of my new flat with a card: "We belong together". I moved on 17 Feb and have not given him this address.', 'Home (new flat)', 'Neighbour at no. 12', 'N', ''],
  ['02/03/2024', 'approx 8pm', 'Turned up at my house', 'Standing across the road from my flat for about an hour, looking up at the window.\nI stayed in with the lights off.', 'Home (new flat)', 'Jess (on the phone with me)', 'N', '', '20:00'],
  ['09/03/2024', '14:20', 'Called my mum', 'Mum says Sam rang her landline asking where I live now and whether I\u2019m seeing someone. She told him not to call again.', 'Mum\u2019s house (by phone)', 'Mum', 'N', ''],
  ['12/03/2024', '17:35', 'Waiting outside work', 'Waiting by the staff entrance when my shift finished. Dan from security walked me to the bus stop.', 'Work, staff entrance', 'Dan (security)', 'N', ''],
  ['21/03/2024', '22:50', 'Drove past my house', 'Drove past slowly three times between 22:50 and 23:10. Same grey hatchback.', 'Home (new flat)', 'None', 'N', ''],
  ['28/03/2024', '19:10', 'Turned up at my house', 'Rang the doorbell over and over, left when I said through the door I was calling the police. Called 101 afterwards.', 'Home (new flat)', 'Neighbour at no. 12', 'Y', 'waiting for ref'],
  ['04/04/2024', '07:55', 'Followed me', 'Was at the bus stop when I got there and got on the same bus. Got off one stop after me.', 'Bus to work', 'None', 'Y', '41/18022/24'],
  ['09/04/2024', '13:05', 'Called my work', 'Reception took a call from a man asking what shifts I\u2019m on. My manager Priya took the details.', 'Work (by phone)', 'Priya (manager)', 'Y', '41/18022/24'],
  ['12/04/2024', '17:40', 'Waiting outside work', 'Waiting at the staff entrance again. Security asked him to leave.', 'Work, staff entrance', 'Dan (security)', 'Y', '41/19877/24'],
  ['14/04/2024', '02:30', 'Turned up at my house', 'Banging on the door at 2.30am. I called 999. He had gone when police arrived.', 'Home (new flat)', 'Neighbour at no. 12', 'Y (999)', '41/20113/24'],
  ['20/04/2024', '09:15', 'Letter through the door', 'Another hand-delivered letter, four pages. Gave it to PC Hughes.', 'Home (new flat)', 'None', 'Y', '41/18022/24'],
  ['26/04/2024', '19:30', 'Seen outside my house', 'Parked at the end of my road for about 40 minutes.', 'Home (new flat)', 'Jess', 'Y', '41/18022/24'],
  ['01/05/2024', '23:55', 'Flowers left on doorstep', 'Heard something at the door at 23:55. Flowers and a card saying "I\u2019m not giving up".', 'Home (new flat)', 'None', 'Y', '41/21450/24'],
  ['07/05/2024', '18:05', 'Followed me', 'Followed me round the supermarket and was waiting by the exit when I came out.', 'Supermarket, Station Road', 'None', 'Y', '41/18022/24'],
  ['13/05/2024', '12:40', 'Called my mum', 'Rang Mum again asking her to "talk some sense" into me.', 'Mum\u2019s house (by phone)', 'Mum', 'Y', '41/18022/24'],
  ['16/05/2024', '01:20', 'Seen outside my house', 'Car parked outside with the engine running at 1.20am. Left after about 15 minutes.', 'Home (new flat)', 'None', 'Y', '41/22036/24'],
  ['24/05/2024', '20:10', 'Drove past my house', 'Drove past twice. First time since the order was served on 20 May.', 'Home (new flat)', 'None', 'Y', '41/23810/24'],
  ['02/06/2024', '11:30', 'Letter through the door', 'Letter through the door even though the order says no contact. Did not open it, gave it to police.', 'Home (new flat)', 'None', 'Y', '41/23810/24'],
  ['11/06/2024', '17:50', 'Waiting outside work', 'Standing across the street from work at the end of my shift.', 'Work, staff entrance', 'Dan (security)', 'Y', '41/24977/24'],
  ['19/06/2024', '03:10', 'Turned up at my house', 'Knocking at 3am, said through the door he just wants to talk. Called 999.', 'Home (new flat)', 'Neighbour at no. 12', 'Y (999)', '41/25502/24'],
  ['29/06/2024', '21:15', 'Seen outside my house', 'Sitting in his car at the end of my road.', 'Home (new flat)', 'Jess', 'Y', '41/25502/24'],
];

/** Excel "CSV UTF-8": quote a cell only when it holds a comma, a quote or a line break. */
const csvCell = (s) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

function diaryFile() {
  const lines = [DIARY_HEADER.map(csvCell).join(',')];
  const truth = [];
  let line = 2;
  for (const row of DIARY) {
    const cells = row.slice(0, 8);
    const [d, mo, y] = cells[0].split('/');
    const date = `${y}-${mo}-${d}`;
    const hhmm = row[8] ?? cells[1];
    const ms = hhmm ? at(date, hhmm) : at(date);
    truth.push({
      line,
      ms,
      date,
      time: cells[1] || null,
      precision: hhmm ? (row[8] ? 'approximate' : 'minute') : 'day',
      type: cells[2],
      crimeRef: /^\d/.test(cells[7]) ? cells[7] : null,
    });
    // Excel writes a line break typed inside a cell (Alt+Enter) as a bare LF within the quoted cell.
    line += 1 + (cells[3].match(/\n/g) ?? []).length;
    lines.push(cells.map(csvCell).join(','));
  }
  return { bytes: Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8'), truth };
}

// ─── Writers ─────────────────────────────────────────────────────────────────────────────────────────────────

const ENCRYPTION_ANDROID =
  'Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them. Tap to learn more.';
const ENCRYPTION_IOS =
  'Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them.';
const LRM = '\u200E';

function waBody(r, ios) {
  switch (r.kind) {
    case 'media':
      return ios ? `${LRM}${r.media ?? 'image omitted'}` : '<Media omitted>';
    case 'deleted':
      return ios ? `${LRM}This message was deleted.` : 'This message was deleted';
    case 'missed':
      return ios ? `${LRM}Missed voice call` : 'Missed voice call';
    default:
      return r.text;
  }
}

/** Android "Export chat → Without media", en-GB, 24-hour: `dd/mm/yyyy, HH:MM - Name: text`, LF. */
function waAndroidFile(list) {
  const out = [];
  const lineOf = new Map();
  for (const r of list) {
    lineOf.set(r, out.length + 1);
    const stamp = waAndroidStamp(r.ms);
    if (r.kind === 'system')
      out.push(
        `${stamp} - ${r.system === 'encryption' ? ENCRYPTION_ANDROID : 'You blocked this contact. Tap to unblock.'}`,
      );
    else {
      const name = r.who === 'victim' ? VICTIM.waName : SUBJECT.waName;
      out.push(...`${stamp} - ${name}: ${waBody(r, false)}`.split('\n'));
    }
  }
  return { bytes: Buffer.from(`${out.join('\n')}\n`, 'utf8'), lineOf };
}

/** iOS "Export Chat → Without Media", en-GB: `[dd/mm/yyyy, HH:MM:SS] Name: text`, CRLF, LRM marks. */
function waIosFile(list) {
  const out = [];
  const lineOf = new Map();
  for (const r of list) {
    lineOf.set(r, out.length + 1);
    const stamp = waIosStamp(r.ms);
    if (r.kind === 'system') out.push(`${stamp} ${SUBJECT.waName}: ${LRM}${ENCRYPTION_IOS}`);
    else {
      const name = r.who === 'victim' ? VICTIM.waName : SUBJECT.waName;
      // Attachment placeholders also carry an LRM before the opening bracket in real iOS exports.
      const lead = r.kind === 'media' ? LRM : '';
      out.push(...`${lead}${stamp} ${name}: ${waBody(r, true)}`.split('\n'));
    }
  }
  return { bytes: Buffer.from(`${out.join('\r\n')}\r\n`, 'utf8'), lineOf };
}

/** Attribute escaping as Android's XmlSerializer does it: markup characters and line breaks as references. */
function xmlAttr(s, surrogateRefs = false) {
  let v = s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
  // Older tools wrote astral characters as two UTF-16 surrogate references: ill-formed XML that strict parsers reject.
  if (surrogateRefs)
    v = v.replace(/[\u{10000}-\u{10FFFF}]/gu, (c) => `&#${c.charCodeAt(0)};&#${c.charCodeAt(1)};`);
  return v;
}
const attrs = (pairs) => pairs.map(([k, v]) => `${k}="${v}"`).join(' ');
const contactNameFor = (addr) =>
  addr === SUBJECT.oldPhone
    ? 'Sam'
    : addr === SUBJECT.newPhone
      ? 'Sam (new number)'
      : (Object.values(OTHERS).find((o) => o.phone === addr)?.name ?? '(Unknown)');

function uuidFrom(rng) {
  const h = rng.hex(32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20)}`;
}

const PNG_1X1 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

function smsElement(r) {
  const received = r.type === 1;
  return `  <sms ${attrs([
    ['protocol', '0'],
    ['address', xmlAttr(r.addr)],
    ['date', String(r.ms)],
    ['type', String(r.type)],
    ['subject', 'null'],
    ['body', xmlAttr(r.text, r.surrogateRefs)],
    ['toa', 'null'],
    ['sc_toa', 'null'],
    ['service_center', received ? '+447700900999' : 'null'],
    ['read', '1'],
    ['status', '-1'],
    ['locked', '0'],
    ['date_sent', received ? String(r.sentMs) : '0'],
    ['sub_id', '1'],
    ['readable_date', readableDate(r.ms)],
    ['contact_name', xmlAttr(contactNameFor(r.addr))],
  ])} />`;
}

function mmsElement(r) {
  const smil =
    '<smil><head><layout><root-layout/><region id="Image" top="0" left="0" height="80%" width="100%" fit="meet"/><region id="Text" top="80%" left="0" height="20%" width="100%" fit="scroll"/></layout></head><body><par dur="5000ms"><img src="image000000.png" region="Image" /><text src="text000001.txt" region="Text" /></par></body></smil>';
  const head = attrs([
    ['date', String(r.ms)],
    ['rr', 'null'],
    ['sub', 'null'],
    ['ct_t', 'application/vnd.wap.multipart.related'],
    ['read_status', 'null'],
    ['seen', '1'],
    ['msg_box', '1'],
    ['address', r.addr],
    ['sub_cs', 'null'],
    ['resp_st', 'null'],
    ['retr_st', '128'],
    ['d_tm', 'null'],
    ['text_only', '0'],
    ['exp', 'null'],
    ['locked', '0'],
    ['m_id', r.mId],
    ['st', 'null'],
    ['retr_txt_cs', 'null'],
    ['retr_txt', 'null'],
    ['creator', 'com.google.android.apps.messaging'],
    ['date_sent', String(Math.floor(r.sentMs / 1000))],
    ['read', '1'],
    ['m_size', '1245'],
    ['rpt_a', 'null'],
    ['ct_cls', 'null'],
    ['pri', 'null'],
    ['sub_id', '1'],
    ['tr_id', r.trId],
    ['resp_txt', 'null'],
    ['ct_l', `http://mms.example.net/m/${r.mId.slice(0, 12)}`],
    ['m_cls', 'null'],
    ['d_rpt', '128'],
    ['v', '18'],
    ['_id', '412'],
    ['m_type', '132'],
    ['readable_date', readableDate(r.ms)],
    ['contact_name', contactNameFor(r.addr)],
  ]);
  const part = (pairs) => `      <part ${attrs(pairs)} />`;
  const common = (rest) => [...rest, ['ctt_s', 'null'], ['ctt_t', 'null']];
  return [
    `  <mms ${head}>`,
    '    <parts>',
    part([
      ['seq', '-1'],
      ['ct', 'application/smil'],
      ['name', 'null'],
      ['chset', 'null'],
      ['cd', 'null'],
      ['fn', 'null'],
      ['cid', '&lt;smil&gt;'],
      ['cl', 'smil.xml'],
      ...common([]),
      ['text', xmlAttr(smil)],
      ['sub_id', '1'],
    ]),
    part([
      ['seq', '0'],
      ['ct', 'image/png'],
      ['name', 'image000000.png'],
      ['chset', 'null'],
      ['cd', 'null'],
      ['fn', 'null'],
      ['cid', '&lt;image000000&gt;'],
      ['cl', 'image000000.png'],
      ...common([]),
      ['text', 'null'],
      ['sub_id', '1'],
      ['data', PNG_1X1],
    ]),
    part([
      ['seq', '0'],
      ['ct', 'text/plain'],
      ['name', 'null'],
      ['chset', '106'],
      ['cd', 'null'],
      ['fn', 'null'],
      ['cid', '&lt;text000001&gt;'],
      ['cl', 'text000001.txt'],
      ...common([]),
      ['text', xmlAttr(r.text)],
      ['sub_id', '1'],
    ]),
    '    </parts>',
    '    <addrs>',
    `      <addr address="${r.addr}" type="137" charset="106" />`,
    `      <addr address="${VICTIM.phone}" type="151" charset="106" />`,
    '    </addrs>',
    '  </mms>',
  ].join('\n');
}

const XML_DECL = "<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>";
const createdBy = (ms) => {
  const t = local(ms);
  return `<!--File Created By SMS Backup & Restore v10.20.002 on ${dmy(t)} ${p2(t.h)}:${p2(t.mi)}:${p2(t.s)}-->`;
};

/** One SMS Backup & Restore messages file: all `<sms>` by date, then the `<mms>` (separate Android providers). */
function smsFile(from, to, backupMs, rng) {
  const sms = records.filter((r) => r.ch === 'sms' && r.ms >= from && r.ms < to).sort(byTime);
  const mms = records.filter((r) => r.ch === 'mms' && r.ms >= from && r.ms < to).sort(byTime);
  const body = [
    XML_DECL,
    createdBy(backupMs),
    '<?xml-stylesheet type="text/xsl" href="sms.xsl"?>',
    `<smses count="${sms.length + mms.length}" backup_set="${uuidFrom(rng)}" backup_date="${backupMs}" type="full">`,
    ...sms.map(smsElement),
    ...mms.map(mmsElement),
    '</smses>',
  ];
  const locator = new Map([...sms.map((r, i) => [r, `sms[${i}]`]), ...mms.map((r, i) => [r, `mms[${i}]`])]);
  return { bytes: Buffer.from(`${body.join('\n')}\n`, 'utf8'), locator };
}

/** The call log backup. Written newest first, as the call-log provider returns it (the Memacs sample's order). */
function callsFile(backupMs, rng) {
  const calls = records.filter((r) => r.ch === 'call' && r.ms < backupMs).sort((a, b) => b.ms - a.ms);
  if (calls.length >= 500)
    throw new Error('Android keeps at most 500 call-log entries: lower the call rates');
  const body = [
    XML_DECL,
    createdBy(backupMs),
    '<?xml-stylesheet type="text/xsl" href="calls.xsl"?>',
    `<calls count="${calls.length}" backup_set="${uuidFrom(rng)}" backup_date="${backupMs}" type="full">`,
    ...calls.map(
      (r) =>
        `  <call ${attrs([
          ['number', r.number],
          ['duration', String(r.duration)],
          ['date', String(r.ms)],
          ['type', String(r.type)],
          ['presentation', r.who === 'withheld' ? '2' : '1'],
          ['subscription_id', '1'],
          ['post_dial_digits', ''],
          [
            'subscription_component_name',
            'com.android.phone/com.android.services.telephony.TelephonyConnectionService',
          ],
          ['readable_date', readableDate(r.ms)],
          [
            'contact_name',
            r.who === 'withheld'
              ? '(Unknown)'
              : contactNameFor(r.number === NEW_PHONE_CALL_LOG ? SUBJECT.newPhone : r.number),
          ],
        ])} />`,
    ),
    '</calls>',
  ];
  const locator = new Map(calls.map((r, i) => [r, `call[${i}]`]));
  return { bytes: Buffer.from(`${body.join('\n')}\n`, 'utf8'), locator };
}

const byTime = (a, b) => a.ms - b.ms || a.seq - b.seq;

// ─── Build ───────────────────────────────────────────────────────────────────────────────────────────────────

generateScripted();
generateSubjectProcess();
generateWithheld();
generateOthers();
records.forEach((r, i) => {
  r.seq = i;
});

// Timestamps as each device stores them: SBR keeps SMS in ms, MMS in whole seconds; WhatsApp exports show
// minutes (Android) or seconds (iOS), so the truth below uses exactly the written precision.
{
  const rng = new Rng('device-details');
  for (const r of records.sort(byTime)) {
    if (r.ch === 'sms') {
      r.ms += rng.int(0, 999);
      if (r.type === 1) r.sentMs = Math.floor((r.ms - rng.int(1, 9) * SEC) / 1000) * 1000;
    } else if (r.ch === 'mms') {
      r.sentMs = r.ms - 4 * SEC;
      r.mId = rng.hex(32);
      r.trId = `T${rng.hex(11)}`;
    } else if (r.ch === 'call') r.ms += rng.int(0, 999);
    else if (r.ch === 'wa')
      r.ms = Math.floor(r.ms / (r.era === 'android' ? MIN : SEC)) * (r.era === 'android' ? MIN : SEC);
    if (r.ch === 'wa' && r.kind === 'media' && r.era === 'ios')
      r.media = rng.weighted([
        ['image omitted', 0.6],
        ['audio omitted', 0.25],
        ['sticker omitted', 0.15],
      ]);
  }
}
records.sort(byTime);
for (const r of records) assertZone(r.ms);

const files = new Map();
const provenance = new Map(); // record → [{file, locator}]
const note = (r, file, locator) => {
  const list = provenance.get(r) ?? [];
  list.push({ file, locator });
  provenance.set(r, list);
};

const F = {
  waAndroid: 'WhatsApp Chat with Sam.txt',
  waIos: 'whatsapp-iphone/_chat.txt',
  sms1: 'sms-20240315120000.xml',
  sms2: 'sms-20240601090000.xml',
  calls: 'calls-20240601090000.xml',
  diary: 'incident-diary.csv',
  caseJson: 'case.json',
  notes: 'notes.txt',
  readme: 'README.md',
};

{
  const list = records.filter((r) => r.ch === 'wa' && r.era === 'android');
  const { bytes, lineOf } = waAndroidFile(list);
  files.set(F.waAndroid, bytes);
  for (const [r, line] of lineOf) note(r, F.waAndroid, line);
}
{
  const list = records.filter((r) => r.ch === 'wa' && r.era === 'ios');
  const { bytes, lineOf } = waIosFile(list);
  files.set(F.waIos, bytes);
  for (const [r, line] of lineOf) note(r, F.waIos, line);
}
{
  const rng = new Rng('backup-sets');
  const b1 = smsFile(T.otherFrom, T.smsBackup1, T.smsBackup1, rng);
  const b2 = smsFile(T.smsBackup2From, T.backup2, T.backup2, rng);
  files.set(F.sms1, b1.bytes);
  files.set(F.sms2, b2.bytes);
  for (const [r, loc] of b1.locator) note(r, F.sms1, loc);
  for (const [r, loc] of b2.locator) note(r, F.sms2, loc);
  const c = callsFile(T.backup2, rng);
  files.set(F.calls, c.bytes);
  for (const [r, loc] of c.locator) note(r, F.calls, loc);
}
const diary = diaryFile();
files.set(F.diary, diary.bytes);

const caseJson = {
  title: 'Alex Morgan \u2014 unwanted contact from Sam Carter (demo case, fictional)',
  timezone: 'Europe/London',
  region: 'GB',
  victim: { name: VICTIM.name, identifiers: [VICTIM.phone, VICTIM.waName] },
  subject: { name: SUBJECT.name, identifiers: [SUBJECT.oldPhone, '07700 900456', SUBJECT.waName] },
  milestones: [
    { date: '2024-04-02', label: 'Police warning (PIN) issued', type: 'warning' },
    { date: '2024-05-20', label: 'Non-molestation order served', type: 'order' },
  ],
  window: { from: PERIOD.from, to: PERIOD.to },
};
files.set(F.caseJson, Buffer.from(`${JSON.stringify(caseJson, null, 2)}\n`, 'utf8'));

files.set(
  F.notes,
  Buffer.from(
    [
      'Notes for PC Hughes - which file is which (Alex)',
      '',
      'WhatsApp Chat with Sam.txt',
      '  Exported from my old Android phone on 1 April. Sam\u2019s old number (ending 123). I deleted our old',
      '  chats when we split up in December, so it starts on 8 January. I blocked him on WhatsApp on 31 March.',
      '',
      'whatsapp-iphone/_chat.txt',
      '  From my new iPhone, which I have used for WhatsApp since 1 April (it gave me a zip file, which I',
      '  unzipped into this folder). This is his new number (ending 456).',
      '  I saved it as "Sam" so I know who it is.',
      '',
      'sms-20240315120000.xml and sms-20240601090000.xml',
      '  Texts, backed up with the SMS Backup & Restore app on my old phone. I cleared the old texts from the',
      '  phone after the March backup, so the June one only goes back to 1 February.',
      '',
      'calls-20240601090000.xml',
      '  Call log from the same app. I kept my SIM in the old phone until 1 June as the officer asked, so',
      '  calls and texts after that are on the iPhone and are not in these files.',
      '',
      'incident-diary.csv',
      '  My diary of things that happened in person. I tried to write it up the same day.',
      '',
    ].join('\n'),
    'utf8',
  ),
);

// ─── Ground truth ────────────────────────────────────────────────────────────────────────────────────────────

const sha256 = (b) => createHash('sha256').update(b).digest('hex');
const channelOf = (r) =>
  r.ch === 'wa' ? 'whatsapp' : r.ch === 'mms' ? 'sms' : r.ch === 'call' ? 'call' : 'sms';
const kindOf = (r) =>
  r.ch === 'call' || r.kind === 'missed'
    ? 'call'
    : r.kind === 'media' || r.ch === 'mms'
      ? 'media'
      : r.kind === 'deleted'
        ? 'deleted'
        : 'message';
const CALL_STATUS = {
  1: 'answered',
  2: 'outgoing',
  3: 'missed',
  4: 'voicemail',
  5: 'rejected',
  6: 'blocked',
};
const identifierOf = (r) =>
  r.ch === 'wa'
    ? 'name:sam (WhatsApp display name)'
    : r.ch === 'call'
      ? r.number === NEW_PHONE_CALL_LOG
        ? SUBJECT.newPhone
        : r.number
      : r.addr;

/** A subject contact: incoming, from the subject, and a contact (not a system notice). */
const isIncident = (r) =>
  r.who === 'subject' &&
  (r.ch === 'wa' ? r.kind !== 'system' : r.ch === 'call' ? r.type !== 2 : r.type === 1 || r.ch === 'mms');

const incidents = [
  ...records.filter(isIncident).map((r) => ({
    ms: r.ms,
    day: dayKey(r.ms),
    hour: local(r.ms).h,
    channel: channelOf(r),
    source:
      r.ch === 'wa'
        ? r.era === 'android'
          ? F.waAndroid
          : F.waIos
        : r.ch === 'call'
          ? F.calls
          : 'sms backups',
    kind: kindOf(r),
    callStatus: r.ch === 'call' ? CALL_STATUS[r.type] : r.kind === 'missed' ? 'missed' : null,
    identifier: identifierOf(r),
    timed: true,
    where: provenance.get(r),
    r,
  })),
  ...diary.truth.map((d) => ({
    ms: d.ms,
    day: d.date,
    hour: d.precision === 'day' ? null : local(d.ms).h,
    channel: 'diary',
    source: F.diary,
    kind: d.type,
    callStatus: null,
    identifier: 'diary (about the subject)',
    timed: d.precision !== 'day',
    where: [{ file: F.diary, locator: d.line }],
    diary: d,
  })),
].sort((a, b) => a.ms - b.ms);

const tally = (list, key) => {
  const m = {};
  for (const x of list) {
    const k = typeof key === 'function' ? key(x) : x[key];
    if (k === null || k === undefined) continue;
    m[k] = (m[k] ?? 0) + 1;
  }
  return Object.fromEntries(Object.entries(m).sort(([a], [b]) => (a < b ? -1 : 1)));
};
/** What each diary row is, as an analyst would file it (the tool's own channel mapping may word it differently). */
const diaryCategory = (type) =>
  /^Called my/.test(type)
    ? 'third party contacted by phone'
    : /Letter|Flowers/.test(type)
      ? 'letter or delivery'
      : 'in person (visit, following, loitering)';
const isNight = (x) => x.timed && x.hour < 6;
const round3 = (x) => Math.round(x * 1000) / 1000;

const daily = [];
for (let d = PERIOD.from; d <= PERIOD.to; d = addDays(d, 1)) {
  const on = incidents.filter((x) => x.day === d);
  daily.push({ date: d, count: on.length, byChannel: tally(on, 'channel') });
}
const counts = daily.map((d) => d.count);
const longest = (pred) => {
  let best = { length: 0, from: null, to: null };
  let run = 0;
  counts.forEach((c, i) => {
    run = pred(c) ? run + 1 : 0;
    if (run > best.length) best = { length: run, from: daily[i - run + 1].date, to: daily[i].date };
  });
  return best;
};

/** Per-channel coverage: the local days each export can see (an export that ends mid-day covers that day partly). */
const COVERAGE = {
  whatsapp: [
    { file: F.waAndroid, from: '2024-01-08', to: '2024-03-31', note: 'blocked on WhatsApp 31 Mar 10:12' },
    { file: F.waIos, from: '2024-04-01', to: '2024-06-30', note: 'new iPhone from 1 Apr 19:20' },
  ],
  sms: [
    { file: F.sms1, from: '2023-12-01', to: '2024-03-15', note: 'backup taken 15 Mar 12:00' },
    { file: F.sms2, from: '2024-02-01', to: '2024-06-01', note: 'backup taken 1 Jun 09:00' },
  ],
  call: [{ file: F.calls, from: '2023-12-01', to: '2024-06-01', note: 'backup taken 1 Jun 09:00' }],
  diary: [{ file: F.diary, from: '2024-01-08', to: '2024-06-30', note: 'hand-kept' }],
};

const WINDOWS = [
  { label: 'Baseline (first contact to the block)', from: '2024-01-08', to: '2024-03-10' },
  { label: 'New number to the police warning', from: '2024-03-11', to: '2024-04-01' },
  { label: 'Police warning to the order', from: '2024-04-02', to: '2024-05-19' },
  { label: 'After the order, all exports cover it', from: '2024-05-20', to: '2024-05-31' },
  {
    label: 'After the order, from 1 June (SMS and call backups end 09:00 that day)',
    from: '2024-06-01',
    to: '2024-06-30',
  },
];
function windowStats(from, to) {
  const inWin = incidents.filter((x) => x.day >= from && x.day <= to);
  const days = daysBetween(from, to) + 1;
  const night = inWin.filter(isNight).length;
  const eligible = inWin.filter((x) => x.timed).length;
  return {
    from,
    to,
    days,
    count: inWin.length,
    ratePerDay: round3(inWin.length / days),
    byChannel: tally(inWin, 'channel'),
    zeroDays: daily.filter((d) => d.date >= from && d.date <= to && d.count === 0).length,
    night: { count: night, eligible, share: eligible ? round3(night / eligible) : null },
  };
}
const before = (date) => windowStats(PERIOD.from, addDays(date, -1));
const after = (date, to = PERIOD.to) => windowStats(date, to);

const inBoth = records.filter((r) => {
  const w = provenance.get(r) ?? [];
  return w.some((p) => p.file === F.sms1) && w.some((p) => p.file === F.sms2);
});
const ceaseRecord = records.find((r) => r.cease);
// Alex's early replies already ask Sam to stop ("Stop messaging me.", "Please leave me alone."): the first of
// those is the first cease request an analysis should find, weeks before the formal written one.
const ASKS_TO_STOP = /stop messaging me|leave me alone|stop calling me/i;
const firstAsk = records
  .filter((r) => r.who === 'victim' && typeof r.text === 'string' && ASKS_TO_STOP.test(r.text))
  .sort((a, b) => a.ms - b.ms)[0];
const withheld = records.filter((r) => r.who === 'withheld');
const firstNew = records.find((r) => r.signal === 'new-number');

const perFile = {};
for (const [name, bytes] of files) {
  const inFile = records.filter((r) => (provenance.get(r) ?? []).some((p) => p.file === name));
  perFile[name] = { bytes: bytes.length, sha256: sha256(bytes) };
  if (name === F.waAndroid || name === F.waIos) {
    perFile[name].records = {
      total: inFile.length,
      subject: tally(
        inFile.filter((r) => r.who === 'subject'),
        'kind',
      ),
      victim: inFile.filter((r) => r.who === 'victim').length,
      systemNotices: inFile.filter((r) => r.kind === 'system').length,
    };
    perFile[name].lines = bytes.toString('utf8').split(/\r?\n/).length - 1;
  } else if (name === F.sms1 || name === F.sms2) {
    perFile[name].records = {
      total: inFile.length,
      sms: inFile.filter((r) => r.ch === 'sms').length,
      mms: inFile.filter((r) => r.ch === 'mms').length,
      fromSubject: inFile.filter(isIncident).length,
      toSubject: inFile.filter((r) => r.who === 'victim').length,
      otherPeople: inFile.filter((r) => r.who === 'other').length,
    };
  } else if (name === F.calls) {
    perFile[name].records = {
      total: inFile.length,
      fromSubject: tally(inFile.filter(isIncident), (r) => CALL_STATUS[r.type]),
      victimToSubject: inFile.filter((r) => r.who === 'victim').length,
      withheld: tally(withheld, (r) => CALL_STATUS[r.type]),
      otherPeople: inFile.filter((r) => r.who === 'other').length,
    };
  } else if (name === F.diary) perFile[name].records = { total: DIARY.length };
}

const signals = records
  .filter((r) => r.signal || r.hostile || r.dst)
  .map((r) => ({
    local: localIso(r.ms, r.era !== 'android'),
    utc: new Date(r.ms).toISOString(),
    channel: channelOf(r),
    text: r.text,
    ...(r.signal ? { signal: r.signal } : {}),
    ...(r.hostile ? { hostile: r.hostile } : {}),
    ...(r.dst ? { dst: r.dst } : {}),
    where: provenance.get(r),
  }));

const total = incidents.length;
const night = incidents.filter(isNight).length;
const eligible = incidents.filter((x) => x.timed).length;
let maxDay = daily[0];
for (const d of daily) if (d.count > maxDay.count) maxDay = d;

const truth = {
  about:
    'Ground truth for fixtures/demo-case, written by scripts/make-demo-case.mjs. "incidents" = contacts from the subject: incoming, attributed to Sam by identifier (his two numbers or his WhatsApp name) or a diary entry about him; de-duplicated across the two SMS backups; system notices, the victim\u2019s own messages and calls, other people, and withheld-number calls excluded. Days are Europe/London local days.',
  seed: SEED,
  case: {
    timezone: 'Europe/London',
    window: PERIOD,
    milestones: caseJson.milestones,
    ceaseRequest: {
      local: localIso(ceaseRecord.ms),
      utc: new Date(ceaseRecord.ms).toISOString(),
      channel: 'sms',
      text: ceaseRecord.text,
      where: provenance.get(ceaseRecord),
      note: 'The formal written request. Earlier replies already ask Sam to stop: see firstAskedToStop.',
      repeated: {
        local: '2024-03-28T20:02',
        channel: 'whatsapp',
        text: 'I have reported this to the police. Do not contact me again.',
      },
    },
    firstAskedToStop: {
      local: localIso(firstAsk.ms),
      channel: firstAsk.ch === 'wa' ? 'whatsapp' : 'sms',
      text: firstAsk.text,
    },
    numberChange: {
      blockedOldNumber: localIso(T.numberBlocked, false),
      firstFromNewNumber: { local: localIso(firstNew.ms), where: provenance.get(firstNew) },
    },
    designedRegimes: REGIMES.map(({ from, to, label, rate, night: n }) => ({
      from,
      to,
      label,
      designedRatePerDay: rate,
      designedNightShare: n,
    })),
    designedOverdispersion: `daily count ~ Poisson(rate \u00d7 Gamma(shape ${GAMMA_SHAPE}, mean 1)), i.e. negative binomial`,
  },
  files: perFile,
  coverage: COVERAGE,
  duplicates: {
    smsRecordsInBothBackups: inBoth.length,
    ofWhichFromSubject: inBoth.filter(isIncident).length,
    ofWhichMms: inBoth.filter((r) => r.ch === 'mms').length,
    rule: 'each of these appears once in each SMS backup with identical attributes; it counts once',
    identicalWithinOneFile: {
      local: '2024-02-24T21:14',
      text: 'Answer me',
      count: 5,
      note: 'five separate texts in the same minute, in both backups: 5 incidents, not 1 and not 10',
      where: records.filter((r) => r.answerMeBurst).map((r) => provenance.get(r)),
    },
  },
  incidents: {
    total,
    byChannel: tally(incidents, 'channel'),
    bySource: tally(incidents, 'source'),
    byKind: tally(
      incidents.filter((x) => x.channel !== 'diary'),
      'kind',
    ),
    byCallStatus: tally(incidents, 'callStatus'),
    byIdentifier: tally(incidents, 'identifier'),
    first: { local: localIso(incidents[0].ms), utc: new Date(incidents[0].ms).toISOString() },
    last: { local: localIso(incidents[total - 1].ms), utc: new Date(incidents[total - 1].ms).toISOString() },
    daysInWindow: daily.length,
    daysWithContact: daily.filter((d) => d.count > 0).length,
    maxPerDay: { date: maxDay.date, count: maxDay.count },
    longestStreak: longest((c) => c > 0),
    longestGap: longest((c) => c === 0),
    night: {
      hours: '00:00-05:59 local',
      count: night,
      eligible,
      share: round3(night / eligible),
      excluded: 'diary rows without a time',
    },
    afterCeaseRequest: incidents.filter((x) => x.ms > ceaseRecord.ms).length,
    afterWarning: incidents.filter((x) => x.ms >= T.warning).length,
    afterOrder: incidents.filter((x) => x.ms >= T.order).length,
  },
  windows: WINDOWS.map((w) => ({ label: w.label, ...windowStats(w.from, w.to) })),
  milestoneComparisons: {
    ceaseRequest: {
      before: before('2024-02-20'),
      after: after('2024-02-20', '2024-03-10'),
      note: 'after = up to the block, before the new number',
    },
    warning: {
      before: windowStats('2024-03-11', '2024-04-01'),
      after: windowStats('2024-04-02', '2024-05-19'),
      note: 'each side up to the neighbouring change',
    },
    order: {
      before: windowStats('2024-04-02', '2024-05-19'),
      after: windowStats('2024-05-20', '2024-05-31'),
      note: 'after = days every export still covers',
    },
  },
  unattributed: {
    withheldCalls: {
      count: withheld.length,
      byStatus: tally(withheld, (r) => CALL_STATUS[r.type]),
      first: localIso(withheld[0].ms),
      last: localIso(withheld[withheld.length - 1].ms),
      night: withheld.filter((r) => local(r.ms).h < 6).length,
      note: 'number="" presentation="2": not attributable to Sam by identifier; not counted as incidents',
    },
  },
  latentNotExported: {
    count: latentNotExported,
    note: 'texts and calls the generator\u2019s process produced after 1 Jun 09:00, when the SMS and call backups end; they are in no file and no tool can see them. Shown only to explain the June drop: it is missing data, not less contact.',
  },
  signals,
  diaryCategories: tally(diary.truth, (d) => diaryCategory(d.type)),
  diary: diary.truth.map((d) => ({
    line: d.line,
    local: d.precision === 'day' ? d.date : localIso(d.ms, false),
    precision: d.precision,
    type: d.type,
    crimeRef: d.crimeRef,
  })),
  daily,
  incidentList: incidents.map((x) => ({
    local:
      x.channel === 'diary'
        ? x.timed
          ? localIso(x.ms, false)
          : x.day
        : localIso(x.ms, x.source !== F.waAndroid),
    channel: x.channel,
    kind: x.kind,
    ...(x.callStatus ? { callStatus: x.callStatus } : {}),
    where: x.where.map((w) => `${w.file}:${w.locator}`),
  })),
};

// ─── README ──────────────────────────────────────────────────────────────────────────────────────────────────

function readme() {
  const inc = truth.incidents;
  const fmtRate = (w) => `${w.count} in ${w.days} days = ${w.ratePerDay.toFixed(2)}/day`;
  const row = (cells) => `| ${cells.join(' | ')} |`;
  const rec = (n) => perFile[n].records;
  const w = truth.windows;
  const mc = truth.milestoneComparisons;
  return `# Demo case: Alex Morgan and Sam Carter (fictional)

This folder is the case every new user sees first (\`npx chronolog report fixtures/demo-case\`). Everything in it
is **invented**: the people, the numbers (Ofcom's drama ranges +44 7700 900xxx and 01632 960xxx), the crime
references and the web addresses (example.com, example.net). It is generated by
\`scripts/make-demo-case.mjs\` with a fixed seed, so it is byte-identical on every run; do not edit the files by
hand - change the script and run \`node scripts/make-demo-case.mjs\` (\`--check\` verifies the committed copy).
The machine-readable ground truth is \`fixtures/demo-case.truth.json\` (outside this folder, so it is not read as
an input); every number below is printed from it.

## The story

Alex Morgan (victim, UK, phone +44 7700 900001, WhatsApp name "Alex") ended a relationship with Sam Carter in
December 2023 and deleted their old chats. From 8 January 2024 Sam contacted her again by WhatsApp, text and
phone, one or two times a day with quiet days in between; Alex replied a few times in January asking him to stop.

* **20 Feb 2024** - Alex texts "${ceaseRecord.text}" (the cease request; a message, not a milestone).
* **10 Mar 2024, 20:30** - she blocks Sam's number (+44 7700 900123) for calls and texts. Calls from it are then
  logged as *blocked*; texts from a blocked number are not stored.
* **11 Mar 2024, 07:58** - the first text from a new number, +44 7700 900456 ("It's Sam. You can't just block
  me."). Contact rises to about five a day.
* **31 Mar 2024** - she blocks him on WhatsApp too, after two night-time messages either side of the clock change.
* **1 Apr 2024** - she starts using a new iPhone for WhatsApp; Sam finds her there from the new number. Her SIM
  stays in the old Android phone for calls and texts until 1 June, on the officer's advice.
* **2 Apr 2024** - a police warning (PIN) is issued (milestone, date only). Contact rises again, to about eight or
  nine a day: the warning is not heeded. Withheld-number calls begin on 4 April.
* **20 May 2024** - a non-molestation order is served (milestone, type \`order\`). Contact drops but does not
  stop: every contact after this date falls in the order's window, each a possible breach for the officer to assess.
* **1 Jun 2024, 09:00** - the last SMS and call backups; after this only WhatsApp and the diary cover the case.

Alex kept a diary of what happened away from her phone (visits, following, letters, flowers, calls to her mother
and her workplace), with crime reference numbers once she was reporting.

## The files

| File | Format (as the real app writes it) | Covers | Records |
|---|---|---|---|
| \`${F.waAndroid}\` | WhatsApp Android export, en-GB 24 h \`dd/mm/yyyy, HH:MM - Name: text\`, LF, UTF-8 | 8 Jan - 31 Mar 2024 | ${rec(F.waAndroid).total} messages and notices on ${perFile[F.waAndroid].lines} lines |
| \`${F.waIos}\` | WhatsApp iOS export \`[dd/mm/yyyy, HH:MM:SS] Name: text\`, CRLF, U+200E marks | 1 Apr - 30 Jun 2024 | ${rec(F.waIos).total} messages and notices on ${perFile[F.waIos].lines} lines |
| \`${F.sms1}\` | SMS Backup & Restore messages (\`<smses>\`, \`<sms>\`, \`<mms>\`) | 1 Dec 2023 - 15 Mar 2024 12:00 | ${rec(F.sms1).total} (${rec(F.sms1).sms} sms, ${rec(F.sms1).mms} mms) |
| \`${F.sms2}\` | the same app, a later full backup | 1 Feb - 1 Jun 2024 09:00 | ${rec(F.sms2).total} (${rec(F.sms2).sms} sms, ${rec(F.sms2).mms} mms) |
| \`${F.calls}\` | SMS Backup & Restore call log (\`<calls>\`, \`<call>\`), newest first | 1 Dec 2023 - 1 Jun 2024 09:00 | ${rec(F.calls).total} calls |
| \`${F.diary}\` | hand-kept diary, Excel "CSV UTF-8": BOM, CRLF, dd/mm/yyyy | 13 Jan - 29 Jun 2024 | ${DIARY.length} rows |
| \`case.json\` | the case file: zone Europe/London, region GB, who is who, milestones, window | | |
| \`notes.txt\` | Alex's note on which file is which - not an export; must be listed as ignored | | |
| \`README.md\` | this file - also not an export | | |

What each file exercises:

* **WhatsApp Android**: the encryption notice (author-less), \`<Media omitted>\`, \`This message was deleted\`,
  \`Missed voice call\`, multi-line messages, Alex's own replies (author "Alex" = the victim), "You blocked this
  contact. Tap to unblock.", and two messages on 31 March 2024 at 00:59 (GMT) and 02:05 (BST): the clock change
  is crossed truthfully - the file contains no time in the missing hour 01:00-01:59.
* **WhatsApp iOS**: the encryption notice attributed to the contact ("Sam: U+200E Messages and calls..."), U+200E
  before \`image omitted\` / \`audio omitted\` / \`sticker omitted\` (and before the bracket on those lines),
  before \`This message was deleted.\` and \`Missed voice call\`; CRLF line ends; saved contact, so no \`~ \`.
* **SMS backups**: the real attribute set and order, \`subject="null"\`, \`readable_date\` in the phone's en-GB
  form without a zone (wrong by an hour in summer if misread as UTC), \`contact_name\` including "(Unknown)" and
  alphanumeric senders (PARCELS, VERIFY, PHARMACY, SURGERY), emoji as UTF-8, one body written with the
  surrogate-pair references \`&#55357;&#56545;\` (U+1F4E1, as older tools wrote them), newlines as \`&#10;\`, one MMS whose
  sender is only certain from \`<addr type="137">\`, with a SMIL part and a 1x1 PNG as base64.
* **Overlap**: the two SMS backups share 1 Feb - 15 Mar 12:00: **${truth.duplicates.smsRecordsInBothBackups} records appear in both**
  with identical attributes (${truth.duplicates.ofWhichFromSubject} of them from Sam, ${truth.duplicates.ofWhichMms} MMS). Each counts once.
* **Multiset de-duplication**: on 24 Feb 2024 at 21:14 Sam sent "Answer me" five times within one minute. They
  are in both backups. The right count is **5** - not 1 (over-merging) and not 10 (no de-duplication).
* **Call log**: types 1 answered, 2 outgoing, 3 missed, 4 voicemail, 5 rejected, 6 blocked; Sam's new number
  stored nationally (\`07700900456\`, matched through region GB to the case file's "07700 900456"); withheld calls
  as \`number="" presentation="2"\` with contact "(Unknown)".
* **Diary**: columns Date, Time, Type of contact, What happened, Location, Witnesses, Reported to police, Crime
  reference; one approximate time ("approx 8pm"), one row with no time (a letter found later: a date-only
  record), one cell with a line break, quoted cells with commas and quotes, "Y (999)", "waiting for ref".
* **Hostile text** that every output must show as inert text: \`<img src=x onerror=alert(1)>\` (WhatsApp Android),
  \`=HYPERLINK("http://example.com","click")\` (SMS), \`+cmd|' /C calc'!A0\` and \`@SUM(1+1)\` (WhatsApp iOS), and a
  WhatsApp iOS message with an ANSI colour escape (ESC[31m) and a right-to-left override (U+202E).

## Ground truth

"Incidents" are contacts *from* Sam: incoming, attributed to him by identifier (+44 7700 900123,
+44 7700 900456 / 07700 900456, WhatsApp name "Sam") or a diary entry about him; system notices, Alex's own
messages and calls, other people and withheld-number calls are not incidents. Days are Europe/London days.

| Figure | Value |
|---|---|
| Incidents (after de-duplication) | **${inc.total}** |
| by channel | ${Object.entries(inc.byChannel)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ')} |
| by identifier | ${Object.entries(inc.byIdentifier)
    .map(([k, v]) => `${k.startsWith('name:') ? 'WhatsApp name "Sam"' : k} ${v}`)
    .join(', ')} |
| diary rows | ${Object.entries(truth.diaryCategories)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ')} |
| calls by outcome | ${Object.entries(inc.byCallStatus)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ')} (WhatsApp missed calls included) |
| SMS records in both backups (count once) | ${truth.duplicates.smsRecordsInBothBackups} (${truth.duplicates.ofWhichFromSubject} from Sam) |
| first / last incident (local) | ${inc.first.local} / ${inc.last.local} |
| days in the window / with contact | ${inc.daysInWindow} / ${inc.daysWithContact} |
| busiest day | ${inc.maxPerDay.date} (${inc.maxPerDay.count}) |
| longest run of contact days | ${inc.longestStreak.length} days (${inc.longestStreak.from} - ${inc.longestStreak.to}) |
| longest run without contact | ${inc.longestGap.length} days (${inc.longestGap.from} - ${inc.longestGap.to}) |
| night-time (00:00-05:59 local) | ${inc.night.count} of ${inc.night.eligible} timed incidents (${(inc.night.share * 100).toFixed(1)}%) |
| cease request | ${truth.case.ceaseRequest.local} (SMS, outgoing); ${inc.afterCeaseRequest} incidents after it |
| after the police warning (2 Apr) | ${inc.afterWarning} incidents |
| after the order (20 May) | ${inc.afterOrder} incidents |
| withheld-number calls (not attributed) | ${truth.unattributed.withheldCalls.count} (${Object.entries(
    truth.unattributed.withheldCalls.byStatus,
  )
    .map(([k, v]) => `${k} ${v}`)
    .join(
      ', ',
    )}), ${truth.unattributed.withheldCalls.first.slice(0, 10)} to ${truth.unattributed.withheldCalls.last.slice(0, 10)} |

Rates by period (all incidents, local days; night share among timed incidents):

| Period | Dates | Incidents | Rate | Night | Zero days |
|---|---|---|---|---|---|
${w.map((x) => row([x.label, `${x.from} - ${x.to}`, String(x.count), `${x.ratePerDay.toFixed(2)}/day`, `${(x.night.share * 100).toFixed(0)}%`, String(x.zeroDays)])).join('\n')}

By design (the generator's process) the rate changes on **2024-03-11** (new number, ${REGIMES[0].rate} → ${REGIMES[1].rate}/day),
**2024-04-02** (the warning, → ${REGIMES[2].rate}/day) and **2024-05-20** (the order, → ${REGIMES[3].rate}/day), with
negative-binomial day-to-day variation (overdispersed: a Poisson model alone understates uncertainty). A
change-point method should put its estimates near these dates; it will not hit them exactly, and one may merge.

Milestone comparisons (each side up to the neighbouring change):

* cease request: before ${fmtRate(mc.ceaseRequest.before)}; after (to 10 Mar) ${fmtRate(mc.ceaseRequest.after)} (no change was
  designed here: the point is that contact did not stop).
* police warning: before (from 11 Mar) ${fmtRate(mc.warning.before)}; after (to 19 May) ${fmtRate(mc.warning.after)}.
* order: before (from 2 Apr) ${fmtRate(mc.order.before)}; after (20-31 May, every export covering) ${fmtRate(mc.order.after)}.

## What a careful analyst should conclude

1. **A course of conduct**: contact on ${inc.daysWithContact} of ${inc.daysInWindow} days over almost six months, far beyond
   two occasions, persistent beyond two weeks, and meeting a threshold used in stalking research (at least 10 contacts over at least 4 weeks).
2. **Contact continued after she asked him to stop**: first in a reply on ${truth.case.firstAskedToStop.local.slice(0, 10)}, then in a
   clear written request on 20 Feb - ${inc.afterCeaseRequest} incidents after that one.
3. **Channel switching after a block**: the old number was blocked on 10 Mar at 20:30 and a new number appeared
   the next morning; the old number kept trying (blocked calls), then WhatsApp moved to the new number too.
4. **Change over time**: the rate rose ${(w[1].ratePerDay / w[0].ratePerDay).toFixed(1)}-fold after the new number and a further
   ${(w[2].ratePerDay / w[1].ratePerDay).toFixed(1)}-fold after the police warning; the warning did not stop the contact. Night-time contact grew from ${(w[0].night.share * 100).toFixed(0)}% to ${(w[2].night.share * 100).toFixed(0)}%-${(w[4].night.share * 100).toFixed(0)}%.
5. **After the order** (possible breaches): contact continued after the non-molestation order (${inc.afterOrder} incidents from 20 May,
   including diary visits and a letter) at a lower but non-zero rate.
6. **Facts for S-DASH, not a score**: third parties contacted (Alex's mother twice, her workplace), visits and
   loitering at home and work (diary), surveillance statements ("I saw you at the gym on Tuesday" - matched by the
   6 Feb diary row; "I know where you live" after she moved; "Your light is on"), threats ("I'll make you regret
   this", "You'll regret this when you see what happens") and a self-harm threat - each flagged for a human to
   read, never scored.
7. **Crime references** to link: ${[...new Set(diary.truth.map((d) => d.crimeRef).filter(Boolean))].join(', ')}.

What it should **not** conclude:

* that the withheld-number calls are Sam's - they start after the warning and follow his evening-and-night pattern,
  but nothing in the files identifies the caller; report them separately;
* that contact fell in June - the SMS and call backups end on 1 June at 09:00, so from then on only WhatsApp and
  the diary are observed (the generator produced ${latentNotExported} further texts and calls that no file holds);
  compare rates only over days every export covers;
* anything from \`readable_date\` (device-local text without a zone) when \`date\` (epoch ms) is present;
* a risk level: the report presents facts for an assessor.
`;
}
files.set(F.readme, Buffer.from(readme(), 'utf8'));

for (const [name, bytes] of files)
  if (name !== F.readme && bytes.length >= 1024 * 1024) throw new Error(`${name} is over 1 MB`);
perFile[F.readme] = { bytes: files.get(F.readme).length, sha256: sha256(files.get(F.readme)) };

const outputs = new Map([...files].map(([name, bytes]) => [path.join(CASE_DIR, name), bytes]));
outputs.set(TRUTH_FILE, Buffer.from(`${JSON.stringify(truth, null, 1)}\n`, 'utf8'));

// ─── Write or check ──────────────────────────────────────────────────────────────────────────────────────────

function listFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(ROOT, path.join(e.parentPath ?? e.path, e.name)));
}

if (process.argv.includes('--check')) {
  const problems = [];
  for (const [rel, bytes] of outputs) {
    const abs = path.join(ROOT, rel);
    if (!existsSync(abs)) problems.push(`missing: ${rel}`);
    else if (!readFileSync(abs).equals(bytes)) problems.push(`differs: ${rel}`);
  }
  for (const rel of listFiles(path.join(ROOT, CASE_DIR)))
    if (!outputs.has(rel)) problems.push(`not generated: ${rel}`);
  if (problems.length) {
    console.error(
      `demo case is out of date:\n  ${problems.join('\n  ')}\nRun: node scripts/make-demo-case.mjs`,
    );
    process.exit(1);
  }
  console.log(`demo case up to date (${outputs.size} files)`);
} else {
  rmSync(path.join(ROOT, CASE_DIR), { recursive: true, force: true });
  for (const [rel, bytes] of outputs) {
    mkdirSync(path.dirname(path.join(ROOT, rel)), { recursive: true });
    writeFileSync(path.join(ROOT, rel), bytes);
  }
  console.log(`wrote ${outputs.size} files (${total} incidents, ${records.length} device records)`);
}
