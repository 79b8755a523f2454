/**
 * Unsigned LEB128 varints over growable byte buffers: the encoding of every posting list. Doc ids and
 * positions are stored as gaps, so most numbers take one byte.
 */

/** A growable byte buffer that varints are appended to. */
export class ByteWriter {
  bytes: Uint8Array;
  length = 0;

  constructor(capacity = 64) {
    this.bytes = new Uint8Array(capacity);
  }

  private grow(need: number): void {
    let capacity = this.bytes.length * 2;
    while (capacity < this.length + need) capacity *= 2;
    const grown = new Uint8Array(capacity);
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }

  /** Appends `value` (0 ≤ value < 2^53) as a varint. */
  varint(value: number): void {
    // Most values are gaps below 128: one byte, in a body small enough to inline.
    if (value < 0x80 && this.length < this.bytes.length) {
      this.bytes[this.length++] = value;
      return;
    }
    this.varintSlow(value);
  }

  private varintSlow(value: number): void {
    if (this.length + 8 > this.bytes.length) this.grow(8);
    const bytes = this.bytes;
    let n = this.length;
    if (value < 0x80000000) {
      while (value >= 0x80) {
        bytes[n++] = (value & 0x7f) | 0x80;
        value >>>= 7;
      }
    } else {
      while (value >= 0x80) {
        bytes[n++] = (value % 0x80) | 0x80;
        value = Math.floor(value / 0x80);
      }
    }
    bytes[n++] = value;
    this.length = n;
  }

  append(chunk: Uint8Array): void {
    if (this.length + chunk.length > this.bytes.length) this.grow(chunk.length);
    this.bytes.set(chunk, this.length);
    this.length += chunk.length;
  }

  /** Appends `source[start, end)`: without making a view of it, which costs more than the copy for a few bytes. */
  appendRange(source: Uint8Array, start: number, end: number): void {
    const length = end - start;
    if (this.length + length > this.bytes.length) this.grow(length);
    if (length > 64) {
      this.bytes.set(source.subarray(start, end), this.length);
      this.length += length;
      return;
    }
    const bytes = this.bytes;
    let n = this.length;
    for (let i = start; i < end; i++) bytes[n++] = source[i] as number;
    this.length = n;
  }

  /** The bytes written so far (a view: copy it if the writer is used again). */
  view(): Uint8Array {
    return this.bytes.subarray(0, this.length);
  }

  /** A copy of the bytes written so far, sized exactly. */
  toBytes(): Uint8Array {
    return this.bytes.slice(0, this.length);
  }
}

/** Reads varints from a byte array, from `offset` on. */
export class ByteReader {
  readonly bytes: Uint8Array;
  offset: number;

  constructor(bytes: Uint8Array, offset = 0) {
    this.bytes = bytes;
    this.offset = offset;
  }

  varint(): number {
    const byte = this.bytes[this.offset] as number;
    if (byte < 0x80) {
      this.offset++;
      return byte;
    }
    return this.varintSlow();
  }

  private varintSlow(): number {
    const bytes = this.bytes;
    let byte = bytes[this.offset++] ?? 0;
    let value = byte & 0x7f;
    let scale = 0x80;
    for (;;) {
      byte = bytes[this.offset++] ?? 0;
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) return value;
      scale *= 0x80;
    }
  }

  /** Moves past `count` varints without decoding them. */
  skipVarints(count: number): void {
    const bytes = this.bytes;
    let offset = this.offset;
    // Each byte below 0x80 ends a varint.
    for (let left = count; left > 0; offset++) if ((bytes[offset] as number) < 0x80) left--;
    this.offset = offset;
  }

  get done(): boolean {
    return this.offset >= this.bytes.length;
  }
}
