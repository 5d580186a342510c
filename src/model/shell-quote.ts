/**
 * A word (a path, a name) as it would be typed at a POSIX shell, for the command lines that hints and reports
 * suggest (`chronolog report "WhatsApp Chat with Sam.txt"`, `--victim "Jo Evans"`). A plain module in the model:
 * the CLI's hints and the escalation wording (escalation-words.ts) both write command lines, and once wrote them
 * by two rules, one of which left `&`, `;`, `(` and `*` bare, so a path such as `Sam&Jo.txt` or `chat (2).txt`
 * pasted from a hint ran as something else. Left bare only when every character is one no shell treats specially.
 * Double quotes otherwise, as they also work in Windows shells; but an interactive bash or zsh expands `!` inside
 * double quotes from its history (`"Sam!Jo.txt"` fails with "event not found"), so a word holding `!` is put in
 * single quotes, which nothing expands inside.
 */

/**
 * Characters a POSIX shell takes literally anywhere in a word: letters, digits and `+ @ % . _ , : = / -`; but not
 * `=` first, which zsh expands to the path of a command (`=ls` is `/bin/ls`).
 */
const PLAIN = /^(?!=)[\p{L}\p{N}+@%._,:=/-]+$/u;

/**
 * `word` as a shell takes it: bare when plain; in single quotes when it holds `!` (a `'` in it written `'\''`: the
 * quotes closed, an escaped `'`, the quotes opened again); else in double quotes with `"`, `$`, `` ` `` and `\`
 * escaped.
 */
export const quoted = (word: string): string =>
  PLAIN.test(word)
    ? word
    : word.includes('!')
      ? `'${word.replaceAll("'", "'\\''")}'`
      : `"${word.replace(/["$`\\]/g, '\\$&')}"`;
