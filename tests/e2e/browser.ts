/**
 * Debian's Chromium driven by playwright-core: never a browser download. The flags keep Chromium off the
 * network it cannot reach here (background services would fail and log errors).
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** What a test file asks of its browser: pages and contexts, each closed by the test that opened it. */
export type TestBrowser = Pick<Browser, 'newPage' | 'newContext'>;

/**
 * One Chromium for the calling test file: launched before its first test, closed after its last (even when a test
 * fails). Call it at the top level of the file: `const browser = useBrowser();`.
 */
export function useBrowser(): TestBrowser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  const launched = (): Browser => {
    if (!browser) throw new Error('useBrowser(): the browser is used before beforeAll launched it; open pages inside tests or hooks');
    return browser;
  };
  return {
    newPage: (options) => launched().newPage(options),
    newContext: (options) => launched().newContext(options),
  };
}

/** Collects console errors, page errors, failed requests and CSP violations of a page. */
export function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`failed request: ${request.url()} (${request.failure()?.errorText ?? ''})`));
  page.on('response', (response) => {
    if (response.status() >= 400 && !response.url().endsWith('/does-not-exist/')) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return problems;
}
