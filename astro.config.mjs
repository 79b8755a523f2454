// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import remarkCjkFriendly from 'remark-cjk-friendly';
import { fileURLToPath } from 'node:url';
import { searchIndex } from './src/integrations/search-index.ts';
import { reuseCache } from './src/integrations/reuse-cache.ts';
import { bulkOutputs } from './src/integrations/bulk-outputs.ts';
import { siteAddressLog } from './src/integrations/site-address.ts';
import { hostHeaders } from './src/integrations/host-headers.ts';
import { precompress } from './src/integrations/precompress.ts';
import { inPlaceBuild, inPlaceOutput } from './src/integrations/in-place-output.ts';
import { siteAddress } from './src/domain/site-address.ts';
import { buildCompletion } from './src/integrations/build-completion.ts';

// Pages read document bodies from disk while rendering, where the working folder is wherever `astro` was started
// (`astro build --root …` from elsewhere): pin the content folder to this project unless a build points it away.
process.env.GONGKAI_CONTENT_ROOT ??= fileURLToPath(new URL('.', import.meta.url));

// A site published at its own address with the placeholder correction address would send readers' corrections
// nowhere: say so at every such build (the about page shows the address; README, environment variables).
if (process.env.GONGKAI_SITE && !process.env.GONGKAI_CONTACT?.trim()) {
  console.warn('gongkai: GONGKAI_SITE is set but GONGKAI_CONTACT is not: /about/ shows the placeholder corrections@gongkai.example.org. Set GONGKAI_CONTACT to an e-mail address or an issue tracker\'s address before publishing.');
}

// Documents (.md) are rendered by src/domain/markdown (markdown-it + markdown-it-cjk-friendly): fast at
// 100,000 documents and raw HTML is escaped. Editorial pages (.mdx) go through unified with
// remark-cjk-friendly, so `**重点任务：**推进` is bold in both.
export default defineConfig({
  // GONGKAI_SITE, else the placeholder; every build logs which (src/domain/site-address.ts, docs/deploy.md).
  site: siteAddress(process.env).url,
  trailingSlash: 'always',
  build: { format: 'directory' },
  // The search index is built beside the pages (a worker thread); the bulk outputs (chart CSVs, data files) are
  // written after them. hostHeaders and precompress read the finished output: they come after both (docs/deploy.md),
  // and after inPlaceOutput has removed the previous build's stale files (an in-place build only), which must see the
  // bulk outputs already written. buildCompletion comes last: a process that ends before its build:done fails the build.
  integrations: [siteAddressLog(), mdx({ processor: unified({ remarkPlugins: [remarkCjkFriendly] }) }), reuseCache(), searchIndex(), bulkOutputs(), inPlaceOutput(), hostHeaders(), precompress(), buildCompletion()],
  // `npm run build -- --in-place` hands Astro a hard-linked copy of the previous site: keep it (Astro then
  // leaves an unchanged page where it is instead of copying it back from its cache; docs/scale.md).
  ...(inPlaceBuild() ? { vite: { build: { emptyOutDir: false } } } : {}),
  // No code highlighting: no content has code, and Shiki's inline styles would need 'unsafe-inline' under the CSP.
  markdown: { processor: unified({ remarkPlugins: [remarkCjkFriendly] }), syntaxHighlight: false },
  devToolbar: { enabled: false },
  // A rebuild copies a page from the previous build (kept in the cache folder) when its `cacheKey` from
  // getStaticPaths and its module graph are unchanged; the keys are in src/lib/cache-keys.ts. At 10,000
  // documents one changed document re-renders a few hundred pages instead of 34,000 (docs/scale.md).
  experimental: { incrementalBuild: true },
  // A build pointed at another content folder (tests, the benchmark) keeps its own content cache, so
  // builds running side by side never share one.
  ...(process.env.GONGKAI_CACHE_DIR ? { cacheDir: process.env.GONGKAI_CACHE_DIR } : {}),
  // Content-Security-Policy on every page (a <meta http-equiv> Astro writes with the hashes of the scripts
  // and styles it bundles): no 'unsafe-inline' or 'unsafe-eval' for scripts, nothing from other origins,
  // no plugins, no <base> hijack, forms only to this site. See docs/quality.md.
  security: {
    csp: {
      algorithm: 'SHA-256',
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: { resources: ["'self'"] },
      styleDirective: { resources: ["'self'"] },
    },
  },
});
