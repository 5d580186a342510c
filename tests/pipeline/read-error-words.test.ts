/**
 * Operating-system errors in words: the common codes, whose words say all they do, are not followed by the raw
 * code (a victim or officer has no use for "(ENOENT)"); the unusual ones keep it in brackets for whoever helps.
 */
import { describe, expect, it } from 'vitest';
import { openErrorWords, readErrorWords } from '../../src/pipeline/read-errors.js';

const errno = (code: string) => Object.assign(new Error(`${code}: raw system text`), { code });

describe('errors in words', () => {
  it('says a missing path, a folder, a file in the path and a refusal without the raw code', () => {
    expect(openErrorWords(errno('ENOENT'))).toBe('there is no such file or folder');
    expect(openErrorWords(errno('EISDIR'))).toBe('it is a folder, not a file');
    expect(openErrorWords(errno('ENOTDIR'))).toBe('part of the path is a file, not a folder');
    expect(openErrorWords(errno('EACCES'))).toBe('permission denied');
    expect(openErrorWords(errno('EPERM'))).toBe('permission denied');
    expect(readErrorWords(errno('EACCES'))).toBe('permission denied');
    expect(readErrorWords(errno('ENOENT'))).toBe('it was moved or deleted while being read');
  });

  it('keeps the code after unusual errors, and after one it has no words for', () => {
    expect(readErrorWords(errno('EIO'))).toBe(
      'input/output error (the disk, card or network drive may be failing) (EIO)',
    );
    expect(openErrorWords(errno('ELOOP'))).toBe('a symbolic link in the path leads back to itself (ELOOP)');
    expect(openErrorWords(errno('EXDEV'))).toBe('the system refused to open it (EXDEV)');
  });
});
