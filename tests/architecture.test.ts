/**
 * The data flows one way: model → sources → timeline → analysis → reports, with pipeline as the glue and cli at
 * the edge. This test reads every import in src/ and fails on one that points the wrong way, and checks that
 * only cli/ touches process, console or the file system for writing.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '../src');

/** Which rooms each room may import from (besides itself). */
const ALLOWED: Record<string, string[]> = {
  model: [],
  util: ['model'],
  sources: ['model', 'util'],
  timeline: ['model', 'util'],
  analysis: ['model', 'util', 'timeline'],
  reports: ['model', 'util'],
  pipeline: ['model', 'util', 'sources', 'timeline', 'analysis'],
  cli: ['model', 'util', 'sources', 'timeline', 'analysis', 'pipeline', 'reports'],
};

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const roomOf = (file: string) => path.relative(SRC, file).split(path.sep)[0]!;
const all = files(SRC);

describe('architecture', () => {
  it('has only the known rooms at the top of src/', () => {
    const rooms = new Set(all.map(roomOf).filter((r) => !r.endsWith('.ts')));
    for (const r of rooms) expect(Object.keys(ALLOWED)).toContain(r);
  });

  it.each(all.map((f) => [path.relative(SRC, f), f]))(
    '%s imports only from rooms upstream of it',
    (_rel, file) => {
      const room = roomOf(file);
      const text = readFileSync(file, 'utf8');
      const imports = [...text.matchAll(/(?:import|export)[^'"]*?from\s+'(\.[^']+)'/g)].map((m) => m[1]!);
      for (const spec of imports) {
        const target = roomOf(path.resolve(path.dirname(file), spec));
        if (target === room) continue;
        expect(ALLOWED[room], `${room} must not import ${target} (${spec})`).toContain(target);
      }
    },
  );

  it('keeps process, console and file writes inside cli/', () => {
    for (const file of all) {
      if (roomOf(file) === 'cli') continue;
      const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      const rel = path.relative(SRC, file);
      expect(text, `${rel} uses process.*`).not.toMatch(/\bprocess\.(argv|env|exit|stdout|stderr|cwd)\b/);
      expect(text, `${rel} uses console.*`).not.toMatch(/\bconsole\.\w+\(/);
      expect(text, `${rel} writes files`).not.toMatch(
        /\b(writeFile|createWriteStream|appendFile|mkdir|rename|unlink|rm)(Sync)?\(/,
      );
    }
  });

  it('never opens a network connection from src/', () => {
    for (const file of all) {
      const text = readFileSync(file, 'utf8');
      expect(text, path.relative(SRC, file)).not.toMatch(
        /from\s+'node:(net|http|https|http2|dgram|dns|tls)'|\bfetch\(/,
      );
    }
  });
});
