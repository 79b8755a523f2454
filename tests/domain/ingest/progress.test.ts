/**
 * Progress on long inputs: a line per phase, drafting reported at most every few seconds in a log, one line
 * rewritten in place on a terminal, and nothing at all unless asked for or shown on a terminal.
 */
import { describe, expect, it } from 'vitest';
import { progressReporter, type IngestProgress } from '../../../src/domain/ingest/progress.ts';
import { ingestText } from '../../../src/domain/ingest/ingest.ts';
import { projectContext } from './helpers.ts';

/** A reporter over a fake clock that advances `step` ms per call. */
function reporter(tty: boolean, step: number) {
  const written: string[] = [];
  let clock = 0;
  const progress = progressReporter((text) => written.push(text), { tty, now: () => (clock += step) });
  return { progress, written };
}

const run = (progress: ReturnType<typeof progressReporter>, documents: number) => {
  progress.start('big.txt', 20 * 1024 * 1024);
  const phases: IngestProgress[] = [{ phase: 'lines', done: 71483 }, { phase: 'furniture' }, { phase: 'paragraphs' }, { phase: 'duplicates' }, { phase: 'documents' }];
  for (const phase of phases) progress.update(phase);
  for (let done = 0; done < documents; done++) progress.update({ phase: 'drafting', done, total: documents });
  progress.finish(`${documents} documents`);
};

describe('the progress of one long input', () => {
  it('writes a log a line per phase and drafting every few seconds, not a line per document', () => {
    const { progress, written } = reporter(false, 10);
    run(progress, 3000);
    // 5 phases, drafting at 0 and then every 5 s of a 30 s run (10 ms a document), and the closing line.
    expect(written.length).toBeLessThan(15);
    expect(written[0]).toMatch(/^\[ingest\] big\.txt: 20\.0 MB, 71,483 lines · read · 0\.\d s\n$/);
    expect(written.some((line) => /^\[ingest\] big\.txt: 20\.0 MB, 71,483 lines · finding passages pasted twice · 0\.\d s\n$/.test(line))).toBe(true);
    expect(written.some((line) => /drafting documents 0\/3,000/.test(line))).toBe(true);
    expect(written.at(-1)).toMatch(/^\[ingest\] big\.txt: 20\.0 MB, 71,483 lines · 3000 documents in 30\.\d s\n$/);
    expect(written.every((line) => line.endsWith('\n') && !line.includes('\r'))).toBe(true);
  });

  it('rewrites one line in place on a terminal, throttled, and ends it', () => {
    const { progress, written } = reporter(true, 10);
    run(progress, 3000);
    expect(written.every((line) => line.startsWith('\r'))).toBe(true);
    expect(written.length).toBeLessThan(200);
    expect(written.at(-1)).toMatch(/3000 documents in .*\n$/);
  });

  it('hears every phase and every document from ingestion', () => {
    const heard: IngestProgress[] = [];
    const text = '宣州区民政局2023年工作总结\n一、基本情况\n全区低保对象共1200人，按月足额发放。\n资兴市民政局2023年工作总结\n一、基本情况\n全市特困人员共300人，按月足额发放。\n';
    const drafts = ingestText(text, 'two.txt', projectContext(), { onProgress: (progress) => heard.push(progress) });
    expect(drafts).toHaveLength(2);
    expect(heard).toEqual([
      { phase: 'lines', done: 6 },
      { phase: 'furniture' },
      { phase: 'paragraphs' },
      { phase: 'duplicates' },
      { phase: 'documents' },
      { phase: 'drafting', done: 0, total: 2 },
      { phase: 'drafting', done: 1, total: 2 },
    ]);
  });
});
