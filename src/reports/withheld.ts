/**
 * A figure the escalation analysis withheld (`below-minimum`) or could not compute (`not-computable`), in words
 * for the reports people read. The JSON keeps the stable codes in `status`; the text, Markdown and HTML reports
 * never print them ("burstiness below-minimum" reads as jargon, or as a finding).
 */
interface FigureState {
  readonly status: string;
  readonly reason: string | null;
}

/** Why the figure is not given: the analysis's own reason, or the status in words when it gave none. */
export function whyNot(f: FigureState): string {
  return (
    f.reason ?? (f.status === 'below-minimum' ? 'too few data' : 'it cannot be computed from these data')
  );
}

/** "withheld: 8 days and 7 contacts (…)", "not computable: …"; '' when the figure is given. */
export function withheldWords(f: FigureState): string {
  if (f.status === 'ok') return '';
  return `${f.status === 'below-minimum' ? 'withheld' : 'not computable'}: ${whyNot(f)}`;
}
