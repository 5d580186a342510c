/**
 * Name tables for e-mail dates (the English month and day names are ../english-dates.ts): the zones RFC 5322 defines, and the non-standard
 * abbreviations chronolog will apply (with a warning) when nothing better is available. Ambiguous abbreviations
 * (IST: India, Ireland or Israel; AST: Atlantic or Arabia) are absent on purpose.
 */

/** Zones with a fixed meaning: RFC 5322 §3.3/§4.3, plus UTC and Z, which cannot be misread. */
export const RFC_ZONES: Record<string, number> = {
  ut: 0,
  gmt: 0,
  utc: 0,
  z: 0,
  est: -300,
  edt: -240,
  cst: -360,
  cdt: -300,
  mst: -420,
  mdt: -360,
  pst: -480,
  pdt: -420,
};

/**
 * Common non-standard abbreviations with one widely used meaning. Ambiguous ones (IST, AST, …) are absent on
 * purpose: they become `unknown`.
 */
export const ABBREVIATIONS: Record<string, number> = {
  cet: 60,
  cest: 120,
  met: 60,
  mest: 120,
  mez: 60,
  mesz: 120,
  eet: 120,
  eest: 180,
  wet: 0,
  west: 60,
  bst: 60,
  msk: 180,
  jst: 540,
  kst: 540,
  hkt: 480,
  sgt: 480,
  awst: 480,
  acst: 570,
  acdt: 630,
  aest: 600,
  aedt: 660,
  nzst: 720,
  nzdt: 780,
  hst: -600,
  akst: -540,
  akdt: -480,
  nst: -210,
  ndt: -150,
};
