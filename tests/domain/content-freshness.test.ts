import { describe, expect, it } from 'vitest';
import { contentFreshness, correctionContact, defaultCorrectionContact } from '../../src/domain/content-freshness.ts';

describe('when the content last changed', () => {
  it('is the newest date any document carries, whichever field it is in', () => {
    expect(
      contentFreshness([
        { data: { published: '2023-08-28', source: { retrieved: '2024-05-10' } } },
        { data: { published: '2024-03-01' } },
        { data: { written: '2024-05-09' } },
      ]),
    ).toEqual({ date: '2024-05-10', kind: 'retrieved' });
  });

  it('says a publication date is one when it is the newest', () => {
    expect(contentFreshness([{ data: { published: '2009-03-18' } }, { data: { written: '2008-12-31' } }])).toEqual({ date: '2009-03-18', kind: 'published' });
  });

  it('is unknown when no document is dated, rather than the day of the build', () => {
    expect(contentFreshness([{ data: {} }, { data: { source: {} } }])).toBeUndefined();
  });
});

describe('where a reader reports a mistake', () => {
  it('turns a configured e-mail address into a mailto link', () => {
    expect(correctionContact('jiucuo@mzj.example.gov.cn')).toEqual({ href: 'mailto:jiucuo@mzj.example.gov.cn', label: 'jiucuo@mzj.example.gov.cn', kind: 'email' });
    expect(correctionContact('mailto:a@b.cn').href).toBe('mailto:a@b.cn');
  });

  it('keeps a configured web address, such as an issue tracker’s new-issue page', () => {
    expect(correctionContact('https://github.com/example/gongkai/issues/new')).toMatchObject({ href: 'https://github.com/example/gongkai/issues/new', kind: 'web' });
  });

  it('falls back to the documented placeholder when nothing is configured', () => {
    expect(correctionContact(undefined).label).toBe(defaultCorrectionContact);
    expect(correctionContact('  ').href).toBe(`mailto:${defaultCorrectionContact}`);
  });
});
