/**
 * Fresh temporary folders for one test file, every one removed after its last test. Tests that made a folder per
 * test with mkdtempSync and never removed it left hundreds in the system temp folder over a few runs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

/**
 * A maker of fresh folders named `prefix…` in the system temp folder. Call it at the top level of a test file (or of
 * a helper module the file imports): it registers the afterAll hook that removes what it made, and each test file
 * imports its modules anew, so the hook belongs to that file.
 */
export function tempDirs(prefix: string): () => string {
  const made: string[] = [];
  afterAll(() => {
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    const dir = mkdtempSync(path.join(tmpdir(), prefix));
    made.push(dir);
    return dir;
  };
}
