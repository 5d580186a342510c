/**
 * What `anonymise` redacts inside message texts and milestone labels (a privacy review's findings): written dates
 * when dates are shifted (one written date beside a shifted record gives the secret shift away), dates of birth
 * always, the names chronolog knows from headers and diary columns, handles, scheme-less URLs, phone spellings and
 * National Insurance numbers, without removing the everyday words the content analysis counts.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CEASE_PHRASES } from '../../src/analysis/escalation/cease.js';
import { BUILT_IN_LEXICON } from '../../src/analysis/escalation/lexicon.js';
import { anonymiseCommand } from '../../src/cli/commands/anonymise.js';
import { reportCommand } from '../../src/cli/commands/report.js';
import type { Report } from '../../src/model/index.js';
import { EVERYDAY_WORDS, ORDINARY_WORDS } from '../../src/timeline/anonymise/index.js';
import { env, KEY_A, keyFile, NOW, scratch } from './env.js';

const tmp = scratch();
const key = keyFile(tmp, KEY_A);

interface Milestone {
  date: string;
  label: string;
  type: string;
}

/** A case folder: a case file (the subject and victim named, with milestones) and the given input files. */
function makeCase(
  name: string,
  files: Record<string, string>,
  people: {
    subject?: string;
    victim?: string;
    milestones?: Milestone[];
    subjectIds?: string[];
    phrases?: Record<string, unknown>;
  } = {},
): string {
  const dir = path.join(tmp, 'in', name);
  mkdirSync(dir, { recursive: true });
  const kase = {
    title: 'Redaction test case',
    timezone: 'Europe/London',
    region: 'GB',
    victim: { name: people.victim ?? 'Alex Morgan', identifiers: ['+447700900001'] },
    subject: { name: people.subject ?? 'Sam Carter', identifiers: people.subjectIds ?? ['+447700900123'] },
    milestones: people.milestones ?? [],
    ...people.phrases,
  };
  writeFileSync(path.join(dir, 'case.json'), `${JSON.stringify(kase, null, 2)}\n`);
  for (const [file, text] of Object.entries(files)) writeFileSync(path.join(dir, file), text);
  return dir;
}

/** A diary CSV with the given rows: [date, time, type, what happened, witnesses]. */
function diary(rows: readonly (readonly string[])[]): string {
  const cell = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return `Date,Time,Type of contact,What happened,Location,Witnesses\n${rows
    .map((r) => [r[0], r[1], r[2], r[3], 'Home', r[4] ?? 'None'].map((c) => cell(c!)).join(','))
    .join('\n')}\n`;
}

/** A case folder of texts from Will Baker's number to Amy Hurt (names that are also everyday words). */
function willBakerCase(name: string, bodies: readonly string[]): string {
  return makeCase(
    name,
    { 'sms-20240301.xml': smsFromWill(bodies) },
    { subject: 'Will Baker', victim: 'Amy Hurt', subjectIds: ['07700 900 456'] },
  );
}

/** An SMS backup of texts from Will Baker's number, an hour apart. */
function smsFromWill(bodies: readonly string[]): string {
  return `<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>
<smses count="${bodies.length}">
${bodies
  .map(
    (b, i) =>
      `  <sms protocol="0" address="07700 900 456" date="${1709312640000 + i * 3_600_000}" type="1" subject="null" body="${b.replace(/'/g, '&apos;')}" read="1" status="-1" locked="0" contact_name="Will Baker" />`,
  )
  .join('\n')}
</smses>
`;
}

/** The JSON report of a case folder. */
async function report(dir: string, name: string): Promise<Report> {
  const out = path.join(tmp, 'out', `${name}.json`);
  await reportCommand([dir], { format: 'json', out, now: NOW, quiet: true } as never, env);
  return JSON.parse(readFileSync(out, 'utf8')) as Report;
}

interface Output {
  dir: string;
  texts: string[];
  labels: string[];
  manifest: { redactions: Record<string, number> | string };
  bytes: string;
}

async function anonymise(input: string, out: string, extra: Record<string, unknown> = {}): Promise<Output> {
  const dir = path.join(tmp, 'out', out);
  expect(
    await anonymiseCommand([input], { keyFile: key, out: dir, quiet: true, ...extra } as never, env),
  ).toBe(0);
  const files = readdirSync(dir).sort();
  const rows = files
    .filter((f) => /^input-\d+\.jsonl$/.test(f))
    .flatMap((f) => readFileSync(path.join(dir, f), 'utf8').split('\n').slice(1).filter(Boolean))
    .map((l) => JSON.parse(l) as { text?: string | null });
  const kase = JSON.parse(readFileSync(path.join(dir, 'case.json'), 'utf8')) as { milestones: Milestone[] };
  return {
    dir,
    texts: rows.map((r) => r.text).filter((t): t is string => typeof t === 'string'),
    labels: kase.milestones.map((m) => m.label),
    manifest: JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')),
    bytes: files.map((f) => readFileSync(path.join(dir, f), 'utf8')).join('\n'),
  };
}

describe('anonymise: written dates and dates of birth', () => {
  const texts = [
    'Drove past twice. First time since the order was served on 20 May.',
    'He knew about my appointment on 22/04/2024 at 10:30.',
    'Letter dated 20th May 2024, posted May 20, 2024, and another from 3 Apr.',
    'Sent a card for 2024-04-22 and 4.22.24 and 1 Sept 2023; "see you in March 2024"',
    'Messaged 3 times at 22:50 and 2.30am. I paid 900 pounds for bus 456, 12.5 miles away.',
    'He came on Christmas Eve and again on Valentine’s Day, like at Easter 2023.',
    'His sister said he was born 12/03/1990, and Born on 1 April 1990 is on the form.',
  ];
  const milestones: Milestone[] = [
    { date: '2024-03-20', label: 'Order served on 20 March 2024 (hearing 19/03/2024)', type: 'order' },
    { date: '2024-04-02', label: 'Statement taken (DOB 12/03/1990)', type: 'other' },
  ];
  const input = makeCase(
    'dates',
    {
      'diary.csv': diary(
        texts.map((t, i) => [`${String(10 + i).padStart(2, '0')}/05/2024`, '18:00', 'Text message', t]),
      ),
    },
    { milestones },
  );

  it('with --shift-dates, replaces every written date in texts and labels with [DATE] and counts them', async () => {
    const { texts: out, labels, manifest } = await anonymise(input, 'dates-shifted', { shiftDates: true });
    expect(out).toEqual([
      'Drove past twice. First time since the order was served on [DATE].',
      'He knew about my appointment on [DATE] at 10:30.',
      'Letter dated [DATE], posted [DATE], and another from [DATE].',
      'Sent a card for [DATE] and [DATE] and [DATE]; "see you in [DATE]"',
      // Times of day and plain numbers are not dates.
      'Messaged 3 times at 22:50 and 2.30am. I paid 900 pounds for bus 456, 12.5 miles away.',
      'He came on [DATE] and again on [DATE], like at [DATE].',
      'His sister said he was born [DATE], and Born on [DATE] is on the form.',
    ]);
    expect(labels).toEqual(['Order served on [DATE] (hearing [DATE])', 'Statement taken (DOB [DATE])']);
    expect(manifest.redactions).toMatchObject({ date: 17 });
  });

  it('without a shift, keeps written dates as written (not taken for phone numbers) but replaces dates of birth', async () => {
    const { texts: out, labels, manifest } = await anonymise(input, 'dates-plain');
    expect(out.slice(0, 6)).toEqual(texts.slice(0, 6));
    expect(out[6]).toBe('His sister said he was born [DATE], and Born on [DATE] is on the form.');
    expect(labels).toEqual([milestones[0]!.label, 'Statement taken (DOB [DATE])']);
    expect(manifest.redactions).toMatchObject({ date: 3, phone: 0 });
  });

  it('with --drop-text, still replaces dates in milestone labels', async () => {
    const plain = await anonymise(input, 'dates-no-text', { dropText: true });
    expect(plain.texts).toEqual([]);
    expect(plain.labels).toEqual([milestones[0]!.label, 'Statement taken (DOB [DATE])']);
    const shifted = await anonymise(input, 'dates-no-text-shifted', { dropText: true, shiftDates: true });
    expect(shifted.labels).toEqual([
      'Order served on [DATE] (hearing [DATE])',
      'Statement taken (DOB [DATE])',
    ]);
    // The manifest counts the labels' redactions, and says the text was dropped.
    expect(shifted.manifest.redactions).toMatchObject({ date: 3 });
    expect(plain.manifest.redactions).toMatchObject({ date: 1 });
  });

  it('is deterministic: the same input and key give the same bytes', async () => {
    const a = await anonymise(input, 'dates-again-1', { shiftDates: true });
    const b = await anonymise(input, 'dates-again-2', { shiftDates: true });
    expect(a.bytes).toBe(b.bytes);
  });
});

describe('anonymise: years standing alone', () => {
  const texts = [
    'Same as back in 2019, and all through the 1990s with his ex.',
    'He says I owe him £2000 and 2000 pounds, 2019.5 times over; call 07700 900 123.',
    'Since 03.2019 (FY2019, and 3/2019 on the form).',
  ];
  const input = makeCase('years', {
    'diary.csv': diary(texts.map((t, i) => [`${String(10 + i)}/05/2024`, '18:00', 'Text message', t])),
  });

  it('with --shift-dates, replaces them with [YEAR] (not amounts after a currency sign, decimals or phone numbers)', async () => {
    const { texts: out, manifest } = await anonymise(input, 'years-shifted', { shiftDates: true });
    expect(out).toEqual([
      'Same as back in [YEAR], and all through the [YEAR] with his ex.',
      'He says I owe him £2000 and [YEAR] pounds, 2019.5 times over; call [PHONE].',
      'Since [DATE] (FY[YEAR], and [DATE] on the form).',
    ]);
    expect(manifest.redactions).toMatchObject({ date: 6, phone: 1 });
  });

  it('without a shift, keeps them', async () => {
    const { texts: out } = await anonymise(input, 'years-plain');
    expect(out).toEqual([
      texts[0],
      'He says I owe him £2000 and 2000 pounds, 2019.5 times over; call [PHONE].',
      texts[2],
    ]);
  });
});

describe('anonymise: names chronolog knows from headers, diary columns and forwards', () => {
  const eml = [
    'Date: Fri, 12 Jan 2024 20:42:05 +0000',
    'From: "Sam Carter" <sam.carter@example.net>',
    'To: alex@example.com',
    'Cc: "Priya Natarajan" <priya.n@example.org>, "Dan Kowalski (work)" <dan.k@example.org>, other@example.org',
    'Subject: Hello',
    'Message-ID: <a1@example.net>',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Priya Natarajan and Dan Kowalski know about this. Tell priya to stay out of it.',
    '',
  ].join('\r\n');
  const telegram = JSON.stringify({
    name: 'Sam Carter',
    type: 'personal_chat',
    id: 4400000001,
    messages: [
      {
        id: 801,
        type: 'message',
        date: '2024-03-01T18:04:22',
        date_unixtime: '1709316262',
        from: 'Sam Carter',
        from_id: 'user4400000001',
        forwarded_from: 'Rosalind Quill',
        text: 'Rosalind Quill says hi. So does Rosalind.',
      },
    ],
  });
  const rows = [
    [
      '12/03/2024',
      '17:35',
      'Waiting outside work',
      'Dan from security walked me to the bus stop.',
      'Dan (security)',
    ],
    [
      '13/03/2024',
      '09:00',
      'Seen outside my house',
      'Jess saw him too; I told PC Hughes.',
      'Jess (neighbour), None',
    ],
  ];
  const csv = `Date,Time,Type of contact,What happened,Witnesses,Officer\n${rows
    .map((r) => [...r, r[0] === '13/03/2024' ? 'PC Ferdinand Hughes' : ''].map((c) => `"${c}"`).join(','))
    .join('\n')}\n`;
  const input = makeCase(
    'names',
    { 'mail.eml': eml, 'chat.json': telegram, 'diary.csv': csv },
    {
      milestones: [
        { date: '2024-03-20', label: 'Statement to PC Hughes; Jess and Priya Natarajan told', type: 'other' },
      ],
    },
  );

  it('redacts them in texts and milestone labels as [NAME:p…], linkable within the case', async () => {
    const { texts, labels, manifest } = await anonymise(input, 'names');
    const all = [...texts, ...labels].join('\n');
    for (const name of ['Priya', 'Natarajan', 'Dan', 'Kowalski', 'Jess', 'Hughes', 'Rosalind', 'Quill'])
      expect(all).not.toMatch(new RegExp(`\\b${name}\\b`, 'i'));
    const mail = texts.find((t) => t.includes('know about this'))!;
    expect(mail).toMatch(
      /\n\[NAME:p[0-9a-f]{4}\] and \[NAME:p[0-9a-f]{4}\] know about this\. Tell \[NAME:p[0-9a-f]{4}\] to stay out of it\.$/,
    );
    expect(
      texts.some((t) => /^\[NAME:p[0-9a-f]{4}\] from security walked me to the bus stop\.$/.test(t)),
    ).toBe(true);
    // The officer's name in a text is redacted after the title (the Officer column named him), and so is
    // a titled name no column gave.
    expect(
      texts.some((t) => /^\[NAME:p[0-9a-f]{4}\] saw him too; I told PC \[NAME:p[0-9a-f]{4}\]\.$/.test(t)),
    ).toBe(true);
    expect(labels[0]).toMatch(
      /^Statement to PC \[NAME:p[0-9a-f]{4}\]; \[NAME:p[0-9a-f]{4}\] and \[NAME:p[0-9a-f]{4}\] told$/,
    );
    // The same person has the same placeholder in a text and in a label.
    const priya = /\n(\[NAME:p[0-9a-f]{4}\])/.exec(mail)![1]!;
    expect(labels[0]).toContain(priya);
    // 2 + 1 + 2 + 3 in the texts, 3 in the label.
    expect(manifest.redactions).toMatchObject({ name: 11 });
  });

  it('redacts names in milestone labels with --drop-text too', async () => {
    const { texts, labels } = await anonymise(input, 'names-no-text', { dropText: true });
    expect(texts).toEqual([]);
    expect(labels[0]).not.toMatch(/Hughes|Jess|Priya|Natarajan/);
    expect(labels[0]).toMatch(/^Statement to PC \[NAME:p[0-9a-f]{4}\]/);
  });

  it('redacts a titled name no field gave, even where it could be taken for a street', async () => {
    const dir = makeCase('titled', {
      'diary.csv': diary([
        ['14/03/2024', '10:00', 'Followed me', 'Saw Dr Okonkwo about it; Mrs Patel’s dog barked.'],
      ]),
    });
    const { texts } = await anonymise(dir, 'titled');
    expect(texts).toHaveLength(1);
    expect(texts[0]).toMatch(
      /^Saw Dr \[NAME:p[0-9a-f]{4}\] about it; Mrs \[NAME:p[0-9a-f]{4}\]’s dog barked\.$/,
    );
  });

  it('redacts the initials of a titled name with its surname', async () => {
    const dir = makeCase('titled-initials', {
      'diary.csv': diary([
        [
          '14/03/2024',
          '10:00',
          'Followed me',
          'Reported it to PC R. Jones; Dr J.R. Okafor and Mr T Hale saw.',
        ],
      ]),
    });
    const { texts } = await anonymise(dir, 'titled-initials');
    expect(texts).toHaveLength(1);
    expect(texts[0]).toMatch(
      /^Reported it to PC \[NAME:p[0-9a-f]{4}\]; Dr \[NAME:p[0-9a-f]{4}\] and Mr \[NAME:p[0-9a-f]{4}\] saw\.$/,
    );
  });

  it('leaves witness notes that name nobody', async () => {
    const dir = makeCase('no-names', {
      'diary.csv': diary([
        [
          '14/03/2024',
          '10:00',
          'Followed me',
          'The neighbour at no. 12 saw it; nobody else. Security were told.',
          'Neighbour at no. 12',
        ],
        ['15/03/2024', '10:00', 'Followed me', 'None of my friends saw it.', 'None'],
      ]),
    });
    const { texts } = await anonymise(dir, 'no-names');
    expect(texts).toEqual([
      'The neighbour at no. 12 saw it; nobody else. Security were told.',
      'None of my friends saw it.',
    ]);
  });
});

describe('anonymise: handles, URLs without a scheme, phone spellings and National Insurance numbers', () => {
  const texts = [
    'New account @jane_doe_88 followed me; her e-mail is jane.doe@example.com.',
    'He posted instagram.com/roselee and t.me/roselee. Then bit.ly/3xYz!',
    'Rang from (07700) 900-123 again.',
    'He put my NI number QQ123456C on a form (also written QQ 12 34 56 C).',
    'Not identifiers: e.g. this, i.e. that, no. 12, file.txt, 2.30am, 3.5kg, see you @ 5, 12.5 miles.',
  ];
  const input = makeCase('identifiers', {
    'diary.csv': diary(texts.map((t, i) => [`1${i}/05/2024`, '18:00', 'Text message', t])),
  });

  it('replaces them with typed placeholders, and leaves ordinary words with dots', async () => {
    const { texts: out, manifest } = await anonymise(input, 'identifiers');
    expect(out).toEqual([
      'New account [HANDLE] followed me; her e-mail is [EMAIL].',
      'He posted [URL] and [URL]. Then [URL]!',
      'Rang from [PHONE] again.',
      'He put my NI number [ID] on a form (also written [ID]).',
      texts[4],
    ]);
    expect(manifest.redactions).toMatchObject({ handle: 1, email: 1, url: 3, phone: 1, id: 2 });
  });
});

describe('anonymise: names that are everyday words keep the research figures', () => {
  const bodies = [
    'you will be sorry',
    "I'm going to hurt you",
    'I will hurt your family',
    'I paid 900 pounds for bus 456, 3 times',
    'Will says hi. Tell Amy I said so.',
    'this is will baker, WILL BAKER, and amy hurt',
    'Baker knows. Ask Hurt, not me.',
  ];
  const input = willBakerCase('everyday', bodies);

  it('redacts a name part that is an ordinary word only where written capitalised, full names in any case, digit groups never', async () => {
    const { texts } = await anonymise(input, 'everyday');
    const n = '\\[NAME:p[0-9a-f]{4}\\]';
    const expected = [
      'you will be sorry',
      "I'm going to hurt you",
      'I will hurt your family',
      'I paid 900 pounds for bus 456, 3 times',
      `${n} says hi. Tell ${n} I said so.`,
      `this is ${n}, ${n}, and ${n}`,
      `${n} knows. Ask ${n}, not me.`,
    ];
    expect(texts).toHaveLength(expected.length);
    texts.forEach((t, i) => {
      expect(t).toMatch(new RegExp(`^${expected[i]!.replace(/[?.]/g, '\\$&')}$`));
    });
  });

  it('keeps the content analysis counts of the original', async () => {
    const anon = await anonymise(input, 'everyday-report');
    const original = await report(input, 'everyday-original');
    const copy = await report(anon.dir, 'everyday-copy');
    const counts = (r: Report) => r.escalation!.content.categories.map((c) => [c.id, c.incidents]);
    expect(counts(original)).toContainEqual(['threats', 2]);
    expect(counts(original)).toContainEqual(['intimidation', 1]);
    expect(counts(copy)).toEqual(counts(original));
  });

  it('keeps such a word, capitalised at the start of a sentence, where it is part of a searched phrase', async () => {
    const starts = [
      'Hurt you? Never.',
      'Hurt said hi.',
      'Will is here. You will be sorry.',
      'Will you answer?',
    ];
    const dir = willBakerCase('sentence-starts', starts);
    const { texts, dir: out } = await anonymise(dir, 'sentence-starts');
    const n = '\\[NAME:p[0-9a-f]{4}\\]';
    const expected = [
      'Hurt you\\? Never\\.',
      `${n} said hi\\.`,
      `${n} is here\\. You will be sorry\\.`,
      `${n} you answer\\?`,
    ];
    expect(texts).toHaveLength(expected.length);
    for (const [i, t] of texts.entries()) expect(t).toMatch(new RegExp(`^${expected[i]}$`));
    const counts = (r: Report) => r.escalation!.content.categories.map((c) => [c.id, c.incidents]);
    const original = await report(dir, 'sentence-starts-original');
    expect(counts(original)).toContainEqual(['threats', 1]);
    expect(counts(await report(out, 'sentence-starts-copy'))).toEqual(counts(original));
  });

  it('counts every word of the built-in lexicon and cease phrases as an ordinary word', () => {
    const words = [...BUILT_IN_LEXICON.flatMap((c) => c.terms), ...DEFAULT_CEASE_PHRASES].flatMap((t) =>
      t.toLowerCase().replace(/\*/g, '').split(/\s+/),
    );
    expect(words.filter((w) => !ORDINARY_WORDS.has(w) && !EVERYDAY_WORDS.has(w))).toEqual([]);
  });
});

describe("anonymise: the case's own lexicon and cease phrases", () => {
  const rows = [
    ['01/05/2024', '21:00', 'Text message', 'Sam Carter said he will visit 12 Elm Road tonight'],
    ['02/05/2024', '21:00', 'Text message', 'He says Sam Carter owns the house now'],
    ['03/05/2024', '21:00', 'Text message', 'Another visit 12 Elm Road, he wrote'],
    ['04/05/2024', '21:00', 'Text message', 'I replied: stop it Sam'],
  ];
  const phrases = {
    lexicon: {
      surveillance: ['visit 12 Elm Road'],
      'Sam Carter property': { terms: ['sam carter owns'], replace: true },
    },
    ceasePhrases: ['stop it Sam'],
  };
  const input = makeCase('own-lexicon', { 'diary.csv': diary(rows) }, { phrases });

  it('carries them into the anonymised case file, redacted as the texts are, so the counts match', async () => {
    const anon = await anonymise(input, 'own-lexicon');
    const kase = JSON.parse(readFileSync(path.join(anon.dir, 'case.json'), 'utf8'));
    const n = /\[NAME:p[0-9a-f]{4}\]/.source;
    expect(kase.lexicon.surveillance).toEqual(['visit [ADDRESS]']);
    const [category] = Object.keys(kase.lexicon).filter((k) => k !== 'surveillance');
    // The name as the case file accepts it: the placeholder without its brackets, its colon a hyphen.
    const plain = /NAME-p[0-9a-f]{4}/.source;
    expect(category).toMatch(new RegExp(`^${plain} property$`));
    expect(kase.lexicon[category!].replace).toBe(true);
    expect(kase.lexicon[category!].terms[0]).toMatch(new RegExp(`^${n} owns$`));
    expect(kase.ceasePhrases[0]).toMatch(new RegExp(`^stop it ${n}$`));
    expect(anon.bytes).not.toMatch(/Sam|Carter|Elm Road/);

    const original = await report(input, 'own-lexicon-original');
    const copy = await report(anon.dir, 'own-lexicon-copy');
    const counts = (r: Report) => r.escalation!.content.categories.map((c) => c.incidents);
    expect(counts(original)).toEqual(counts(copy));
    const surveillance = (r: Report) =>
      r.escalation!.content.categories.find((c) => c.id === 'surveillance')!.incidents;
    expect(surveillance(original)).toBe(2);
    expect(surveillance(copy)).toBe(2);
    const own = original.escalation!.content.categories.findIndex((c) => c.id === 'Sam Carter property');
    expect(original.escalation!.content.categories[own]!.incidents).toBe(1);
    expect(copy.escalation!.content.categories[own]!.id).toMatch(new RegExp(`^${plain} property$`));
  });
});

describe("anonymise: the case's own lexicon category names", () => {
  it('stay names a case file accepts, two redacted alike kept apart, so the copy can be reported on', async () => {
    const rows = [
      ['01/05/2024', '21:00', 'Text message', 'He rang from 07700 900456 again'],
      ['02/05/2024', '21:00', 'Text message', 'Another call from 07700 900789'],
    ];
    const phrases = {
      lexicon: {
        '07700 900456': ['rang from'],
        '07700 900789': ['call from'],
        'Sam Carter property': ['owns'],
      },
    };
    const input = makeCase('own-lexicon-names', { 'diary.csv': diary(rows) }, { phrases });
    const anon = await anonymise(input, 'own-lexicon-names');
    const kase = JSON.parse(readFileSync(path.join(anon.dir, 'case.json'), 'utf8'));
    expect(Object.keys(kase.lexicon)).toHaveLength(3);
    expect(Object.keys(kase.lexicon).slice(0, 2)).toEqual(['PHONE', 'PHONE 2']);
    expect(Object.keys(kase.lexicon)[2]).toMatch(/^NAME-p[0-9a-f]{4} property$/);
    expect(anon.bytes).not.toMatch(/900456|900789|Sam|Carter/);
    const copy = await report(anon.dir, 'own-lexicon-names-copy');
    const own = copy.escalation!.content.categories.filter((c) => /^PHONE/.test(c.id));
    expect(own.map((c) => [c.id, c.incidents])).toEqual([
      ['PHONE', 1],
      ['PHONE 2', 1],
    ]);
  });
});

describe('anonymise: identifiers behind invisible characters or in other Unicode forms', () => {
  // A WhatsApp export as the QA review's: the subject's name with a zero-width space inside, a phone number in
  // full-width digits; a right-to-left override and a typographic ligature that are no identifier.
  const chat = [
    '12/02/2024, 09:15 - Samantha Quill: call me on ０７７００９００１２３ or 07700\u200B900\u00AD123',
    '15/02/2024, 09:18 - Samantha Quill: S\u200Bamantha here, Ｓａｍａｎｔｈａ Ｑｕｉｌｌ, \uFEFFQuill\u200D',
    '21/02/2024, 09:24 - Samantha Quill: \u202Eevil and the ﬁnal word',
    '',
  ].join('\n');
  const input = makeCase(
    'unicode-forms',
    { 'WhatsApp Chat with Samantha Quill.txt': chat },
    { subject: 'Samantha Quill', subjectIds: ['Samantha Quill', '+447700900123'] },
  );

  it('redacts them over their whole original span, and keeps the rest of the text as written', async () => {
    const { texts, manifest, bytes } = await anonymise(input, 'unicode-forms', { dateOrder: 'dmy' });
    const n = '\\[NAME:p[0-9a-f]{4}\\]';
    expect(texts).toHaveLength(3);
    expect(texts[0]).toBe('call me on [PHONE] or [PHONE]');
    expect(texts[1]).toMatch(new RegExp(`^${n} here, ${n}, ${n}$`));
    expect(texts[2]).toBe('\u202Eevil and the ﬁnal word');
    expect(manifest.redactions).toMatchObject({ phone: 2, name: 3 });
    for (const leak of ['amantha', 'Ｓａｍ', 'Ｑｕｉｌｌ', 'Quill', '０７７', '900'])
      expect(bytes).not.toContain(leak);
  });
});

describe('anonymise: dates without a year and two-digit years with --shift-dates', () => {
  // The QA review's chat: every one of these dates gave the secret shift (or the birth year) away.
  const chat = [
    '12/02/2024, 09:16 - Sam: back in 2019, on Tuesday the 14th, on the 14th, 14.02., 14/2, Feb 14th, 14th of March',
    '14/02/2024, 09:17 - Sam: born 03/04/1990 DOB: 3rd April 90, 10 days ago, 2 weeks after 1/2, last week on 12.2.24',
    '15/02/2024, 09:18 - Sam: texting me 24/7 for 1/2 an hour at 14.02 and 2.30am, the 3rd time',
    '',
  ].join('\n');
  const input = makeCase('day-month', { 'WhatsApp Chat with Sam.txt': chat }, { subjectIds: ['Sam'] });

  it('replaces the day and month and the two-digit year, and keeps times, fractions and counts', async () => {
    const { texts, manifest } = await anonymise(input, 'day-month', { dateOrder: 'dmy', shiftDates: true });
    expect(texts).toEqual([
      'back in [YEAR], on Tuesday the [DATE], on the [DATE], [DATE], [DATE], [DATE], [DATE]',
      'born [DATE] DOB: [DATE], 10 days ago, 2 weeks after [DATE], last week on [DATE]',
      'texting me 24/7 for 1/2 an hour at 14.02 and 2.30am, the 3rd time',
    ]);
    expect(manifest.redactions).toMatchObject({ date: 11 });
  });

  it('without --shift-dates keeps the dates, but not the year of the date of birth', async () => {
    const { texts } = await anonymise(input, 'day-month-plain', { dateOrder: 'dmy' });
    expect(texts[0]).toBe(chat.split('\n')[0]!.slice(25));
    expect(texts[1]).toBe('born [DATE] DOB: [DATE], 10 days ago, 2 weeks after 1/2, last week on 12.2.24');
  });
});
