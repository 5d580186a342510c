/**
 * Many short strings kept as a few long ones.
 *
 * A million message texts held as a million strings cost the garbage collector a million objects to trace and
 * copy, plus 30–60 bytes of headers each, and a text cut from a parser's chunk must also be copied so that it
 * does not keep the whole chunk alive. Here texts are appended to a page (joined into one flat string every
 * 64 Ki characters) and addressed by number; reading one back makes a short-lived slice.
 */

const PAGE_CHARS = 1 << 16;
const NONE = 0xffffffff;
/** A character above U+00FF: the string needs two bytes a character. */
const WIDE = /[^\u0000-\u00ff]/;

/** Texts waiting to be joined into one page, per width. */
interface Lane {
  /** The page number reserved for them. */
  page: number;
  parts: string[];
  chars: number;
}

export class StringPages {
  private readonly pages: (string | undefined)[] = [];
  // Strings of one byte a character and of two are paged apart, so one emoji does not double a page of plain text.
  private readonly narrow: Lane = { page: NONE, parts: [], chars: 0 };
  private readonly wide: Lane = { page: NONE, parts: [], chars: 0 };
  // For string k: its page, and where it starts and ends in that page; NONE marks an absent (undefined) string.
  private page = new Uint32Array(1024);
  private start = new Uint32Array(1024);
  private end = new Uint32Array(1024);
  private count = 0;

  /** Number of strings (absent ones included). */
  get length(): number {
    return this.count;
  }

  /** Appends a string (or an absent one) and returns its number. */
  push(s: string | undefined): number {
    const k = this.count++;
    if (k === this.page.length) this.grow();
    if (s === undefined) {
      this.page[k] = NONE;
      return k;
    }
    const lane = WIDE.test(s) ? this.wide : this.narrow;
    if (lane.page === NONE) {
      lane.page = this.pages.length;
      this.pages.push(undefined);
    }
    this.page[k] = lane.page;
    this.start[k] = lane.chars;
    this.end[k] = lane.chars + s.length;
    lane.parts.push(s);
    lane.chars += s.length;
    if (lane.chars >= PAGE_CHARS) this.flush(lane);
    return k;
  }

  /** String number k. */
  get(k: number): string | undefined {
    const p = this.page[k]!;
    if (p === NONE) return undefined;
    if (p === this.narrow.page) this.flush(this.narrow);
    else if (p === this.wide.page) this.flush(this.wide);
    return this.pages[p]!.slice(this.start[k], this.end[k]);
  }

  private flush(lane: Lane): void {
    if (lane.page === NONE) return;
    // join() writes one new flat string, so the parts and the chunks they were cut from can be collected. A
    // narrow page is re-made through Latin-1 bytes: parts cut from a chunk holding an emoji are stored two bytes
    // a character even when they hold none, and would make the joined page two-byte too.
    const joined = lane.parts.length === 1 ? `${lane.parts[0]} `.slice(0, -1) : lane.parts.join('');
    this.pages[lane.page] = lane === this.narrow ? Buffer.from(joined, 'latin1').toString('latin1') : joined;
    lane.page = NONE;
    lane.parts = [];
    lane.chars = 0;
  }
  private grow(): void {
    const n = this.page.length * 2;
    const page = new Uint32Array(n);
    page.set(this.page);
    this.page = page;
    const start = new Uint32Array(n);
    start.set(this.start);
    this.start = start;
    const end = new Uint32Array(n);
    end.set(this.end);
    this.end = end;
  }
}
