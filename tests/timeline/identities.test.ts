import { describe, expect, it } from 'vitest';
import {
  caseIdentifierKeys,
  cleanName,
  IdentityResolver,
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

  it('reads case-file prefixes and otherwise tries every type the shape allows', () => {
    expect(caseIdentifierKeys('mailto:Sam@Example.COM', undefined)).toEqual(['email:sam@example.com']);
    expect(caseIdentifierKeys('id:user123', undefined)).toEqual(['account:user123']);
    expect(caseIdentifierKeys('07700 900123', 'GB')).toContain('phone:+447700900123');
    expect(caseIdentifierKeys('1234567890123', undefined)).toContain('account:1234567890123');
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
