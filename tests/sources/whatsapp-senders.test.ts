/**
 * WhatsApp senders are recognised by the UTF-8 bytes of the author as written: one shared Party per author,
 * decoded once, and never one author taken for another, even when their bytes hash alike.
 */
import { describe, expect, it } from 'vitest';
import { authorEnd, authorHash, Senders } from '../../src/sources/whatsapp-txt/senders.js';

/** The author `name` inside a line, as the messages pass finds it: bytes and where they are. */
function inLine(name: string) {
  const b = Buffer.from(`12/07/2017, 22:35 - ${name}: hi\n`, 'utf8');
  const start = 20;
  return { b, start, end: b.indexOf(': ', start) };
}

describe('senders read from bytes', () => {
  it('gives the same Party for the same author however the lines alternate, and one per author', () => {
    const s = new Senders();
    const names = ['Sam', 'Alex 😀', '~\u202fNev', 'Sam', 'Alex 😀', 'Jo', 'Sam', '~\u202fNev', 'You', 'Jo'];
    const parties = names.map((n) => {
      const { b, start, end } = inLine(n);
      return s.at(b, start, end);
    });
    expect(parties.map((p) => p?.name)).toEqual([
      'Sam',
      'Alex 😀',
      'Nev',
      'Sam',
      'Alex 😀',
      'Jo',
      'Sam',
      'Nev',
      'You',
      'Jo',
    ]);
    expect(parties[0]).toBe(parties[3]);
    expect(parties[0]).toBe(parties[6]);
    expect(parties[2]).toBe(parties[7]);
    expect(parties[8]).toEqual({ name: 'You', role: 'victim' });
    // The same Party as the string lookup gives.
    expect(parties[1]).toBe(s.get('Alex 😀'));
  });

  it('keeps two authors apart whose bytes hash alike', () => {
    // Two names of one length with the same FNV-1a hash (found by search).
    const [a, b] = ['Sam 051wu', 'Sam 0ktfa'];
    const ha = Buffer.from(a);
    const hb = Buffer.from(b);
    expect(authorHash(ha, 0, ha.length)).toBe(authorHash(hb, 0, hb.length));
    const s = new Senders();
    // Past the two remembered last authors, so that both go through the hashed table.
    const order = [a, 'x', 'y', b, 'z', 'w', a, 'v', 'u', b];
    const got = order.map((n) => {
      const l = inLine(n);
      return s.at(l.b, l.start, l.end)?.name;
    });
    expect(got).toEqual(order);
  });

  it('copies the bytes it remembers: a line read into the same memory again is another author', () => {
    const s = new Senders();
    const line = inLine('Sam');
    expect(s.at(line.b, line.start, line.end)?.name).toBe('Sam');
    line.b.write('Tom', line.start);
    expect(s.at(line.b, line.start, line.end)?.name).toBe('Tom');
    line.b.write('Sam', line.start);
    expect(s.at(line.b, line.start, line.end)?.name).toBe('Sam');
  });

  it('finds where the author ends in bytes, measuring names in characters as displayed', () => {
    const s = new Senders();
    const end = (rest: string) => {
      const b = Buffer.from(`${rest}\n`, 'utf8');
      const e = authorEnd(b, 0, b.length - 1, s);
      return e < 0 ? e : b.toString('utf8', 0, e);
    };
    expect(end('Sam: hi')).toBe('Sam');
    expect(end('Sam:')).toBe('Sam');
    expect(end('John Doe:.')).toBe('John Doe');
    expect(end('at 10:30 we met')).toBe(-1);
    // 100 emoji are 400 bytes but 200 UTF-16 units: too long for a name; 50 (200 bytes, 100 units) are not.
    expect(end(`${'😀'.repeat(100)}: hi`)).toBe(-1);
    expect(end(`${'😀'.repeat(50)}: hi`)).toBe('😀'.repeat(50));
    // 100 "é" are 200 bytes but 100 characters: a name.
    expect(end(`${'é'.repeat(100)}: hi`)).toBe('é'.repeat(100));
    expect(end(`${'é'.repeat(101)}: hi`)).toBe(-1);
    // A colon far into the text: no name, wherever ": " comes.
    expect(end(`${'x'.repeat(400)}: hi`)).toBe(-1);
  });
});
