/**
 * Preloaded into the measured `npm run ingest` process (`node --import`): on exit it writes the process's own
 * resource usage — CPU time and peak resident set from getrusage, exact rather than sampled — as JSON to the
 * file named by GONGKAI_USAGE_FILE.
 */
import { writeFileSync } from 'node:fs';

const file = process.env.GONGKAI_USAGE_FILE;
if (file) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(file, JSON.stringify({ userMicros: usage.userCPUTime, systemMicros: usage.systemCPUTime, maxRssKib: usage.maxRSS }));
  });
}
