import { describe, expect, it } from 'vitest';
import {
  caseIdentifierKeys,
  cleanName,
  IdentityResolver,
  isNationalForm,
  isNationalIdentifier,
  normalisePhone,
} from '../../src/timeline/identities.js';

describe('identifier normalisation', () => {
  it('normalises national and international phone formats to E.164 using the region', () => {
    expect(normalisePhone('07700 900123', 'GB')).toBe('+447700900123');
    expect(normalisePhone('+44 7700 900123', undefined)).toBe('+447700900123');
    expect(normalisePhone('+44\u00a07700\u2011900123', undefined)).toBe('+447700900123');
    expect(normalisePhone('(555) 010-0199', 'US')).toBe('+15550100199');
    expect(normalisePhone('Sam', 'GB')).toBeUndefined();
  });

  it('folds display names: NFKC, case, invisible marks, the iOS "~ " prefix', () => {
    expect(cleanName('\u200e~\u202fSam  Carter')).toBe('Sam Carter');
    expect(caseIdentifierKeys('ＳＡＭ', undefined)).toContain('name:sam');
  });

  it('shows a name with its joiners (an emoji family, a Persian name) and compares it without them', () => {
    const family = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}';
    expect(cleanName(`Mum ${family}`)).toBe(`Mum ${family}`);
    expect(cleanName('\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645')).toContain('\u200C');
    expect(caseIdentifierKeys(`Mum ${family}`, undefined)).toEqual(
      caseIdentifierKeys('Mum \u{1F468}\u{1F469}\u{1F467}', undefined),
    );
    expect(caseIdentifierKeys('Sa\u200Dm', undefined)).toContain('name:sam');
    const resolver = new IdentityResolver({ subject: ['Sam'], victim: [], region: undefined });
    expect(resolver.resolve({ name: 'Sa\u200Dm' })).toEqual({ key: 'name:sam', role: 'subject' });
  });

  it("matches a name whatever apostrophe it is written with (an iPhone's O’Connor, a keyboard's O'Connor)", () => {
    const resolver = new IdentityResolver({ subject: ["Declan D'Arcy"], victim: [], region: undefined });
    for (const written of [
      'Declan D’Arcy',
      'Declan D‘Arcy',
      'Declan Dʼarcy',
      'Declan D´Arcy',
      'Declan D′Arcy',
      "declan d'arcy",
    ])
      expect(resolver.resolve({ name: written })).toEqual({ key: "name:declan d'arcy", role: 'subject' });
    // Shown as written: only the comparison folds it.
    expect(cleanName('Declan D’Arcy')).toBe('Declan D’Arcy');
    // A name without the apostrophe is another name.
    expect(resolver.resolve({ name: 'Declan DArcy' }).role).not.toBe('subject');
  });

  it('reads case-file prefixes and otherwise tries every type the shape allows', () => {
    expect(caseIdentifierKeys('mailto:Sam@Example.COM', undefined)).toEqual(['email:sam@example.com']);
    expect(caseIdentifierKeys('id:user123', undefined)).toEqual(['account:user123']);
    expect(caseIdentifierKeys('07700 900123', 'GB')).toContain('phone:+447700900123');
    expect(caseIdentifierKeys('1234567890123', undefined)).toContain('account:1234567890123');
  });
});

describe('an e-mail address written with its display name, as a mail program shows and copies it', () => {
  it('is the address, case-folded, whatever the name and its quotes', () => {
    for (const written of [
      'Sam Carter <Sam.Carter@Example.COM>',
      '"Carter, Sam" <sam.carter@example.com>',
      'mailto:Sam Carter <sam.carter@example.com>',
      '<sam.carter@example.com>',
      ' sam.carter@EXAMPLE.com ',
    ]) {
      expect(caseIdentifierKeys(written, undefined)).toEqual(['email:sam.carter@example.com']);
    }
    // Not an address: a name with angle brackets around something else stays a name.
    expect(caseIdentifierKeys('Sam <the neighbour>', undefined)).toEqual(['name:sam <the neighbour>']);
  });

  it('names the subject who sends from that address, and no one else of that name', () => {
    const r = new IdentityResolver({
      subject: ['"Sam Carter" <sam.carter@example.com>'],
      victim: [],
      region: undefined,
    });
    expect(r.resolve({ id: 'Sam.Carter@example.com', idType: 'email', name: 'SAM CARTER' })).toEqual({
      key: 'email:sam.carter@example.com',
      role: 'subject',
    });
    expect(r.resolve({ id: 'sam@work.example', idType: 'email', name: 'Sam Carter' }).role).toBe('other');
    expect(r.unmatchedSubjectIdentifiers()).toEqual([]);
  });
});

describe('numbers in national form', () => {
  it('are phone-shaped, 7 to 15 digits, without a leading + or 00', () => {
    expect(isNationalForm('07700 900123')).toBe(true);
    expect(isNationalForm('(202) 555-0123')).toBe(true);
    expect(isNationalForm('+44 7700 900123')).toBe(false);
    expect(isNationalForm('0044 7700 900123')).toBe(false);
    expect(isNationalForm('88022')).toBe(false);
    expect(isNationalForm('VODAFONE')).toBe(false);
    expect(isNationalForm('1200000000000000009')).toBe(false);
  });

  it('in a case file may carry tel:, and other prefixes are not numbers', () => {
    expect(isNationalIdentifier('tel:07700 900123')).toBe(true);
    expect(isNationalIdentifier('07700900123')).toBe(true);
    expect(isNationalIdentifier('id:07700900123')).toBe(false);
    expect(isNationalIdentifier('Sam')).toBe(false);
  });

  it('are counted once each by their digits when no region is set, with the country code of the others', () => {
    const r = new IdentityResolver({
      subject: ['+44 7700 900123', 'tel:01632 960001'],
      victim: [],
      region: undefined,
    });
    r.resolve({ id: '07700900123', idType: 'phone' });
    r.resolve({ id: '07700 900123', idType: 'phone', name: 'Sam' });
    r.resolve({ id: '+447700900001', idType: 'phone' });
    r.resolve({ id: '1234567890', idType: 'account' });
    expect(r.nationalNumbers()).toEqual(['07700900123', '01632 960001']);
    expect(r.likelyRegion()).toEqual({ region: 'GB', callingCode: '44' });
    r.resolve({ id: '+12025550123', idType: 'phone' });
    expect(r.likelyRegion()).toBeUndefined();
  });

  it('leave out a national case identifier a sender matched as written', () => {
    const r = new IdentityResolver({ subject: ['07700900123'], victim: [], region: undefined });
    expect(r.resolve({ id: '07700900123', idType: 'account' }).role).toBe('subject');
    expect(r.nationalNumbers()).toEqual([]);
  });

  it('without a region are one identifier by their digits, leading 0 kept, however they are spaced', () => {
    const spellings = [
      '07700 900123',
      '07700-900123',
      '(07700) 900123',
      '07700900123',
      'tel:07700\u2011900123',
    ];
    for (const s of spellings) expect(caseIdentifierKeys(s, undefined)).toContain('account:07700900123');
    expect(caseIdentifierKeys('tel:(07700) 900123', undefined)).toEqual(['account:07700900123']);
    for (const id of spellings.slice(0, 4)) {
      const r = new IdentityResolver({ subject: ['07700 900123'], victim: [], region: undefined });
      expect(r.resolve({ id: id, idType: 'phone', name: 'Sam' })).toEqual({
        key: 'account:07700900123',
        role: 'subject',
      });
      expect(r.unmatchedSubjectIdentifiers()).toEqual([]);
      expect(r.nationalNumbers()).toEqual([id]);
    }
    const guessed = new IdentityResolver({ subject: ['(07700) 900123'], victim: [], region: undefined });
    expect(guessed.resolve({ id: '07700-900123' })).toEqual({ key: 'account:07700900123', role: 'subject' });
    // Still no match with the number written in international form, and another number stays another.
    const r = new IdentityResolver({ subject: ['07700 900123'], victim: [], region: undefined });
    expect(r.resolve({ id: '+447700900123', idType: 'phone' }).role).toBe('other');
    expect(r.resolve({ id: '07700 900124', idType: 'phone' })).toEqual({
      key: 'account:07700900124',
      role: 'other',
    });
    expect(r.nationalNumbers()).toEqual(['07700 900124', '07700 900123']);
  });

  it('with the call prefix 00 are, without a region, one identifier by their digits, as written in the case', () => {
    const r = new IdentityResolver({ subject: ['0044 7700 900123'], victim: [], region: undefined });
    for (const written of ['0044 7700 900123', '0044-7700-900123', '00447700900123', '(0044) 7700 900123']) {
      expect(r.resolve({ id: written, idType: 'phone' })).toEqual({
        key: 'account:00447700900123',
        role: 'subject',
      });
    }
    // Only a region says 00 is the international prefix: without one, +44 is another identifier.
    expect(r.resolve({ id: '+44 7700 900123', idType: 'phone' }).role).toBe('other');
    // With one, every spelling is the E.164 number.
    expect(caseIdentifierKeys('0044 7700 900123', 'GB')).toContain('phone:+447700900123');
  });

  it('with a region are put in international form, every spelling alike', () => {
    for (const s of ['07700 900123', '07700-900123', '(07700) 900123', '07700900123']) {
      expect(caseIdentifierKeys(s, 'GB')).toContain('phone:+447700900123');
      const r = new IdentityResolver({ subject: ['07700 900123'], victim: [], region: 'GB' });
      expect(r.resolve({ id: s, idType: 'phone' })).toEqual({ key: 'phone:+447700900123', role: 'subject' });
    }
    expect(caseIdentifierKeys('07700 900123', 'GB')).not.toContain('account:07700900123');
  });

  it('are not counted when a region is set', () => {
    const r = new IdentityResolver({ subject: ['07700 900123'], victim: [], region: 'GB' });
    expect(r.resolve({ id: '07700900456', idType: 'phone' }).key).toBe('phone:+447700900456');
    expect(r.nationalNumbers()).toEqual([]);
  });
});

describe('IdentityResolver', () => {
  const resolver = new IdentityResolver({
    subject: ['07700 900123', 'sam@example.com', 'Sam'],
    victim: ['+447700900001', 'Alex'],
    region: 'GB',
  });

  it('matches the subject across number formats, e-mail case and display names', () => {
    expect(resolver.resolve({ id: '+447700900123', idType: 'phone' })).toEqual({
      key: 'phone:+447700900123',
      role: 'subject',
    });
    expect(resolver.resolve({ id: 'SAM@example.com', idType: 'email', name: 'S' })).toMatchObject({
      role: 'subject',
    });
    expect(resolver.resolve({ name: 'sam' })).toEqual({ key: 'name:sam', role: 'subject' });
  });

  it('recognises the victim and leaves everyone else as other', () => {
    expect(resolver.resolve({ name: 'Alex' }).role).toBe('victim');
    expect(resolver.resolve({ id: '+447700900999', idType: 'phone' }).role).toBe('other');
  });

  it('keeps a role the format itself states when the case file says nothing of that party', () => {
    expect(resolver.resolve({ role: 'subject' })).toEqual({ key: undefined, role: 'subject' });
  });

  it('treats every other sender as the subject when only the victim is named', () => {
    const onlyVictim = new IdentityResolver({ subject: [], victim: ['Alex'], region: undefined });
    expect(onlyVictim.subjectIsEveryoneElse).toBe(true);
    expect(onlyVictim.resolve({ name: 'Somebody' }).role).toBe('subject');
    expect(onlyVictim.resolve({ name: 'alex' }).role).toBe('victim');
  });
});

describe('a number or address named as the subject is, but not in the case', () => {
  const people = { subject: ['+447700900123', 'Sam'], victim: ['Alex'], region: 'GB' };

  it('is counted by its number or address alone, and remembered with the name it carries', () => {
    const r = new IdentityResolver(people);
    expect(r.resolve({ id: '+447700900123', idType: 'phone', name: 'Sam' }).role).toBe('subject');
    expect(r.resolve({ id: '07700 900777', idType: 'phone', name: 'Sam' })).toEqual({
      key: 'phone:+447700900777',
      role: 'other',
    });
    expect(r.resolve({ id: 'sam.jones@work.example', idType: 'email', name: 'SAM' }).role).toBe('other');
    expect(r.resolve({ id: '+447700900999', idType: 'phone', name: 'alex' }).role).toBe('other');
    expect([...r.namedLikeCasePeople()]).toEqual([
      ['phone:+447700900777', { name: 'Sam', nameKey: 'name:sam', as: 'subject' }],
      ['email:sam.jones@work.example', { name: 'SAM', nameKey: 'name:sam', as: 'subject' }],
      ['phone:+447700900999', { name: 'alex', nameKey: 'name:alex', as: 'victim' }],
    ]);
  });

  it('leaves names matching senders without a number or address, and platform accounts', () => {
    const r = new IdentityResolver(people);
    expect(r.resolve({ name: 'Sam' }).role).toBe('subject');
    expect(r.resolve({ id: 'user5550123', idType: 'account', name: 'Sam' }).role).toBe('subject');
    expect(r.resolve({ name: 'Alex' }).role).toBe('victim');
    expect(r.namedLikeCasePeople().size).toBe(0);
  });

  it('forgets those met after a mark when rolled back', () => {
    const r = new IdentityResolver(people);
    const mark = r.mark();
    r.resolve({ id: '+447700900777', idType: 'phone', name: 'Sam' });
    r.rollback(mark);
    expect(r.namedLikeCasePeople().size).toBe(0);
  });
});
