/**
 * Name tables for e-mail dates (the English month and day names are ../english-dates.ts): the zones RFC 5322 defines, and the non-standard
 * abbreviations chronolog will apply (with a warning) when nothing better is available. Ambiguous abbreviations
 * (IST: India, Ireland or Israel; AST: Atlantic or Arabia) are absent on purpose: `AMBIGUOUS_ZONES` lists their
 * meanings only for the warning that says why they are not applied. Some mail programs write a
 * POSIX TZ name as the zone (`Tue, 5 Mar 2024 16:14:03 EST5EDT`, the US Eastern zone with its summer time):
 * its offset depends on the date, so it is read through the time zone database, which has those four names.
 */

import { tzOffset } from '@date-fns/tz';
import { type DstFlag, resolveWallClock } from '../../model/wall-clock.js';

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

/**
 * Abbreviations left out of the tables above because they name more than one zone, with those zones in words, for
 * the warning that says why such a Date's zone is not applied.
 */
export const AMBIGUOUS_ZONES: Record<string, string> = {
  ist: 'India, Ireland or Israel',
  ast: 'Atlantic or Arabia',
  gst: 'Gulf or South Georgia',
  sst: 'Samoa or Singapore',
};

/** POSIX TZ names written as a zone, each the time zone database's zone of the same name. */
export const POSIX_ZONES: Record<string, string> = {
  est5edt: 'EST5EDT',
  cst6cdt: 'CST6CDT',
  mst7mdt: 'MST7MDT',
  pst8pdt: 'PST8PDT',
};

/**
 * The offset, in minutes, of a wall-clock time (`wallMs`: the time as written, read as if UTC) in `zone`, by the
 * rule every wall-clock source follows (model/wall-clock.ts, README "Time zones"), and which clock change it met,
 * as the timeline says of them: a time that occurs twice (`overlap`) is the earlier instant, one that does not
 * exist (`gap`) is read with the offset in force just before the change.
 */
export function wallClockOffset(zone: string, wallMs: number): { offset: number; dst: DstFlag } {
  const read = resolveWallClock({ offsetAt: (ms) => tzOffset(zone, new Date(ms)) }, wallMs);
  return { offset: (wallMs - read.ms) / 60_000, dst: read.dst };
}
