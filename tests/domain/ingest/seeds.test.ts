/**
 * The five real copies in tests/fixtures/seeds (from ../shared/seeds): nothing of them is lost, each ingests
 * into drafts that match the curated content field by field, and every draft passes the build's validation.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitFrontmatter } from '../../../src/domain/content/frontmatter.ts';
import { readContentSources } from '../../../src/domain/content/read-content.ts';
import { validateContent } from '../../../src/domain/content/validate-content.ts';
import { destination, serializeDraft } from '../../../src/domain/ingest/draft.ts';
import type { Draft } from '../../../src/domain/ingest/types.ts';
import { documentFrontmatterSchema, type DocumentFrontmatter } from '../../../src/schemas/document.ts';
import { ingest, projectContext, repo, seedFiles, seedsDir } from './helpers.ts';

const seeds = readdirSync(seedsDir).filter((name) => name.endsWith('.txt')).sort();
const draftsOf = new Map<string, Draft[]>(seeds.map((name) => [name, ingest(readFileSync(join(seedsDir, name), 'utf8'), name)]));
const drafts = (name: string) => draftsOf.get(name) ?? [];

/** Text as it must survive: no whitespace, no Markdown marks, no table pipes. Independent of the rules under test. */
const bare = (text: string) => text.replace(/^#+ |^- |^\\/gm, '').replace(/^\|( --- \|)+$/gm, '').replace(/[|\s]/g, '');

function curated(id: string): DocumentFrontmatter {
  return documentFrontmatterSchema.parse(splitFrontmatter(readFileSync(join(repo, 'content', 'documents', `${id}.md`), 'utf8')).data);
}

describe('nothing is lost', () => {
  it('finds the five seeds', () => {
    expect(seeds).toEqual(Object.values(seedFiles).sort());
  });

  it.each(seeds)('accounts for every non-blank line of %s in a body or in dropped with a reason', (name) => {
    const lines = readFileSync(join(seedsDir, name), 'utf8').split(/\r\n|\r|\n/);
    const bodies = drafts(name).map((draft) => bare(draft.body)).join('\n');
    const dropped = new Map(drafts(name).flatMap((draft) => draft.dropped.map((line) => [line.line, line] as const)));
    const lost: string[] = [];
    lines.forEach((text, i) => {
      if (text.trim() === '') return;
      const drop = dropped.get(i + 1);
      if (drop) {
        expect(drop.text).toBe(text);
        expect(drop.reason.length).toBeGreaterThan(3);
      } else if (!bodies.includes(bare(text))) lost.push(`line ${i + 1}: ${text.slice(0, 40)}`);
    });
    expect(lost).toEqual([]);
  });
});

const expectations: [string, string[]][] = [
  [seedFiles.chongming, ['shanghai/shanghai/chongming/2017-h2-plan']],
  [seedFiles.jintan, ['jiangsu/changzhou/jintan/2017-h1-summary']],
  [seedFiles.zixingHuanggu, ['hunan/chenzhou/zixing/2023-h1-summary', 'liaoning/shenyang/huanggu/2023-h1-summary']],
  [seedFiles.shanghai, ['shanghai/2009-year-plan']],
  [seedFiles.xuanzhou, ['anhui/xuancheng/xuanzhou/2023-year-task-list']],
];

describe.each(expectations)('seed %s', (name, ids) => {
  it(`ingests into ${ids.length} draft${ids.length > 1 ? 's' : ''}`, () => {
    expect(drafts(name)).toHaveLength(ids.length);
  });

  describe.each(ids.map((id, index) => [id, index] as const))('matching the curated %s', (id, index) => {
    const label = curated(id);
    const draft = () => drafts(name)[index] as Draft;
    const fm = () => draft().frontmatter as Record<string, any>;

    it('has the same kind, period, publisher and region', () => {
      expect([fm().kind, fm().period, fm().publisher, fm().region]).toEqual([label.kind, label.period, label.publisher, label.region]);
    });

    it('has the same dates and 索引号', () => {
      expect([fm().published, fm().written, fm().source?.index_no]).toEqual([label.published, label.written, label.source.index_no]);
    });

    it('has the same figures with the same quotes', () => {
      const sort = (figures: Record<string, unknown>[]) => figures.map((figure) => JSON.stringify(Object.entries(figure).sort())).sort();
      expect(sort(fm().metrics ?? [])).toEqual(sort(label.metrics as unknown as Record<string, unknown>[]));
    });

    it('has the same tasks', () => {
      expect(fm().tasks ?? []).toEqual(label.tasks);
    });

    it('goes to the curated file’s path', () => {
      expect(destination(draft())).toEqual({ kind: 'document', path: `documents/${id}.md` });
    });
  });
});

describe('what the seeds are known for', () => {
  it('keeps the 资兴 report once, in its 资兴市 copy', () => {
    const [zixing] = drafts(seedFiles.zixingHuanggu);
    expect(zixing?.body.split('资兴市民政局在市委市政府')).toHaveLength(2);
    expect(zixing?.body).not.toMatch(/xx市|[abc]类/);
  });

  it('reads the 32 tasks of the 宣州 list', () => {
    expect(drafts(seedFiles.xuanzhou)[0]?.frontmatter.tasks).toHaveLength(32);
  });
});

describe('validation', () => {
  it('passes every seed draft, committed unchanged, through the build’s validation', () => {
    const { metrics, topics } = readContentSources(repo);
    const documents = [...draftsOf.values()].flat().map((draft) => ({ path: `content/${destination(draft).path}`, text: serializeDraft(draft) }));
    const { issues, model } = validateContent({ documents, metrics, topics }, projectContext().regions);
    expect(issues).toEqual([]);
    expect(model.documents).toHaveLength(6);
  });
});
