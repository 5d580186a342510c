/**
 * Columns of small whole numbers (sender, conversation and shape numbers) that start one byte wide and widen to
 * two or four bytes only when a number needs it: most cases have fewer than 256 senders and conversations.
 */

export type Index = Uint8Array | Uint16Array | Uint32Array;

/** Sets col[k] = v, first widening the column when v does not fit; returns the column (the same or the wider). */
export function put(col: Index, k: number, v: number): Index {
  // Type checks only for numbers that might not fit: nearly every number here is below 256.
  if (v > 0xff) {
    if (col instanceof Uint8Array) col = widen(col, v > 0xffff ? Uint32Array : Uint16Array);
    else if (v > 0xffff && col instanceof Uint16Array) col = widen(col, Uint32Array);
  }
  col[k] = v;
  return col;
}

function widen(col: Index, to: typeof Uint16Array | typeof Uint32Array): Index {
  const wide = new to(col.length);
  wide.set(col);
  return wide;
}

/** A new column of `length` numbers, all `fill`, as narrow as `fill` allows. */
export function indexColumn(length: number, fill = 0): Index {
  const col =
    fill > 0xffff ? new Uint32Array(length) : fill > 0xff ? new Uint16Array(length) : new Uint8Array(length);
  if (fill !== 0) col.fill(fill);
  return col;
}

/** A copy of `col`, of the same width, `length` long; the new places hold `fill`. */
export function lengthened<T extends Index | Float64Array>(col: T, length: number, fill = 0): T {
  const longer = new (col.constructor as { new (n: number): T })(length);
  longer.set(col);
  if (fill !== 0) longer.fill(fill, col.length);
  return longer;
}
