/**
 * The month labels Figure 1's time axis gives fixtures/diary-two-years (4 January 2023 to 1 January 2025): a label
 * every two months, the year on the first and on each January. The HTML unit test and the browser test both hold
 * the axis to it.
 */
export const DIARY_TWO_YEARS_MONTHS = [
  'Mar 2023',
  'May',
  'Jul',
  'Sep',
  'Nov',
  'Jan 2024',
  'Mar',
  'May',
  'Jul',
  'Sep',
  'Nov',
  'Jan 2025',
] as const;
