/**
 * Channel colours and fill patterns. Colours are the Okabe–Ito set, distinguishable with the common colour-vision
 * deficiencies; every colour also has its own pattern, so a black-and-white print still tells channels apart.
 * Channels get styles by incident count (largest first, ties in vocabulary order), so the same report always
 * gets the same styles and the largest channel the plainest fill.
 */
import type { Channel } from '../../model/index.js';
import { CHANNELS } from '../../model/vocabulary.js';

interface Swatch {
  readonly colour: string;
  /** Pattern ink: white on dark colours, black on light ones. */
  readonly ink: string;
  readonly pattern: 'solid' | 'slash' | 'dots' | 'hlines' | 'cross' | 'backslash' | 'vlines' | 'grid';
}

const SWATCHES: readonly Swatch[] = [
  { colour: '#0072B2', ink: '#ffffff', pattern: 'solid' },
  { colour: '#E69F00', ink: '#000000', pattern: 'slash' },
  { colour: '#009E73', ink: '#ffffff', pattern: 'dots' },
  { colour: '#CC79A7', ink: '#000000', pattern: 'hlines' },
  { colour: '#56B4E9', ink: '#000000', pattern: 'cross' },
  { colour: '#D55E00', ink: '#ffffff', pattern: 'backslash' },
  { colour: '#F0E442', ink: '#000000', pattern: 'vlines' },
  { colour: '#555555', ink: '#ffffff', pattern: 'grid' },
];

export interface ChannelStyle extends Swatch {
  readonly channel: Channel;
  readonly count: number;
  /** Position in the style list: pattern ids are `<chart>-p<index>`. */
  readonly index: number;
}

/** Styles for the channels present in `byChannel`, largest first. More than eight channels reuse fills. */
export function channelStyles(byChannel: Partial<Record<Channel, number>>): ChannelStyle[] {
  return CHANNELS.filter((c) => (byChannel[c] ?? 0) > 0)
    .map((c) => ({ c, n: byChannel[c]! }))
    .sort((a, b) => b.n - a.n || CHANNELS.indexOf(a.c) - CHANNELS.indexOf(b.c))
    .map(({ c, n }, index) => ({ ...SWATCHES[index % SWATCHES.length]!, channel: c, count: n, index }));
}

const TILE = 6;

function overlay(s: Swatch): string {
  const a = `stroke="${s.ink}" stroke-width="1.1" stroke-opacity="0.55"`;
  switch (s.pattern) {
    case 'solid':
      return '';
    case 'slash':
      return `<path d="M0 ${TILE}L${TILE} 0M-1 1L1 -1M${TILE - 1} ${TILE + 1}L${TILE + 1} ${TILE - 1}" ${a}/>`;
    case 'backslash':
      return `<path d="M0 0L${TILE} ${TILE}M-1 ${TILE - 1}L1 ${TILE + 1}M${TILE - 1} -1L${TILE + 1} 1" ${a}/>`;
    case 'dots':
      return `<circle cx="3" cy="3" r="1.3" fill="${s.ink}" fill-opacity="0.7"/>`;
    case 'hlines':
      return `<path d="M0 3H${TILE}" ${a}/>`;
    case 'vlines':
      return `<path d="M3 0V${TILE}" ${a}/>`;
    case 'cross':
      return `<path d="M0 ${TILE}L${TILE} 0M0 0L${TILE} ${TILE}" ${a}/>`;
    case 'grid':
      return `<path d="M0 3H${TILE}M3 0V${TILE}" ${a}/>`;
  }
}

/**
 * `<pattern>` definitions for a chart: the overlay only (lines or dots on a transparent tile). Charts paint a
 * channel's shapes in its colour and then cover them with ONE pattern-filled rectangle clipped to those shapes:
 * a pattern fill per bar would make the printed PDF many megabytes and slow to produce.
 */
export function patternDefs(prefix: string, styles: readonly ChannelStyle[]): string {
  return styles
    .filter((s) => s.pattern !== 'solid')
    .map(
      (s) =>
        `<pattern id="${prefix}-p${s.index}" width="${TILE}" height="${TILE}" patternUnits="userSpaceOnUse">${overlay(s)}</pattern>`,
    )
    .join('');
}

/**
 * Shapes (`<rect>` markup) painted in a channel's colour with its pattern on top: the shapes once in a group,
 * once as a clip path (id `<prefix>-<part>-c<index>`, unique per part of the chart) for the single pattern
 * rectangle covering `box`.
 */
export function patterned(
  prefix: string,
  part: string,
  s: ChannelStyle,
  shapes: string,
  box: { x: number; y: number; width: number; height: number },
): string {
  if (shapes === '') return '';
  const fill = `<g fill="${s.colour}">${shapes}</g>`;
  if (s.pattern === 'solid') return fill;
  const clip = `${prefix}-${part}-c${s.index}`;
  return `${fill}<clipPath id="${clip}">${shapes}</clipPath><rect x="${box.x}" y="${box.y}" width="${box.width}" height="${box.height}" fill="url(#${prefix}-p${s.index})" clip-path="url(#${clip})"/>`;
}

/**
 * Sequential single-hue scale for the heatmaps (ColorBrewer "Blues"): lightness falls steadily, so the order of
 * the levels survives greyscale printing. Level 0 (no incidents) is white with an outline.
 */
export const HEAT = ['#ffffff', '#c6dbef', '#6baed6', '#2171b5', '#08306b'] as const;

/** True when text on a heat level must be white to stay readable (the two darkest levels). */
export function heatInverse(level: number): boolean {
  return level >= 3;
}

/** Upper bounds of levels 1–4 for counts up to `max` (level 0 is exactly zero). */
export function heatBounds(max: number): number[] {
  if (max <= 4) return [1, 2, 3, 4].map((k) => Math.min(k, Math.max(1, max)));
  return [1, 2, 3, 4].map((k) => Math.ceil((max * k) / 4));
}

/** Heat level 0–4 of a count against `heatBounds`. */
export function heatLevel(count: number, bounds: readonly number[]): number {
  if (count <= 0) return 0;
  const i = bounds.findIndex((b) => count <= b);
  return i === -1 ? 4 : i + 1;
}

/** Legend labels for the levels that occur: "0", "1–4", "5–8", … */
export function heatLabels(bounds: readonly number[]): string[] {
  const out = ['0'];
  let lo = 1;
  for (const b of bounds) {
    if (b < lo) break;
    out.push(b === lo ? String(b) : `${lo}–${b}`);
    lo = b + 1;
  }
  return out;
}
