import { afterEach, describe, expect, it } from 'vitest';
import { clearOfferedSiteModel, offeredSiteModel, offerSiteModel } from '../../src/domain/site-model-handoff.ts';
import { buildSiteModel } from '../../src/domain/site-model.ts';

describe('the site model the pages hand to the hooks after them', () => {
  const model = buildSiteModel({ documents: [], regions: [], metrics: [], topics: [] });
  afterEach(clearOfferedSiteModel);

  it('is taken for the content root it was built from, with or without a trailing slash', () => {
    offerSiteModel('/work/site', model);
    expect(offeredSiteModel('/work/site')).toBe(model);
    expect(offeredSiteModel('/work/site/')).toBe(model);
  });

  it('is not taken for another content root, nor once cleared at the start of a build', () => {
    offerSiteModel('/work/site/', model);
    expect(offeredSiteModel('/work/other')).toBeUndefined();
    clearOfferedSiteModel();
    expect(offeredSiteModel('/work/site')).toBeUndefined();
  });

  it('is seen by another copy of the module, as the bundled pages and astro.config.mjs load two', async () => {
    const copyUrl = '../../src/domain/site-model-handoff.ts?copy';
    const copy = (await import(/* @vite-ignore */ copyUrl)) as typeof import('../../src/domain/site-model-handoff.ts');
    expect(copy.offerSiteModel).not.toBe(offerSiteModel);
    copy.offerSiteModel('/work/site', model);
    expect(offeredSiteModel('/work/site')).toBe(model);
  });
});
