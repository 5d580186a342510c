/**
 * A word (a path, a name) as it would be typed at a POSIX shell, for the command lines that hints and reports
 * suggest (`chronolog report "WhatsApp Chat with Sam.txt"`, `--victim "Jo Evans"`). A plain module in the model:
 * the CLI's hints and the escalation wording (escalation-words.ts) both write command lines, and once wrote them
 * by two rules, one of which left `&`, `;`, `(` and `*` bare, so a path such as `Sam&Jo.txt` or `chat (2).txt`
 * pasted from a hint ran as something else. Left bare only when every character is one no shell treats specially.
 */

/** Characters a POSIX shell takes literally anywhere in a word: letters, digits and `+ @ % . _ , : = / -`. */
const PLAIN = /^[\p{L}\p{N}+@%._,:=/-]+$/u;

/** `word` as a shell takes it: bare when plain, else in double quotes with `"`, `$`, `` ` `` and `\` escaped. */
export const quoted = (word: string): string =>
  PLAIN.test(word) ? word : `"${word.replace(/["$`\\]/g, '\\$&')}"`;
