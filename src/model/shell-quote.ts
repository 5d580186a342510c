/**
 * A word (a path, a name) as it would be typed at a POSIX shell, for the command lines that hints and reports
 * suggest (`chronolog report "WhatsApp Chat with Sam.txt"`, `--victim "Jo Evans"`). A plain module in the model:
 * the CLI's hints and the escalation wording (escalation-words.ts) both write command lines, and once wrote them
 * by two rules, one of which left `&`, `;`, `(` and `*` bare, so a path such as `Sam&Jo.txt` or `chat (2).txt`
 * pasted from a hint ran as something else. Left bare only when every character is one no shell treats specially.
 * Double quotes otherwise, as they also work in Windows shells; but an interactive bash or zsh expands `!` inside
 * double quotes from its history (`"Sam!Jo.txt"` fails with "event not found"), so a word holding `!` is put in
 * single quotes, which nothing expands inside.
 *
 * A word holding a character a terminal does not show as it is (ESC, which starts escape sequences; a carriage
 * return or bell; a line break; U+202E and the other direction marks, which reorder what follows on screen; a
 * zero-width space) is written in bash's `$'…'` quotes with that character as escapes, `$'bidi\xe2\x80\xae.txt'`:
 * the hint then holds only what is shown as it is, and pasted it names that very file. Such a word shown raw would
 * drive the terminal or reorder the line, and shown as `<U+202E>` (as `terminalSafe` shows text) named another
 * file. The escapes are the character's UTF-8 bytes (`\t`, `\n` and `\r` by their letters): bash's `\u202e`
 * gives the character only in a UTF-8 locale (under LANG=C it stays the six characters `\u202E`), and `\x` is
 * read alike in every locale, by zsh too. dash and Windows shells have no `$'…'`, and no quotes of theirs write
 * these characters on a line that shows them.
 */

/**
 * Characters a POSIX shell takes literally anywhere in a word: letters, digits and `+ @ % . _ , : = / -`; but not
 * `=` first, which zsh expands to the path of a command (`=ls` is `/bin/ls`).
 */
const PLAIN = /^(?!=)[\p{L}\p{N}+@%._,:=/-]+$/u;

/**
 * Characters a terminal does not show as they are: controls, format characters (the direction marks, embeddings,
 * overrides and isolates, zero-width spaces and joiners, the soft hyphen), line and paragraph separators, private
 * use and unassigned code points, and the other default-ignorable ones (Hangul fillers, variation selectors). A
 * superset of what `terminalSafe` (reports/sanitize.ts) drops or marks, taken character by character: a joiner
 * inside an emoji is escaped too, which costs the hint some looks but never the word.
 */
const UNSHOWN = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}]/u;

const LETTERED: Readonly<Record<string, string>> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };
const utf8 = new TextEncoder();

/** `word` in `$'…'` quotes: `\` and `'` escaped, each character of `UNSHOWN` written as escapes of its bytes. */
function ansiC(word: string): string {
  let out = '';
  for (const ch of word) {
    if (ch === '\\' || ch === "'") out += `\\${ch}`;
    else if (!UNSHOWN.test(ch)) out += ch;
    else
      out +=
        LETTERED[ch] ?? Array.from(utf8.encode(ch), (b) => `\\x${b.toString(16).padStart(2, '0')}`).join('');
  }
  return `$'${out}'`;
}

/**
 * `word` as a shell takes it: in `$'…'` quotes when it holds a character not shown as it is; bare when plain; in
 * single quotes when it holds `!` (a `'` in it written `'\''`: the quotes closed, an escaped `'`, the quotes opened
 * again); else in double quotes with `"`, `$`, `` ` `` and `\` escaped.
 */
export const quoted = (word: string): string =>
  UNSHOWN.test(word)
    ? ansiC(word)
    : PLAIN.test(word)
      ? word
      : word.includes('!')
        ? `'${word.replaceAll("'", "'\\''")}'`
        : `"${word.replace(/["$`\\]/g, '\\$&')}"`;

/** True when every character of `word` is shown as it is: typed back from the screen, it is the same word. */
export const shownAsIs = (word: string): boolean => !UNSHOWN.test(word);

/**
 * `s` as a JSON string for a case file, with what a screen does not show as it is (UNSHOWN), and every space but
 * U+0020 (a no-break or thin space looks like one), written as `\u` escapes: a case file reads it exactly, and it
 * can be copied from a report or a hint where `s` itself would show as something else.
 */
export function caseFileString(s: string): string {
  let out = '';
  for (const ch of JSON.stringify(s).slice(1, -1)) {
    if (ch === ' ' || !(UNSHOWN.test(ch) || /\p{Z}/u.test(ch))) out += ch;
    else for (let i = 0; i < ch.length; i++) out += `\\u${ch.charCodeAt(i).toString(16).padStart(4, '0')}`;
  }
  return `"${out}"`;
}
