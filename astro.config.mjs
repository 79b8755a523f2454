// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import remarkCjkFriendly from 'remark-cjk-friendly';

// Documents (.md) are rendered by src/domain/markdown (markdown-it + markdown-it-cjk-friendly): fast at
// 100,000 documents and raw HTML is escaped. Editorial pages (.mdx) go through unified with
// remark-cjk-friendly, so `**重点任务：**推进` is bold in both.
export default defineConfig({
  site: process.env.GONGKAI_SITE ?? 'https://gongkai.example.org',
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [mdx({ processor: unified({ remarkPlugins: [remarkCjkFriendly] }) })],
  markdown: { processor: unified({ remarkPlugins: [remarkCjkFriendly] }) },
  devToolbar: { enabled: false },
});
