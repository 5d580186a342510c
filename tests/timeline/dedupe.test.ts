import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../src/model/index.js';
import { CopyClasses, markDuplicates } from '../../src/timeline/dedupe.js';
import { listOf } from '../../src/timeline/list.js';

/** The marks, true where a record duplicates one of an input compared before its own. */
const marked = (events: TimelineEvent[]) => [...markDuplicates(listOf(events)).dup].map(Boolean);

function ev(input: number, ms: number, text: string, over: Partial<TimelineEvent> = {}): TimelineEvent {
  return {
    ms,
    precision: 'ms',
    channel: 'sms',
    kind: 'message',
    direction: 'incoming',
    sender: { id: '+447700900123', idType: 'phone' },
    senderKey: 'phone:+447700900123',
    role: 'subject',
    incident: true,
    text,
    call: undefined,
    conversation: undefined,
    nativeId: undefined,
    flags: undefined,
    details: undefined,
    input,
    locator: `sms[${ms}]`,
    ...over,
  };
}

const t0 = Date.parse('2024-03-01T18:04:00Z');
const fiveAnswerMe = (input: number) => [0, 5, 11, 30, 52].map((s) => ev(input, t0 + s * 1000, 'Answer me'));

describe('multiset de-duplication', () => {
  it('keeps five identical messages sent within one minute in one export', () => {
    expect(marked(fiveAnswerMe(0)).filter(Boolean)).toHaveLength(0);
  });

  it('keeps five, not ten and not one, when two overlapping backups both hold them', () => {
    const dup = marked([...fiveAnswerMe(0), ...fiveAnswerMe(1)]);
    expect(dup.filter((d) => !d)).toHaveLength(5);
    expect(dup.slice(5).every(Boolean)).toBe(true);
  });

  it('keeps the extra copies a later export has beyond what earlier ones held', () => {
    const first = fiveAnswerMe(0).slice(0, 3);
    const dup = marked([...first, ...fiveAnswerMe(1)]);
    expect(dup.filter((d) => !d)).toHaveLength(5);
  });

  it('matches a minute-precision copy with a second-precision one', () => {
    const a = ev(0, t0 + 42_000, 'Why are you ignoring me', { precision: 's' });
    const b = ev(1, t0, 'Why are you ignoring  me', { precision: 'min' });
    expect(marked([a, b])).toEqual([false, true]);
  });

  it('keeps the more precise copy, whichever input comes first (Messenger HTML to the minute, JSON to the ms)', () => {
    const html = ev(0, t0, 'Why are you ignoring me', { precision: 'min', channel: 'messenger' });
    const json = ev(1, t0 + 42_317, 'Why are you ignoring me', { precision: 'ms', channel: 'messenger' });
    expect(marked([html, json])).toEqual([true, false]);
    // Equally precise copies: the first input's is kept.
    expect(marked([{ ...html, ms: json.ms, precision: 'ms' }, json])).toEqual([false, true]);
  });

  it('compares copies that are all to the millisecond, or all to the second, at that precision', () => {
    // Two Messenger threads: the subject sends the same words to each, 35 s apart, each timed to the millisecond.
    const messenger = { channel: 'messenger' as const, precision: 'ms' as const };
    const direct = ev(0, t0 + 5_123, 'where are you', { ...messenger, conversation: 'Sam Jones' });
    const group = ev(1, t0 + 40_456, 'where are you', { ...messenger, conversation: 'Sunday walkers' });
    expect(marked([direct, group])).toEqual([false, false]);
    // The same message in two downloads of one thread carries one time: one message.
    expect(marked([direct, { ...direct, input: 1 }])).toEqual([false, true]);
    // Two iPhone exports (to the second): 21:07:30 and 21:07:50 are two photos, the same second one.
    const ios = { channel: 'whatsapp' as const, precision: 's' as const, kind: 'media' as const };
    const a = ev(0, t0 + 30_000, 'image omitted', ios);
    const b = ev(1, t0 + 50_000, 'image omitted', ios);
    expect(marked([a, b])).toEqual([false, false]);
    expect(marked([a, { ...a, input: 1 }])).toEqual([false, true]);
    // Multisets at the finer precision: of a second backup's three copies, the two at times the first held are
    // duplicates, the one at another millisecond is new.
    const three = [0, 5, 9].map((s) => ev(1, t0 + s * 1000, 'Answer me'));
    expect(marked([...fiveAnswerMe(0).slice(0, 2), ...three])).toEqual([false, false, true, true, false]);
  });

  it('compares by the minute once any copy has another precision (exports round differently)', () => {
    // A third copy to the minute (an Android export) makes all three compared by the minute.
    const ms = ev(0, t0 + 5_123, 'where are you', { precision: 'ms' });
    const s = ev(1, t0 + 5_000, 'where are you', { precision: 's' });
    expect(marked([ms, s])).toEqual([false, true]);
    const other = ev(1, t0 + 40_000, 'where are you', { precision: 's' });
    // ms and s copies 35 s apart: mixed precision, so the minute decides, as before.
    expect(marked([ms, other])).toEqual([false, true]);
  });

  it('prefers the platform id when there is one', () => {
    const a = ev(0, t0, 'Hello', { channel: 'email', nativeId: '<1@example.com>' });
    const b = ev(1, t0 + 3_600_000, 'Hello (re-encoded)', { channel: 'email', nativeId: '<1@example.com>' });
    expect(marked([a, b])).toEqual([false, true]);
  });

  it('matches an export without ids against one with ids by content (DiscordChatExporter CSV beside JSON)', () => {
    const json = [
      ev(0, t0, 'Answer me', { nativeId: '111' }),
      ev(0, t0 + 5_000, 'Answer me', { nativeId: '112' }),
    ];
    const csv = [ev(1, t0, 'Answer me'), ev(1, t0 + 5_000, 'Answer me'), ev(1, t0 + 9_000, 'Answer me')];
    // Two copies were already held, so the CSV's third is new: three in all, as many as the CSV alone holds.
    expect(marked([...json, ...csv])).toEqual([false, false, true, true, false]);
    // The other way round: the JSON's ids are unseen, but the CSV already held both by content.
    const csvFirst = csv.map((e) => ({ ...e, input: 0 }));
    const jsonSecond = json.map((e) => ({ ...e, input: 1 }));
    expect(marked([...csvFirst, ...jsonSecond])).toEqual([false, false, false, true, true]);
  });

  it('keeps same-worded messages with different ids apart when both exports carry ids', () => {
    const a = ev(0, t0, 'Answer me', { nativeId: '111' });
    const b = ev(1, t0, 'Answer me', { nativeId: '222' });
    expect(marked([a, b])).toEqual([false, false]);
  });

  it('never merges different senders, channels or call outcomes', () => {
    const a = ev(0, t0, 'Answer me');
    // Another number, not the subject's in the case: another sender.
    const b = ev(1, t0, 'Answer me', { senderKey: 'phone:+447700900456', role: 'other', incident: false });
    const c = ev(1, t0, 'Answer me', { channel: 'whatsapp' });
    expect(marked([a, b, c])).toEqual([false, false, false]);
    // Two numbers the case lists as the subject's are one sender as compared (the case party): the same words at
    // the same millisecond from each, one per backup, are one record (senders compared, below).
    expect(marked([a, { ...b, role: 'subject', incident: true }])).toEqual([false, true]);
  });

  it("matches a call, a deleted message and a media message however each app words it (the app's text, not the sender's)", () => {
    const wa = { channel: 'whatsapp' as const, precision: 'min' as const };
    const ios = { channel: 'whatsapp' as const, precision: 's' as const };
    const call = { kind: 'call' as const, call: { status: 'missed' as const } };
    const android = [
      ev(0, t0, '<Media omitted>', { ...wa, kind: 'media' }),
      ev(0, t0 + 60_000, 'Missed voice call', { ...wa, ...call }),
      ev(0, t0 + 60_000, 'Missed voice call', { ...wa, ...call }),
      ev(0, t0 + 120_000, 'This message was deleted', { ...wa, kind: 'deleted' }),
    ];
    const iphone = [
      ev(1, t0 + 40_000, 'image omitted', { ...ios, kind: 'media' }),
      ev(1, t0 + 62_000, 'Missed voice call, \u200eTap to call back', { ...ios, ...call }),
      ev(1, t0 + 91_000, 'Missed voice call, \u200eTap to call back', { ...ios, ...call }),
      ev(1, t0 + 135_000, 'This message was deleted.', { ...ios, kind: 'deleted' }),
    ];
    // The iPhone's copies are the more precise, so they are kept; the Android copies are its duplicates.
    expect(marked([...android, ...iphone])).toEqual([true, true, true, true, false, false, false, false]);
    // Two photos sent in one minute stay two, and a third call in that minute only one export holds is new.
    const twoPhotos = [
      ev(1, t0 + 5_000, 'IMG-1.jpg (file attached)', { ...wa, kind: 'media' }),
      { ...android[0]!, input: 1 },
    ];
    expect(marked([android[0]!, ...twoPhotos])).toEqual([false, true, false]);
    // The kind and the call outcome still tell records apart.
    const rejected = ev(1, t0 + 60_000, 'Missed voice call', {
      ...wa,
      kind: 'call',
      call: { status: 'rejected' },
    });
    const message = ev(1, t0, '<Media omitted>', wa);
    expect(marked([android[0]!, android[1]!, rejected, message])).toEqual([false, false, false, false]);
  });

  describe('an input damaged or read only in part (a zip member failing its CRC-32, a file cut short)', () => {
    const damagedOnly = (damaged: number) => (input: number) => input === damaged;
    /** The marks as a string, one digit an event: 1 for a duplicate. */
    const find = (events: TimelineEvent[], damaged: number) =>
      markDuplicates(listOf(events), damagedOnly(damaged)).dup.join('');

    it("keeps the intact input's copies, whichever input sorts first", () => {
      // The damaged input sorts first (damaged.zip before export.zip): its copies are still the duplicates.
      expect(find([...fiveAnswerMe(0), ...fiveAnswerMe(1)], 0)).toBe('1111100000');
      expect(find([...fiveAnswerMe(0), ...fiveAnswerMe(1)], 1)).toBe('0000011111');
    });

    it('keeps the intact copy even when the damaged one is more precise', () => {
      const json = ev(0, t0 + 42_317, 'Why are you ignoring me', { precision: 'ms', channel: 'messenger' });
      const html = ev(1, t0, 'Why are you ignoring me', { precision: 'min', channel: 'messenger' });
      expect(find([json, html], 0)).toBe('10');
      // Both intact: precision decides, as before.
      expect(marked([json, html])).toEqual([false, true]);
    });

    it('keeps, from the damaged input, the records and the extra copies only it holds', () => {
      const damaged = [...fiveAnswerMe(0), ev(0, t0 + 600_000, 'I know where you are')];
      const intact = fiveAnswerMe(1).slice(0, 3);
      // Three copies are the intact input's; the damaged input's other two and its one other message are new.
      expect(find([...damaged, ...intact], 0)).toBe('111000000');
    });

    it('compares by platform id the same way', () => {
      const a = ev(0, t0, 'Hello', { channel: 'email', nativeId: '<1@example.com>' });
      const b = ev(1, t0, 'Hello', { channel: 'email', nativeId: '<1@example.com>' });
      expect(find([a, b], 0)).toBe('10');
    });

    it('keeps a garbled damaged copy beside the intact one: a text that differs is another record', () => {
      const intact = ev(0, t0, 'See you Tuesday', { channel: 'whatsapp', precision: 'min' });
      const garbled = ev(1, t0, 'See you Tyesday', { channel: 'whatsapp', precision: 'min' });
      expect(find([intact, garbled], 1)).toBe('00');
    });
  });
});

describe('the copy kept in place of each duplicate (duplicatesAt)', () => {
  /** Per input with duplicates, its sampled duplicates as [dropped, kept] pairs of locators. */
  const placesOf = (events: TimelineEvent[], damaged?: number, first?: number) => {
    const found = markDuplicates(
      listOf(events),
      (input) => input === damaged,
      () => false,
      first,
    );
    const loc = ([d, k]: readonly [number, number]) => [events[d]!.locator, events[k]!.locator];
    return Object.fromEntries(
      [...found.located].map(([input, at]) => [input, { first: at.first.map(loc), last: loc(at.last) }]),
    );
  };
  const at = (input: number, locators: string[]) =>
    locators.map((locator) => ({ ...ev(input, t0, 'Answer me'), locator }));

  it('maps the n-th copy in a later input to the n-th kept, across the inputs that kept them', () => {
    // Five identical records to the minute: the first input holds three, the second five, the third five.
    const five = (input: number, n: number, file: string) =>
      at(
        input,
        [2, 3, 4, 5, 6].slice(0, n).map((l) => `${file}:${l}`),
      ).map((e) => ({
        ...e,
        precision: 'min' as const,
      }));
    const events = [...five(0, 3, 'a'), ...five(1, 5, 'b'), ...five(2, 5, 'c')];
    expect(markDuplicates(listOf(events)).dup.join('')).toBe('000' + '11100' + '11111');
    expect(placesOf(events)).toEqual({
      1: {
        first: [
          ['b:2', 'a:2'],
          ['b:3', 'a:3'],
          ['b:4', 'a:4'],
        ],
        last: ['b:4', 'a:4'],
      },
      2: {
        first: [
          ['c:2', 'a:2'],
          ['c:3', 'a:3'],
          ['c:4', 'a:4'],
          ['c:5', 'b:5'],
          ['c:6', 'b:6'],
        ],
        last: ['c:6', 'b:6'],
      },
    });
  });

  it('keeps the first few and the last, in the order the input holds them', () => {
    const minutes = (input: number, file: string) =>
      Array.from({ length: 9 }, (_, k) =>
        ev(input, t0 + k * 60_000, `message ${k}`, { locator: `${file}[${k}]` }),
      );
    expect(placesOf([...minutes(0, 'a'), ...minutes(1, 'b')], undefined, 2)).toEqual({
      1: {
        first: [
          ['b[0]', 'a[0]'],
          ['b[1]', 'a[1]'],
        ],
        last: ['b[8]', 'a[8]'],
      },
    });
  });

  it("names the intact copy kept in place of a damaged input's, though the damaged input sorts first", () => {
    const events = [...at(0, ['d:1', 'd:2']), ...at(1, ['i:1', 'i:2'])];
    expect(placesOf(events, 0)).toEqual({
      0: {
        first: [
          ['d:1', 'i:1'],
          ['d:2', 'i:2'],
        ],
        last: ['d:2', 'i:2'],
      },
    });
  });

  it('maps the n-th to the n-th around a damaged input that sits between two intact ones', () => {
    // Inputs 0 and 2 intact, input 1 damaged (a zip member failing its CRC-32 check): compared 0, 2, 1. The
    // third input's first two stand for the first's two, though the damaged one comes between them in input
    // order; the damaged one's first two for the first input's, its third and fourth for the third input's,
    // and its fifth, held by no intact input, is kept from it.
    const events = [
      ...at(0, ['a:1', 'a:2']),
      ...at(1, ['d:1', 'd:2', 'd:3', 'd:4', 'd:5']),
      ...at(2, ['c:1', 'c:2', 'c:3', 'c:4']),
    ];
    expect(markDuplicates(listOf(events), (input) => input === 1).dup.join('')).toBe('00' + '11110' + '1100');
    expect(placesOf(events, 1)).toEqual({
      1: {
        first: [
          ['d:1', 'a:1'],
          ['d:2', 'a:2'],
          ['d:3', 'c:3'],
          ['d:4', 'c:4'],
        ],
        last: ['d:4', 'c:4'],
      },
      2: {
        first: [
          ['c:1', 'a:1'],
          ['c:2', 'a:2'],
        ],
        last: ['c:2', 'a:2'],
      },
    });
  });

  it('follows a copy matched by its id to the copy kept, when the one its id matched was itself a duplicate', () => {
    // A DiscordChatExporter CSV (no ids) compared first, then two JSON exports with ids: the first JSON's copy is
    // a duplicate of the CSV's by content, and the second JSON's, matched by its id, of the first JSON's.
    const discord = { channel: 'discord' as const };
    const csv = ev(0, t0, 'Answer me', { ...discord, locator: 'csv line 2' });
    const json1 = ev(1, t0, 'Answer me', { ...discord, nativeId: '111', locator: 'json1 messages[0]' });
    const json2 = ev(2, t0 + 3_600_000, 'Answer me (edited)', {
      ...discord,
      nativeId: '111',
      locator: 'json2 messages[0]',
    });
    expect(markDuplicates(listOf([csv, json1, json2])).dup.join('')).toBe('011');
    expect(placesOf([csv, json1, json2])).toEqual({
      1: { first: [['json1 messages[0]', 'csv line 2']], last: ['json1 messages[0]', 'csv line 2'] },
      2: { first: [['json2 messages[0]', 'csv line 2']], last: ['json2 messages[0]', 'csv line 2'] },
    });
  });

  it('locates nothing where nothing is a duplicate', () => {
    expect(markDuplicates(listOf(fiveAnswerMe(0))).located.size).toBe(0);
    expect(placesOf([ev(0, t0, 'one'), ev(1, t0, 'two')])).toEqual({});
  });
});

describe('the classes of an anonymised copy', () => {
  it('join a record with an id and the id-less copies of its content, and copies of one id whose text differs', () => {
    const discord = { channel: 'discord' as const };
    const json = ev(0, t0, 'Answer me', { ...discord, nativeId: '111' });
    const edited = ev(1, t0, 'Answer me now', { ...discord, nativeId: '111' });
    const csv = ev(2, t0, 'Answer me', discord);
    const other = ev(2, t0 + 120_000, 'Pick up', discord);
    const all = [json, edited, csv, other];
    const classes = new CopyClasses();
    for (const e of all) classes.note(e);
    for (const e of all) classes.link(e);
    const [a, b, c, d] = all.map((e) => classes.of(e));
    // What markDuplicates compares: the edited copy by its id, the CSV's copy by its content.
    expect(marked(all)).toEqual([false, true, true, false]);
    expect([b, c]).toEqual([a, a]);
    expect(d).not.toBe(a);
  });
});

/** A WhatsApp record (to the minute, no id) from a sender known only by name. */
const whatsapp = (input: number, ms: number, text: string, name: string, over: Partial<TimelineEvent> = {}) =>
  ev(input, ms, text, {
    channel: 'whatsapp',
    precision: 'min',
    sender: { name },
    senderKey: `name:${name.toLowerCase()}`,
    ...over,
  });

describe('senders compared by the case party they resolve to', () => {
  it('finds copies across two exports that name the subject differently ("Sam", then "Sam Carter")', () => {
    const a = [0, 0, 60_000].map((s) => whatsapp(0, t0 + s, "You can't ignore me forever", 'Sam'));
    const b = [0, 0, 60_000].map((s) => whatsapp(1, t0 + s, "You can't ignore me forever", 'Sam Carter'));
    // Two in the minute 18:04, one in 18:05, in each export: three messages, the later export's all copies.
    expect(marked([...a, ...b])).toEqual([false, false, false, true, true, true]);
    // The same text a minute apart stays two messages, under either name.
    expect(marked([a[0]!, { ...b[2]!, input: 0 }])).toEqual([false, false]);
  });

  it('finds copies of the victim named by a case identifier in one export and as "You" in another', () => {
    const you = whatsapp(0, t0, 'Please stop', 'You', { role: 'victim', direction: 'outgoing' });
    const alex = whatsapp(1, t0, 'Please stop', 'Alex', { role: 'victim', direction: 'outgoing' });
    expect(marked([you, alex])).toEqual([false, true]);
  });

  it('never merges two different senders that resolved to no one in the case', () => {
    const jo = whatsapp(0, t0, 'ok', 'Jo', { role: 'other', incident: false });
    const joBloggs = whatsapp(1, t0, 'ok', 'Jo Bloggs', { role: 'other', incident: false });
    expect(marked([jo, joBloggs])).toEqual([false, false]);
    // The same raw name still merges, as before.
    expect(marked([jo, { ...jo, input: 1 }])).toEqual([false, true]);
  });

  it('never merges two senders counted as the subject only because no subject is named', () => {
    // Only the victim named: every other sender is counted as the subject, without being known to be one person.
    const mum = whatsapp(0, t0, 'ok', 'Mum');
    const dan = whatsapp(1, t0, 'ok', 'Dan');
    const assumed = (events: TimelineEvent[]) =>
      [...markDuplicates(listOf(events), undefined, undefined, undefined, true).dup].map(Boolean);
    expect(assumed([mum, dan])).toEqual([false, false]);
    expect(assumed([mum, { ...mum, input: 1 }])).toEqual([false, true]);
    // Named subject: both resolved to the subject, one message.
    expect(marked([mum, dan])).toEqual([false, true]);
  });

  it('keeps direction apart: the subject never stands for the victim', () => {
    const sam = whatsapp(0, t0, 'ok', 'Sam');
    const alex = whatsapp(1, t0, 'ok', 'Alex', { role: 'victim', direction: 'outgoing', incident: false });
    expect(marked([sam, alex])).toEqual([false, false]);
  });

  it('gives the anonymised copy the classes the marking compares', () => {
    const sam = whatsapp(0, t0, 'Answer me', 'Sam');
    const samCarter = whatsapp(1, t0, 'Answer me', 'Sam Carter');
    const named = new CopyClasses();
    const assumed = new CopyClasses(true);
    for (const c of [named, assumed]) {
      for (const e of [sam, samCarter]) c.note(e);
      for (const e of [sam, samCarter]) c.link(e);
    }
    expect(named.of(sam)).toBe(named.of(samCarter));
    expect(assumed.of(sam)).not.toBe(assumed.of(samCarter));
  });
});

describe('deletion placeholders across exports', () => {
  const deleted = (input: number, ms: number, name = 'Sam', over: Partial<TimelineEvent> = {}) =>
    whatsapp(input, ms, 'This message was deleted', name, { kind: 'deleted', ...over });
  const text = (input: number, ms: number, words: string, name = 'Sam', over: Partial<TimelineEvent> = {}) =>
    whatsapp(input, ms, words, name, over);
  const shared = (input: number) => text(input, t0 + 3_600_000, 'I know where you work');

  it('drops the placeholder of a message an earlier export still holds, keeping the text', () => {
    const events = [text(0, t0, 'Meet me at 8'), shared(0), deleted(1, t0), shared(1)];
    const found = markDuplicates(listOf(events));
    expect([...found.dup].map(Boolean)).toEqual([false, false, true, true]);
    expect(found.placeholders).toEqual(new Map([[2, 0]]));
    expect(found.located.get(1)?.first).toEqual([
      [2, 0],
      [3, 1],
    ]);
  });

  it('keeps the text whichever export is compared first', () => {
    // The export with the placeholder is to the second (an iPhone's): compared first, it is still the one dropped.
    const events = [
      text(0, t0, 'Meet me at 8'),
      shared(0),
      deleted(1, t0 + 12_000, 'Sam', { precision: 's' }),
      { ...shared(1), precision: 's' as const },
    ];
    expect(marked(events)).toEqual([false, true, true, false]);
  });

  it('pairs n-th to n-th: a text the placeholder export holds itself is not the one deleted', () => {
    // Export 0: the text twice in the minute; export 1: once, and a placeholder. The placeholder is the second.
    const twice = [text(0, t0, 'Answer me'), text(0, t0, 'Answer me'), shared(0)];
    expect(marked([...twice, text(1, t0, 'Answer me'), deleted(1, t0), shared(1)])).toEqual([
      false,
      false,
      false,
      true,
      true,
      true,
    ]);
    // Export 1 holds the one text and a placeholder, export 0 the text once: the placeholder is another message.
    expect(marked([twice[0]!, shared(0), text(1, t0, 'Answer me'), deleted(1, t0), shared(1)])).toEqual([
      false,
      false,
      true,
      false,
      true,
    ]);
  });

  it('pairs placeholders with placeholders first', () => {
    // Both exports hold a placeholder in the minute, and export 0 a text besides: one deletion, and the text.
    const events = [text(0, t0, 'Meet me at 8'), deleted(0, t0), shared(0), deleted(1, t0), shared(1)];
    expect(marked(events)).toEqual([false, false, false, true, true]);
    // Export 1 is compared first: its placeholder is kept, matching export 0's; the text stays.
    const first = [deleted(0, t0, 'Sam', { precision: 's' }), { ...shared(0), precision: 's' as const }];
    const later = [text(1, t0, 'Meet me at 8'), deleted(1, t0), shared(1)];
    expect(marked([...first, ...later])).toEqual([false, false, false, true, true]);
  });

  it('keeps a placeholder with no text in its minute, of another sender, or in another direction', () => {
    const base = [text(0, t0, 'Meet me at 8'), shared(0)];
    expect(marked([...base, deleted(1, t0 + 60_000), shared(1)])).toEqual([false, false, false, true]);
    const jo = { role: 'other' as const, incident: false };
    expect(
      marked([text(0, t0, 'Meet me at 8', 'Jo', jo), shared(0), deleted(1, t0, 'Jon', jo), shared(1)]),
    ).toEqual([false, false, false, true]);
    const you = { role: 'victim' as const, direction: 'outgoing' as const };
    expect(marked([...base, deleted(1, t0, 'You', you), shared(1)])).toEqual([false, false, false, true]);
  });

  it('keeps a placeholder in an export that shares no record with the one holding the text (another chat)', () => {
    // The subject posts in a group chat in the minute a message in the direct chat was deleted.
    const group = text(0, t0, 'See you all Thursday', 'Sam', { conversation: 'Book club' });
    const direct = [deleted(1, t0, 'Sam', { conversation: 'Sam' }), text(1, t0 + 600_000, 'Pick up', 'Sam')];
    expect(marked([group, ...direct])).toEqual([false, false, false]);
  });

  it('never pairs a placeholder inside one export with a text of that export', () => {
    expect(marked([text(0, t0, 'Meet me at 8'), deleted(0, t0)])).toEqual([false, false]);
  });

  it('leaves the copies of a record kept by the fingerprint rule alone (one message exported twice)', () => {
    expect(marked([deleted(0, t0), shared(0), deleted(1, t0), shared(1)])).toEqual([
      false,
      false,
      true,
      true,
    ]);
  });
});
