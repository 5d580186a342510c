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

export class StringPages {
  private readonly pages: string[] = [];
  private pending: string[] = [];
  private pendingChars = 0;
  // For string k: its page, and where it starts in that page; NONE marks an absent (undefined) string.
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
    this.page[k] = this.pages.length;
    this.start[k] = this.pendingChars;
    this.end[k] = this.pendingChars + s.length;
    this.pending.push(s);
    this.pendingChars += s.length;
    if (this.pendingChars >= PAGE_CHARS) this.flush();
    return k;
  }

  /** String number k. */
  get(k: number): string | undefined {
    const p = this.page[k]!;
    if (p === NONE) return undefined;
    if (p === this.pages.length) this.flush();
    return this.pages[p]!.slice(this.start[k], this.end[k]);
  }

  /** Whether string k is present (without making a copy of it). */
  has(k: number): boolean {
    return this.page[k] !== NONE;
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    // join() writes one new flat string, so the parts and the chunks they were cut from can be collected; a
    // lone part would come back as itself, so it is copied by hand.
    const only = this.pending.length === 1 ? this.pending[0]! : undefined;
    this.pages.push(only === undefined ? this.pending.join('') : `${only} `.slice(0, -1));
    this.pending = [];
    this.pendingChars = 0;
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
