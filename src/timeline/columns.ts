/**
 * The typed arrays the timeline keeps its columns in.
 *
 * Columns grow in place: each sits on a resizable ArrayBuffer that reserves address space for 2^28 values and
 * takes memory only as it grows. Growing by copying into a twice-as-long array left the old array as garbage
 * until the next full collection, and when that came late a million-event run peaked 40–60 MB higher (measured
 * on Telegram 1M: 186 MB or 236 MB from run to run). Where the address space cannot be reserved, or past 2^28
 * values, columns fall back to copying.
 *
 * Columns of small whole numbers (sender, conversation and shape numbers) start one byte wide and widen to two or
 * four bytes only when a number needs it: most cases have fewer than 256 senders and conversations.
 */

export type Index = Uint8Array | Uint16Array | Uint32Array;
export type Column = Index | Float64Array;

type TypedArrayClass<T extends Column> = { new (buffer: ArrayBuffer): T; readonly BYTES_PER_ELEMENT: number };

// ES2024 resizable buffers: in Node 20 (V8 11.3), not yet in the TypeScript library this project targets.
type Resizable = ArrayBuffer & {
  readonly resizable: boolean;
  readonly maxByteLength: number;
  resize(n: number): void;
};
const ResizableBuffer = ArrayBuffer as unknown as new (
  bytes: number,
  options: { maxByteLength: number },
) => Resizable;

/** Values a column reserves room to grow to in place. */
const RESERVED = 1 << 28;

/** A new column of `length` zeros that can grow in place (see `lengthened`). */
export function column<T extends Column>(of: TypedArrayClass<T>, length: number): T {
  const bytes = length * of.BYTES_PER_ELEMENT;
  if (length <= RESERVED) {
    try {
      // A view made without a length tracks the buffer as it grows.
      return new of(new ResizableBuffer(bytes, { maxByteLength: RESERVED * of.BYTES_PER_ELEMENT }));
    } catch {
      // The address space could not be reserved (a ulimit -v, say): copy when growing instead.
    }
  }
  return new of(new ArrayBuffer(bytes));
}

/** `col` made `length` long, the new places holding `fill`: the same array grown in place, or a longer copy. */
export function lengthened<T extends Column>(col: T, length: number, fill = 0): T {
  const old = col.length;
  const buffer = col.buffer as Resizable;
  const bytes = length * col.BYTES_PER_ELEMENT;
  let longer = col;
  if (buffer.resizable && bytes <= buffer.maxByteLength) buffer.resize(bytes);
  else {
    longer = column(col.constructor as TypedArrayClass<T>, length);
    longer.set(col);
  }
  if (fill !== 0) longer.fill(fill, old);
  return longer;
}

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
  const wide: Index = to === Uint16Array ? column(Uint16Array, col.length) : column(Uint32Array, col.length);
  wide.set(col);
  return wide;
}

/** A new column of `length` numbers, all `fill`, as narrow as `fill` allows. */
export function indexColumn(length: number, fill = 0): Index {
  const col: Index =
    fill > 0xffff
      ? column(Uint32Array, length)
      : fill > 0xff
        ? column(Uint16Array, length)
        : column(Uint8Array, length);
  if (fill !== 0) col.fill(fill);
  return col;
}
