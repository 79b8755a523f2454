import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitFrontmatter } from '../../../src/domain/content/frontmatter.ts';
import { destination, serializeDraft } from '../../../src/domain/ingest/draft.ts';
import { writeDraft } from '../../../src/domain/ingest/output.ts';
import { ingestOne } from './helpers.ts';

const text = '名称: 资兴市民政局2023年上半年工作总结\n发布机构: 资兴市民政局\n发布日期: 2023-07-10\n索引号: 431081000/2023-00012\n一、社会救助工作\n一是从2023年1月起,城市低保A类由500元/月.人提高至550元/月.人。做好低保审核。\n';

describe('the draft file', () => {
  it('writes the front matter in the schema’s key order, then the body', () => {
    const file = serializeDraft(ingestOne(text));
    expect(file).toBe(`---
title: 资兴市民政局2023年上半年工作总结
kind: summary
period:
  year: 2023
  half: H1
publisher: 资兴市民政局
region: hunan/chenzhou/zixing
published: '2023-07-10'
source:
  index_no: 431081000/2023-00012
topics:
  - social-assistance
metrics:
  - metric: dibao-urban
    value: 550
    unit: 元/人/月
    category: A
    previous: 500
    effective: '2023-01-01'
    quote: 城市低保A类由500元/月.人提高至550元/月.人
---

## 一、社会救助工作

一是从2023年1月起,城市低保A类由500元/月.人提高至550元/月.人。做好低保审核。
`);
  });

  it('reads back as the same front matter', () => {
    const draft = ingestOne(text);
    expect(splitFrontmatter(serializeDraft(draft)).data).toEqual(JSON.parse(JSON.stringify(draft.frontmatter)));
  });

  it('goes to documents/<region>/<year>-<half>-<kind>.md when region, period and kind are known', () => {
    expect(destination(ingestOne(text))).toEqual({ kind: 'document', path: 'documents/hunan/chenzhou/zixing/2023-h1-summary.md' });
  });

  it('goes to drafts/<input>-<n>.md and says why when the text does not settle region, period or kind', () => {
    const draft = { ...ingestOne('做好各项工作。\n'), input: 'copied page.txt' };
    expect(destination(draft)).toEqual({ kind: 'draft', path: 'drafts/copied page-1.md', why: 'the text does not settle region, period, kind' });
  });
});

describe('writing drafts', () => {
  it('never overwrites an existing file without force', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ingest-write-'));
    const draft = ingestOne(text);
    const first = writeDraft(draft, { contentDir: dir, force: false, dryRun: false });
    expect(first.status).toBe('written');
    writeFileSync(first.file, 'edited by a maintainer');
    expect(writeDraft(draft, { contentDir: dir, force: false, dryRun: false }).status).toBe('exists');
    expect(readFileSync(first.file, 'utf8')).toBe('edited by a maintainer');
    expect(writeDraft(draft, { contentDir: dir, force: true, dryRun: false }).status).toBe('overwritten');
    expect(readFileSync(first.file, 'utf8')).toBe(serializeDraft(draft));
  });

  it('writes nothing in a dry run', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ingest-dry-'));
    const written = writeDraft(ingestOne(text), { contentDir: dir, force: false, dryRun: true });
    expect(written.status).toBe('dry-run');
    expect(existsSync(written.file)).toBe(false);
  });
});

describe('drafts of multi-year plans and notices', () => {
  const plan = {
    input: 'plan.txt',
    index: 1,
    body: '到2025年，城市低保标准达到每人每月800元。\n',
    frontmatter: {
      title: '资兴市“十四五”民政事业发展规划',
      kind: 'plan' as const,
      period: { end_year: 2025, half: null, year: 2021 },
      region: 'hunan/chenzhou/zixing',
      metrics: [{ quote: '城市低保标准达到每人每月800元', average: true, target: true, unit: '元/人/月', value: 800, metric: 'dibao-urban' }],
    },
  };

  it('goes to documents/<region>/2021-2025-plan.md for a plan with end_year 2025', () => {
    expect(destination(plan)).toEqual({ kind: 'document', path: 'documents/hunan/chenzhou/zixing/2021-2025-plan.md' });
  });

  it('goes to documents/<region>/2023-year-notice.md for a notice', () => {
    expect(destination({ ...plan, frontmatter: { ...plan.frontmatter, kind: 'notice' as const, period: { year: 2023, half: null } } })).toEqual({
      kind: 'document',
      path: 'documents/hunan/chenzhou/zixing/2023-year-notice.md',
    });
  });

  it('writes end_year after half, and average after target', () => {
    const file = serializeDraft(plan);
    expect(file).toContain('period:\n  year: 2021\n  half: null\n  end_year: 2025\n');
    expect(file).toContain('    target: true\n    average: true\n    quote: 城市低保标准达到每人每月800元\n');
  });
});
