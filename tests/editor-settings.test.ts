/**
 * What a maintainer's VS Code does with .vscode/settings.json: the Red Hat YAML extension runs
 * yaml-language-server with the `yaml.schemas` of that file. This test runs the same server (the extension's
 * engine, as a devDependency) over stdio with those settings, opens real content files and reads the
 * diagnostics it publishes: none for the file as committed, one pointing at the line of a planted mistake.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editorSchemas } from '../src/domain/editor-schemas.ts';

const repo = resolve(import.meta.dirname, '..');
const settings = JSON.parse(readFileSync(join(repo, '.vscode/settings.json'), 'utf8')) as { 'yaml.schemas': Record<string, string | string[]> };
const extensions = JSON.parse(readFileSync(join(repo, '.vscode/extensions.json'), 'utf8')) as { recommendations: string[] };

interface Diagnostic {
  range: { start: { line: number; character: number } };
  message: string;
  source?: string;
}

/** A minimal LSP client: framed JSON-RPC over the server's stdio, answering its configuration requests as VS Code would. */
class YamlLanguageServer {
  private readonly server: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, (result: unknown) => void>();
  private readonly diagnostics = new Map<string, (diagnostics: Diagnostic[]) => void>();

  private readonly yamlSettings: object;

  constructor(yamlSettings: object) {
    this.yamlSettings = yamlSettings;
    const bin = join(repo, 'node_modules/yaml-language-server/bin/yaml-language-server');
    this.server = spawn(process.execPath, [bin, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.server.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
  }

  private send(message: object): void {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }));
    this.server.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.server.stdin.write(body);
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString())?.[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const message = JSON.parse(this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString());
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      if (message.method === 'workspace/configuration') {
        this.send({ id: message.id, result: message.params.items.map((item: { section?: string }) => (item.section === 'yaml' ? this.yamlSettings : {})) });
      } else if (message.method === 'textDocument/publishDiagnostics') {
        this.diagnostics.get(message.params.uri)?.(message.params.diagnostics);
      } else if (message.method && message.id !== undefined) {
        this.send({ id: message.id, result: null });
      } else if (message.id !== undefined) {
        this.pending.get(message.id)?.(message.result);
      }
    }
  }

  request(method: string, params: object): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolvePromise) => {
      this.pending.set(id, resolvePromise);
      this.send({ id, method, params });
    });
  }

  notify(method: string, params: object): void {
    this.send({ method, params });
  }

  async start(): Promise<void> {
    const root = pathToFileURL(repo).href;
    await this.request('initialize', { processId: process.pid, rootUri: root, workspaceFolders: [{ uri: root, name: 'gongkai' }], capabilities: { workspace: { configuration: true } } });
    this.notify('initialized', {});
    this.notify('workspace/didChangeConfiguration', { settings: { yaml: this.yamlSettings } });
  }

  private readonly versions = new Map<string, number>();

  /** Opens `text` as the file at `path` (relative to the project), or changes it to `text`, and waits for its diagnostics. */
  diagnose(path: string, text: string): Promise<Diagnostic[]> {
    const uri = pathToFileURL(join(repo, path)).href;
    const result = new Promise<Diagnostic[]>((resolvePromise) => this.diagnostics.set(uri, resolvePromise));
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    // Edited in place, as in an editor: a close would publish an empty list that could answer the next change.
    if (version === 1) this.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version, text } });
    else this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    return result;
  }

  async complete(path: string, text: string, line: number, character: number): Promise<string[]> {
    const uri = pathToFileURL(join(repo, path)).href;
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    const result = (await this.request('textDocument/completion', { textDocument: { uri }, position: { line, character } })) as { items: { label: string }[] };
    this.notify('textDocument/didClose', { textDocument: { uri } });
    return result.items.map((item) => item.label).sort();
  }

  stop(): void {
    this.server.kill();
  }
}

// The settings VS Code would pass: the workspace's `yaml.schemas`, validation on, no schemas fetched from the network.
const server = new YamlLanguageServer({ schemas: settings['yaml.schemas'], validate: true, completion: true, schemaStore: { enable: false } });
beforeAll(() => server.start());
afterAll(() => server.stop());

describe('.vscode/settings.json', () => {
  it('maps each YAML editor schema to the content files it describes, and recommends the Red Hat YAML extension', () => {
    const yamlSchemas = editorSchemas().filter((schema) => !schema.contentGlobs.some((glob) => glob.endsWith('.md')));
    expect(settings['yaml.schemas']).toEqual(Object.fromEntries(yamlSchemas.map((schema) => [`./schemas/${schema.file}`, schema.contentGlobs.length === 1 ? schema.contentGlobs[0] : schema.contentGlobs])));
    expect(extensions.recommendations).toContain('redhat.vscode-yaml');
  });
});

describe('the YAML language server with those settings', () => {
  const files = [
    { path: 'content/metrics/dibao-urban.yaml', mistake: 'sort_order: 3\n', expected: 'Property sort_order is not allowed.' },
    { path: 'content/topics/elderly-care.yaml', mistake: 'keyword: [养老]\n', expected: 'Property keyword is not allowed.' },
    { path: 'content/search/abbreviations.yaml', mistake: '\n- forms: [低保专项]\n', expected: 'Array has too few items. Expected 2 or more.' },
  ];
  for (const { path, mistake, expected } of files) {
    it(`finds nothing wrong in ${path} as committed`, async () => {
      expect(await server.diagnose(path, readFileSync(join(repo, path), 'utf8'))).toEqual([]);
    });

    it(`points at the line of a mistake planted at the end of ${path}`, async () => {
      const committed = readFileSync(join(repo, path), 'utf8');
      const text = `${committed}${mistake}`;
      const diagnostics = await server.diagnose(path, text);
      expect(diagnostics.map((d) => d.message)).toEqual([expected]);
      expect(diagnostics[0]!.source).toMatch(/^yaml-schema: gongkai /);
      const mistakeLine = text.split('\n').findIndex((line, index) => index >= committed.split('\n').length - 1 && line.trim() !== '');
      expect(diagnostics[0]!.range.start.line).toBe(mistakeLine);
    });
  }

  it("offers a metric's allowed values while typing", async () => {
    const text = 'name: 城市低保标准\nmeasure: \n';
    expect(await server.complete('content/metrics/new-metric.yaml', text, 1, 9)).toEqual(['count', 'standard']);
  });
});
