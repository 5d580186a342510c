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

/** A copy of Latin-1 text stored one byte a character. */
function narrow(s: string): string {
  return Buffer.from(s, 'latin1').toString('latin1');
}

export class StringPages {
  private readonly pages: (string | undefined)[] = [];
  // The strings of the page being filled, and their numbers.
  private parts: string[] = [];
  private keys: number[] = [];
  private chars = 0;
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
    this.page[k] = this.pages.length;
    this.start[k] = this.chars;
    this.end[k] = this.chars + s.length;
    this.parts.push(s);
    this.keys.push(k);
    this.chars += s.length;
    if (this.chars >= PAGE_CHARS) this.flush();
    return k;
  }

  /** String number k. */
  get(k: number): string | undefined {
    if (this.page[k] === NONE) return undefined;
    // Closing the page may move the string (to the wide half), so its place is read afterwards.
    if (this.page[k] === this.pages.length) this.flush();
    return this.pages[this.page[k]!]!.slice(this.start[k], this.end[k]);
  }

  /** Whether string k is present (without making a copy of it). */
  has(k: number): boolean {
    return this.page[k] !== NONE;
  }

  /**
   * Closes the page being filled. join() writes one new flat string, so the parts and the chunks they were cut
   * from can be collected. A page of Latin-1 text is re-made through Latin-1 bytes, because parts cut from a
   * chunk holding an emoji are stored two bytes a character even when they hold none. A page with wider
   * characters is split in two, so one emoji does not double the size of a page of plain text.
   */
  private flush(): void {
    if (this.parts.length === 0) return;
    const joined = this.parts.length === 1 ? `${this.parts[0]} `.slice(0, -1) : this.parts.join('');
    if (!WIDE.test(joined)) this.pages.push(narrow(joined));
    else {
      const narrowParts: string[] = [];
      const wideParts: string[] = [];
      const here = this.pages.length;
      const other = here + 1;
      let n = 0;
      let w = 0;
      for (let i = 0; i < this.parts.length; i++) {
        const part = this.parts[i]!;
        const k = this.keys[i]!;
        const wide = WIDE.test(part);
        (wide ? wideParts : narrowParts).push(part);
        this.page[k] = wide ? other : here;
        this.start[k] = wide ? w : n;
        if (wide) w += part.length;
        else n += part.length;
        this.end[k] = wide ? w : n;
      }
      this.pages.push(narrow(narrowParts.join('')), wideParts.join(''));
    }
    this.parts = [];
    this.keys = [];
    this.chars = 0;
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
