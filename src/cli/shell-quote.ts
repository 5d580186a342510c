/** A path as it would be typed at a shell, for the commands a hint suggests. Kept apart so that help text can use it. */

/** A path as a shell would take it: quoted when it holds a space, a quote or a character the shell expands. */
export const quoted = (p: string): string =>
  /[\s"'$`\\]/.test(p) ? `"${p.replace(/["$`\\]/g, '\\$&')}"` : p;
