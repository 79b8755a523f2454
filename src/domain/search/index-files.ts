/**
 * The client's view of the index folder: fetches each file once through the caller's `fetchFile`, keeps what
 * it fetched (refining a query costs little), parses JSON files once, and checks the manifest's format. A
 * failed fetch is not kept, so the next search retries it.
 */
import { FORMAT_VERSION, type SearchManifest } from './format.ts';
import { Lru } from './lru.ts';

/** Fetches one index file by its path relative to the index folder (e.g. `g/0a3.bin`). */
export type FetchFile = (path: string) => Promise<Uint8Array | ArrayBuffer | string>;

export interface IndexFiles {
  /** The bytes of an index file. */
  file(path: string): Promise<Uint8Array>;
  /** A JSON index file, parsed (doc tables, texts: ten results often share one). */
  json<T>(path: string): Promise<T>;
  /** `manifest.json`, fetched once; rejects an index of another format. */
  manifest(): Promise<SearchManifest>;
  /** Files fetched so far and their bytes (as delivered, i.e. decoded). */
  stats(): { files: number; bytes: number };
}

function toBytes(data: Uint8Array | ArrayBuffer | string): Uint8Array {
  if (typeof data === 'string') return new TextEncoder().encode(data);
  return data instanceof Uint8Array ? data : new Uint8Array(data);
}

export function createIndexFiles(fetchFile: FetchFile): IndexFiles {
  const files = new Map<string, Promise<Uint8Array>>();
  const fetched = { files: 0, bytes: 0 };
  const parsed = new Lru<string, Promise<unknown>>(64);
  const decoder = new TextDecoder();
  let manifestPromise: Promise<SearchManifest> | undefined;

  function file(path: string): Promise<Uint8Array> {
    let cached = files.get(path);
    if (!cached) {
      cached = fetchFile(path).then((data) => {
        const bytes = toBytes(data);
        fetched.files++;
        fetched.bytes += bytes.length;
        return bytes;
      });
      cached.catch(() => files.delete(path));
      files.set(path, cached);
    }
    return cached;
  }

  function json<T>(path: string): Promise<T> {
    return parsed.getOrMake(path, () => file(path).then((bytes) => JSON.parse(decoder.decode(bytes)) as unknown)) as Promise<T>;
  }

  function manifest(): Promise<SearchManifest> {
    manifestPromise ??= json<SearchManifest>('manifest.json').then((m) => {
      if (m.format !== FORMAT_VERSION) throw new Error(`search index has format ${m.format}; this client reads format ${FORMAT_VERSION}`);
      return m;
    });
    manifestPromise.catch(() => (manifestPromise = undefined));
    return manifestPromise;
  }

  return { file, json, manifest, stats: () => ({ ...fetched }) };
}
