import { describe, expect, it } from 'vitest';
import { placeholderSiteAddress, publishAddressProblem, siteAddress, siteAddressLine } from '../../src/domain/site-address.ts';

describe('the site address', () => {
  it('is the placeholder when GONGKAI_SITE is unset or blank, and the log line says how to publish', () => {
    for (const env of [{}, { GONGKAI_SITE: '' }, { GONGKAI_SITE: '  ' }]) {
      const address = siteAddress(env);
      expect(address).toEqual({ url: 'https://gongkai.example.org', fromEnvironment: false });
      expect(siteAddressLine(address)).toBe('gongkai: site address https://gongkai.example.org (set GONGKAI_SITE to publish)');
    }
  });

  it('is GONGKAI_SITE when set, and the log line names where it came from', () => {
    const address = siteAddress({ GONGKAI_SITE: 'https://mz.example.gov.cn' });
    expect(address).toEqual({ url: 'https://mz.example.gov.cn', fromEnvironment: true });
    expect(siteAddressLine(address)).toBe('gongkai: site address https://mz.example.gov.cn (from GONGKAI_SITE)');
  });
});

describe('a deploy', () => {
  it('refuses to publish without GONGKAI_SITE, naming the repository variable to set', () => {
    const problem = publishAddressProblem({});
    expect(problem).toMatch(/^GONGKAI_SITE is not set, so every citation, feed and sitemap would point at https:\/\/gongkai\.example\.org; set GONGKAI_SITE/);
    expect(problem).toContain('Variables → New repository variable GONGKAI_SITE');
  });

  it('refuses the placeholder, a bare word and a non-web address', () => {
    expect(publishAddressProblem({ GONGKAI_SITE: placeholderSiteAddress })).toMatch(/^GONGKAI_SITE is the placeholder/);
    expect(publishAddressProblem({ GONGKAI_SITE: 'gongkai' })).toMatch(/^GONGKAI_SITE is "gongkai", which is not an address/);
    expect(publishAddressProblem({ GONGKAI_SITE: 'ftp://mz.example.gov.cn' })).toMatch(/not an http\(s\) address/);
  });

  it('publishes at the root of a real origin', () => {
    expect(publishAddressProblem({ GONGKAI_SITE: 'https://mz.example.gov.cn' })).toBeUndefined();
    expect(publishAddressProblem({ GONGKAI_SITE: 'https://mz.example.gov.cn/' })).toBeUndefined();
    expect(publishAddressProblem({ GONGKAI_SITE: 'https://org.github.io' })).toBeUndefined();
  });

  it('refuses an address with a path, such as a GitHub Pages project site, since every link starts at the root', () => {
    expect(publishAddressProblem({ GONGKAI_SITE: 'https://org.github.io/gongkai/' })).toMatch(/^GONGKAI_SITE is "https:\/\/org\.github\.io\/gongkai\/", which has a path; the site is built for the root of its origin/);
  });
});
