/**
 * The deploy recipe, served for real: Caddy (Debian's `caddy`) runs deploy/Caddyfile over the built site with the
 * environment its header comment documents, and the responses carry what docs/deploy.md promises — the
 * build's Content-Security-Policy as a header (the pages still work under it in Chromium), nosniff, the cache
 * rules, the build's .br/.gz files for the index and data files, and a 404 page.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { headerPolicy, pagePolicy } from '../../src/domain/host-headers.ts';
import { useBrowser, watchProblems } from './browser.ts';

const repo = resolve(import.meta.dirname, '../..');
const distDir = inject('distDir');
const caddyfile = join(repo, 'deploy/Caddyfile');

/** The `export GONGKAI_CSP=…` line of the Caddyfile's header comment, run as written. */
function documentedCsp(): string {
  const line = readFileSync(caddyfile, 'utf8').split('\n').find((l) => l.startsWith('#   export GONGKAI_CSP='));
  if (!line) throw new Error('deploy/Caddyfile: its header comment lost the `export GONGKAI_CSP=` line the recipe documents');
  const command = `${line.replace(/^#\s+/, '')}; printf %s "$GONGKAI_CSP"`;
  const result = spawnSync('sh', ['-c', command], { encoding: 'utf8', env: { ...process.env, GONGKAI_DIST: distDir } });
  if (result.status !== 0) throw new Error(`the documented command failed: ${command}\n${result.stderr}`);
  return result.stdout;
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A GET whose body is the bytes on the wire (Node's fetch would decode them). */
function get(port: number, path: string, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolveReply, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolveReply({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

let caddy: ChildProcess | undefined;
let port = 0;
let caddyLog = '';
const home = mkdtempSync(join(tmpdir(), 'gongkai-caddy-'));
const csp = documentedCsp();

beforeAll(async () => {
  const version = spawnSync('caddy', ['version'], { encoding: 'utf8' });
  if (version.error || version.status !== 0) {
    throw new Error('caddy is not installed, so the deploy recipe cannot be served: install Debian\'s with `apt-get install -y caddy` (.ci/run does), then run the test again');
  }
  port = await freePort();
  caddy = spawn('caddy', ['run', '--config', caddyfile, '--adapter', 'caddyfile'], {
    // No admin endpoint (it would take port 2019, shared with whatever else runs here); Caddy's state in a scratch home.
    env: { ...process.env, GONGKAI_DIST: distDir, GONGKAI_ADDRESS: `http://127.0.0.1:${port}`, GONGKAI_CSP: csp, GONGKAI_CADDY_ADMIN: 'off', HOME: home, XDG_DATA_HOME: home, XDG_CONFIG_HOME: home },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  caddy.stdout?.on('data', (chunk: Buffer) => (caddyLog += chunk.toString()));
  caddy.stderr?.on('data', (chunk: Buffer) => (caddyLog += chunk.toString()));
  for (let attempt = 0; attempt < 100; attempt++) {
    if (caddy.exitCode !== null) throw new Error(`caddy exited with ${caddy.exitCode}:\n${caddyLog}`);
    try {
      await get(port, '/');
      return;
    } catch {
      await new Promise((wait) => setTimeout(wait, 100));
    }
  }
  throw new Error(`caddy did not answer on port ${port} within 10 s:\n${caddyLog}`);
});

afterAll(async () => {
  if (caddy && caddy.exitCode === null) {
    const exited = new Promise((done) => caddy!.once('exit', done));
    caddy.kill('SIGTERM');
    await exited;
  }
  rmSync(home, { recursive: true, force: true });
});

const filesUnder = (folder: string) => readdirSync(join(distDir, folder), { recursive: true, encoding: 'utf8' }).map((name) => `${folder}/${name.split('\\').join('/')}`).sort();

describe('the documented environment', () => {
  it('reads the policy the build wrote, which is every page\'s <meta> policy plus frame-ancestors', () => {
    const metaPolicy = pagePolicy(readFileSync(join(distDir, 'index.html'), 'utf8'));
    expect(metaPolicy).toMatch(/^default-src 'self'/);
    expect(csp).toBe(headerPolicy(metaPolicy!));
    expect(csp.endsWith("; frame-ancestors 'none'")).toBe(true);
  });
});

describe('Caddy with deploy/Caddyfile', () => {
  it('sends the Content-Security-Policy, nosniff and a short cache on a page, compressed on the fly', async () => {
    const reply = await get(port, '/', { 'accept-encoding': 'gzip' });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-security-policy']).toBe(csp);
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    expect(reply.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(reply.headers['cache-control']).toBe('public, max-age=300, must-revalidate');
    expect(reply.headers['content-encoding']).toBe('gzip');
    expect(reply.headers.server).toBeUndefined();
  });

  it('sends the build\'s .br of a search shard to a browser that accepts brotli, byte for byte, revalidated on every use', async () => {
    const shard = filesUnder('search').find((path) => path.endsWith('.bin') && existsSync(join(distDir, `${path}.br`)));
    expect(shard, 'the build wrote no .br beside any search file').toBeDefined();
    const reply = await get(port, `/${shard}`, { 'accept-encoding': 'br, gzip' });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-encoding']).toBe('br');
    expect(reply.body.equals(readFileSync(join(distDir, `${shard}.br`)))).toBe(true);
    expect(reply.headers['cache-control']).toBe('no-cache');
    expect(reply.headers.vary).toMatch(/Accept-Encoding/i);
    expect(reply.headers['content-security-policy']).toBe(csp);

    const etag = reply.headers.etag as string;
    expect(etag).toBeTruthy();
    expect((await get(port, `/${shard}`, { 'accept-encoding': 'br, gzip', 'if-none-match': etag })).status).toBe(304);
  });

  it('sends the .gz to a client that accepts only gzip, and the file itself to one that accepts nothing', async () => {
    const data = 'data/documents.json';
    expect(existsSync(join(distDir, `${data}.gz`))).toBe(true);
    const gzipped = await get(port, `/${data}`, { 'accept-encoding': 'gzip' });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gzipped.body.equals(readFileSync(join(distDir, `${data}.gz`)))).toBe(true);
    const plain = await get(port, `/${data}`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.equals(readFileSync(join(distDir, data)))).toBe(true);
    expect(plain.headers['content-type']).toMatch(/^application\/json/);
  });

  it('caches the content-hashed bundles for a year', async () => {
    const bundle = filesUnder('_astro').find((path) => path.endsWith('.js'))!;
    const reply = await get(port, `/${bundle}`, { 'accept-encoding': 'br' });
    expect(reply.status).toBe(200);
    expect(reply.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('answers an unknown address with the site\'s 404 page and status 404, and does not publish _headers', async () => {
    const missing = await get(port, '/documents/does-not-exist/');
    expect(missing.status).toBe(404);
    expect(missing.body.toString('utf8')).toBe(readFileSync(join(distDir, '404.html'), 'utf8'));
    expect((await get(port, '/_headers')).status).toBe(404);
  });
});

describe('the site under the header policy', () => {
  const browser = useBrowser();

  it('runs the search page in Chromium with no CSP violation and finds a document', async () => {
    const page = await browser.newPage();
    const problems = watchProblems(page);
    const violations: string[] = [];
    await page.exposeFunction('reportViolation', (text: string) => violations.push(text));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => (window as unknown as { reportViolation(t: string): void }).reportViolation(`${event.violatedDirective} ${event.blockedURI}`));
    });
    const response = await page.goto(`http://127.0.0.1:${port}/search/?q=${encodeURIComponent('低保')}`);
    expect(response?.headers()['content-security-policy']).toBe(csp);
    await page.waitForSelector('[data-search-results][data-exact-count]', { state: 'attached', timeout: 30_000 });
    expect(Number(await page.getAttribute('[data-search-results]', 'data-exact-count'))).toBeGreaterThan(0);
    expect(violations).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });
});
