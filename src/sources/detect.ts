/**
 * Detection is data: a forced format (`--format-of`) wins, then containers (zip), then every source's content
 * check in registry order. Nothing is recognised from the file name alone.
 */
import { chronologOutput } from '../model/output-marks.js';
import { containers, sources } from './index.js';
import type { Container, Probe, Source } from './source.js';
import { decodeHead, sniffEncoding } from './text.js';
import { unsupportedReason } from './unsupported.js';

export const HEAD_BYTES = 64 * 1024;

/** Why a file of no bytes is not read. */
export const EMPTY_FILE = 'empty file (0 bytes)';
/** Why a file of nothing but blank lines (or a byte-order mark alone) is not read. */
export const NO_TEXT = 'no text (only blank lines or a byte-order mark)';

export type Detection =
  | { readonly kind: 'source'; readonly source: Source }
  | { readonly kind: 'container'; readonly container: Container }
  | { readonly kind: 'none'; readonly reason: string };

/** Builds the probe detection looks at. */
export function makeProbe(name: string, path: string, head: Uint8Array): Probe {
  return { name, path, head, text: decodeHead(head) };
}

/** True when the head looks like binary data rather than text in any encoding we read. */
export function looksBinary(head: Uint8Array): boolean {
  const bom = sniffEncoding(head);
  if (bom && bom.encoding !== 'utf-8') return false;
  const n = Math.min(head.length, 8192);
  for (let i = 0; i < n; i++) if (head[i] === 0) return true;
  return false;
}

export function detect(probe: Probe, forcedId?: string): Detection {
  if (forcedId !== undefined) {
    const source = sources.find((s) => s.id === forcedId);
    if (source) return { kind: 'source', source };
    const container = containers.find((c) => c.id === forcedId);
    if (container) return { kind: 'container', container };
    return { kind: 'none', reason: `unknown format "${forcedId}"` };
  }
  if (probe.head.length === 0) return { kind: 'none', reason: EMPTY_FILE };
  for (const container of containers)
    if (safeDetect(container, probe)) return { kind: 'container', container };
  // UTF-16 without a byte-order mark (a text saved as "Unicode" by a tool that left the mark out) is offered only to
  // the sources whose readers decode it: another would read its bytes as UTF-8.
  const bomless = sniffEncoding(probe.head)?.bomless === true;
  for (const source of sources)
    if ((!bomless || source.readsUtf16WithoutBom) && safeDetect(source, probe))
      return { kind: 'source', source };
  // A file that is all of its head and holds nothing but a byte-order mark and blank lines: an export saved
  // empty, or a text never written, which "not a supported export format" would misdescribe.
  if (probe.head.length < HEAD_BYTES && probe.text.trim() === '') {
    return { kind: 'none', reason: NO_TEXT };
  }
  if (bomless) {
    const readers = sources.filter((s) => s.readsUtf16WithoutBom).map((s) => s.id);
    return {
      kind: 'none',
      reason: `UTF-16 text without a byte-order mark, in no format read in that encoding (only ${readers.join(' and ')}): open it in a text editor and save it as UTF-8, then re-run`,
    };
  }
  if (looksBinary(probe.head)) return { kind: 'none', reason: 'binary file, not a supported export' };
  const output = chronologOutput(probe.text);
  if (output !== undefined) return { kind: 'none', reason: `a chronolog ${output}, not an export` };
  // A file plainly meant as one format's, in a variant not read: say so, not only that the format is unknown.
  for (const s of sources) {
    const reason = s.notRead?.(probe);
    if (reason !== undefined) return { kind: 'none', reason };
  }
  const unsupported = unsupportedReason(probe);
  if (unsupported !== undefined) return { kind: 'none', reason: unsupported };
  return { kind: 'none', reason: 'not a supported export format' };
}

function safeDetect(d: { detect(p: Probe): boolean }, probe: Probe): boolean {
  try {
    return d.detect(probe);
  } catch {
    // detect() must be total; a throwing one is a bug in that source, not a reason to stop the run.
    return false;
  }
}
