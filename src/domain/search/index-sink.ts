/**
 * Every file the builder writes goes through one sink: it hands the bytes to the caller's `writeFile`, counts
 * files and bytes per folder, and hashes path and bytes in write order for the manifest's `version`.
 */

/** Receives every file of the index: a path relative to the index folder and its bytes. */
export type WriteFile = (path: string, bytes: Uint8Array) => void | Promise<void>;

/** 64-bit FNV-1a over every byte written (as two 32-bit lanes), for the manifest's version. */
export class VersionHash {
  private a = 0x811c9dc5;
  private b = 0x050c5d1f;

  update(path: string, bytes: Uint8Array): void {
    let a = this.a;
    let b = this.b;
    for (let i = 0; i < path.length; i++) {
      a = Math.imul(a ^ path.charCodeAt(i), 0x01000193);
      b = Math.imul(b ^ path.charCodeAt(i), 0x01000193);
    }
    for (let i = 0; i < bytes.length; i++) {
      const v = bytes[i] as number;
      a = Math.imul(a ^ v, 0x01000193);
      b = Math.imul(b ^ (v + 0x55), 0x01000193);
    }
    this.a = a;
    this.b = b;
  }

  hex(): string {
    return (this.a >>> 0).toString(16).padStart(8, '0') + (this.b >>> 0).toString(16).padStart(8, '0');
  }
}

/** What the sink has written so far. */
export interface WrittenFiles {
  files: number;
  bytes: number;
  /** Bytes per top-level folder (`g`, `x`, `d`, `c`, `t`, and `.` for manifest/facets). */
  bytesByFolder: Record<string, number>;
}

export class IndexSink {
  readonly written: WrittenFiles = { files: 0, bytes: 0, bytesByFolder: {} };
  private readonly writeFile: WriteFile;
  private readonly hash = new VersionHash();
  private readonly encoder = new TextEncoder();

  constructor(writeFile: WriteFile) {
    this.writeFile = writeFile;
  }

  async write(path: string, bytes: Uint8Array): Promise<void> {
    this.hash.update(path, bytes);
    this.written.files++;
    this.written.bytes += bytes.length;
    const folder = path.includes('/') ? path.slice(0, path.indexOf('/')) : '.';
    this.written.bytesByFolder[folder] = (this.written.bytesByFolder[folder] ?? 0) + bytes.length;
    await this.writeFile(path, bytes);
  }

  writeJson(path: string, value: unknown): Promise<void> {
    return this.write(path, this.encoder.encode(JSON.stringify(value)));
  }

  /** Hash of everything written so far. */
  version(): string {
    return this.hash.hex();
  }
}
