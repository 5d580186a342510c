/**
 * Pictures, recordings and documents among the exports — a screenshot, a police letter as a PDF, a statement in
 * Word — are no message export, and are named as what they are, once each, before anything is read. An office
 * document is itself a zip archive (.docx, .xlsx, .pptx, .odt, …): read as one, its parts were listed as files not
 * read (`statement.docx!/[Content_Types].xml`, `…/word/document.xml`) and counted as several, and a loose picture
 * was a "binary file" where one in a zip is a "media or document attachment". Told by the name and the first bytes
 * together, never the name alone: a `.pdf` that starts as a PDF does, a `.docx` that is a zip, a picture or
 * recording that is binary data. Anything else named so (a chat saved as `chat.pdf` by mistake) is read as usual,
 * and a format forced with `--format-of` is always read.
 */
import { looksBinary } from '../sources/detect.js';

/** What a document or media file is, in words, as said in the list of files not read. */
const KINDS = {
  picture: 'a picture or screenshot',
  pdf: 'a PDF document',
  office: 'an office document',
  video: 'a video',
  audio: 'an audio recording',
} as const;

type Kind = keyof typeof KINDS;

/** How a kind's files start: `binary` is any data that is no text (pictures, recordings). */
type Start = 'zip' | 'ole' | 'pdf' | 'rtf' | 'binary';

/** By file name ending: what the file is said to be, and how such a file starts. */
const ENDINGS: ReadonlyMap<string, readonly [Kind, Start]> = new Map<string, readonly [Kind, Start]>([
  ...['jpg', 'jpeg', 'png', 'gif', 'webp', 'heic', 'heif', 'bmp', 'tif', 'tiff'].map(
    (e) => [e, ['picture', 'binary']] as const,
  ),
  ['pdf', ['pdf', 'pdf']],
  ...['docx', 'xlsx', 'pptx', 'odt', 'ods', 'odp', 'pages'].map((e) => [e, ['office', 'zip']] as const),
  ...['doc', 'xls', 'ppt'].map((e) => [e, ['office', 'ole']] as const),
  ['rtf', ['office', 'rtf']],
  ...['mp4', 'm4v', 'mov', '3gp', 'avi', 'mkv', 'webm'].map((e) => [e, ['video', 'binary']] as const),
  ...['opus', 'ogg', 'oga', 'mp3', 'm4a', 'aac', 'amr', 'wav', 'flac'].map(
    (e) => [e, ['audio', 'binary']] as const,
  ),
]);

/** The first bytes a document check needs: enough for `looksBinary` to find a zero byte in media. */
export const DOCUMENT_HEAD_BYTES = 8192;

const startsWith = (head: Uint8Array, bytes: readonly number[]): boolean =>
  bytes.every((b, i) => head[i] === b);

function starts(head: Uint8Array, how: Start): boolean {
  switch (how) {
    case 'zip':
      return startsWith(head, [0x50, 0x4b, 0x03, 0x04]);
    case 'ole':
      return startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    case 'pdf':
      return startsWith(
        head,
        [...'%PDF-'].map((c) => c.charCodeAt(0)),
      );
    case 'rtf':
      return startsWith(
        head,
        [...'{\\rtf'].map((c) => c.charCodeAt(0)),
      );
    case 'binary':
      return looksBinary(head);
  }
}

/** The ending of a file name, lower case, without its dot ('' when it has none). */
function endingOf(name: string): string {
  const base = name.slice(name.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot + 1).toLowerCase();
}

/** True when the name alone could make the file a document or media file: only those need their first bytes. */
export function namedAsDocument(name: string): boolean {
  return ENDINGS.has(endingOf(name));
}

/**
 * Why the file `name`, starting with `head`, is not read, when it is a picture, recording or document both by its
 * name and by its first bytes; undefined otherwise.
 */
export function documentReason(name: string, head: Uint8Array): string | undefined {
  const known = ENDINGS.get(endingOf(name));
  if (known === undefined || !starts(head, known[1])) return undefined;
  return `${KINDS[known[0]]}, not a message export`;
}

/**
 * True when a file listed as not read is a picture, recording or document: one passed over here (its reason ends
 * so), or an archive member the zip reader passes over as a media or document attachment by its name.
 */
export function isDocument(entry: { readonly path: string; readonly reason: string }): boolean {
  if (Object.values(KINDS).some((k) => entry.reason === `${k}, not a message export`)) return true;
  return entry.path.includes('!/') && entry.reason.startsWith('media or document attachment');
}
