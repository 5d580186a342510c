/**
 * `--date-order` as hints name it: "dmy" means nothing to someone who has not read `--help`, so the option is
 * given with its meaning, "--date-order dmy (day/month/year)".
 */

const PART: Readonly<Record<string, string>> = { d: 'day', m: 'month', y: 'year' };

/** "--date-order dmy (day/month/year)". */
export function orderOption(order: string): string {
  return `--date-order ${order} (${[...order].map((c) => PART[c] ?? c).join('/')})`;
}

/** The two orders a day/month question is settled by, each with its meaning. */
export const EITHER_ORDER = `${orderOption('dmy')} or ${orderOption('mdy')}`;
