import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Browser and build tests start Chromium or Astro; give them room on a 2-core machine.
    testTimeout: 120_000,
    hookTimeout: 600_000,
    fileParallelism: true,
  },
});
