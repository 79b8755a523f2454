import { describe, expect, it } from 'vitest';
import { regionFromMentions, countMentions, regionFromName, regionsFromHost } from '../../../src/domain/ingest/region-clues.ts';
import { ingestText } from '../../../src/domain/ingest/ingest.ts';
import type { Draft } from '../../../src/domain/ingest/types.ts';
import { ingestOne, projectContext } from './helpers.ts';

const regions = () => projectContext().regions;
const hostRegions = (url: string) => regionsFromHost(url, regions()).map((clue) => clue.regions.map((region) => region.slug));
const fromAddress = (text: string, url: string) => ingestText(text, 'test.txt', projectContext(), { url })[0] as Draft;

describe('the region from the page’s address', () => {
  it('reads a county’s own host from its pinyin: www.chenxi.gov.cn is 辰溪县', () => {
    expect(hostRegions('http://www.chenxi.gov.cn/chenxi/c113831/201403/f53c.shtml')).toEqual([['hunan/huaihua/chenxi']]);
  });

  it('reads a host spelled with another reading of a polyphonic character: jiangdu is 江都区 (slugged jiangdou)', () => {
    expect(hostRegions('http://www.jiangdu.gov.cn/zgjd/')).toEqual([['jiangsu/yangzhou/jiangdou']]);
  });

  it('reads a province’s initials before a county’s pinyin: xjyiwu is 新疆 伊吾县, not 浙江 义乌市', () => {
    expect(hostRegions('http://xjyiwu.gov.cn/xjyiwu/')).toEqual([['xinjiang/hami/yiwu']]);
  });

  it('reads initials: mzj.xm.gov.cn may be 厦门, among others, and www.cqspb.gov.cn is 重庆 沙坪坝区', () => {
    expect(hostRegions('http://mzj.xm.gov.cn/zfxxgk/')[0]).toContain('fujian/xiamen');
    expect(hostRegions('http://www.cqspb.gov.cn/zwgk/')).toEqual([['chongqing/chongqing/shapingba']]);
  });

  it('reads nothing from a host that is not a government site’s', () => {
    expect(regionsFromHost('https://www.xiamen-wenku.com/doc/1.html', regions())).toEqual([]);
    expect(regionsFromHost('not an address', regions())).toEqual([]);
  });

  it('places a page by its host when the text names no place', () => {
    const draft = fromAddress('关于调整我县城乡居民最低生活保障标准的通知\n将我县农村居民最低生活保障标准从每人每月140元调整为每人每月165元。\n', 'http://www.chenxi.gov.cn/chenxi/c113831/201403/f53c.shtml');
    expect(draft.frontmatter.region).toBe('hunan/huaihua/chenxi');
    expect(draft.report.inferred.find((item) => item.field === 'region')?.from).toContain('host label "chenxi"');
  });

  it('settles a host that names several places by the places the text names', () => {
    const draft = fromAddress('今年以来,区民政局推进民生实事。武进区已经建成助餐点16个,武进区完成适老化改造。\n', 'https://www.wj.gov.cn/html/czwj/2024/x.html');
    expect(draft.frontmatter.region).toBe('jiangsu/changzhou/wujin');
  });

  it('reports a host that names several places and nothing settles, for review', () => {
    const draft = fromAddress('从2022年11月1日起,执行的城乡低保保障标准是:城市低保保障标准为家庭月人均收入760元。\n', 'http://mzj.yulin.gov.cn/zwgk/t18216891.shtml');
    expect(draft.frontmatter.region).toBeUndefined();
    expect(draft.report.notes.some((note) => note.includes('guangxi/yulin') && note.includes('shaanxi/yulin'))).toBe(true);
  });
});

describe('ambiguous, short and traditional names', () => {
  it('resolves the short form 上海普陀 to 上海’s 普陀区', () => {
    expect(regionFromName('上海普陀', regions()).region?.slug).toBe('shanghai/shanghai/putuo');
  });

  it('leaves 普陀区 alone ambiguous and settles it from the address', () => {
    expect(regionFromName('普陀区', regions()).ambiguous?.map((r) => r.slug)).toEqual(['shanghai/shanghai/putuo', 'zhejiang/zhoushan/putuo']);
    const draft = fromAddress('发布机构: 普陀区民政局\n2023年,我局认真贯彻落实各项决策部署,扎实推进各项工作。\n', 'https://www.zhoushan.gov.cn/art/2023/1/2/x.html');
    expect(draft.frontmatter.region).toBe('zhejiang/zhoushan/putuo');
    expect(draft.report.inferred.find((item) => item.field === 'region')?.from).toContain('settles as zhejiang/zhoushan/putuo');
  });

  it('reads a traditional-character publisher through the simplified reading: 靜安區民政局 is 上海 静安区', () => {
    const draft = ingestOne('發布機構: 上海市靜安區民政局\n2023年,我局認真貫徹落實各項決策部署,紮實推進各項工作。\n');
    expect(draft.frontmatter.publisher).toBe('上海市靜安區民政局');
    expect(draft.frontmatter.region).toBe('shanghai/shanghai/jingan');
  });

  it('places 中山市 at the city, not the county-level 中山市 the table lists under it', () => {
    expect(regionFromName('中山市', regions()).region?.slug).toBe('guangdong/zhongshan');
  });

  it('reads several districts of one city, each named once, as that city', () => {
    const { mentions } = countMentions('锦江区、青羊区、金牛区、武侯区城市居民最低生活保障标准由380元提高到430元。', regions());
    expect(regionFromMentions(mentions, regions()).region?.slug).toBe('sichuan/chengdu');
  });
});

describe('the places a body names', () => {
  it('reads a report on several cities of a province that it names as that province’s', () => {
    const { mentions } = countMentions('河北省已有5个设区市提高城乡低保标准。廊坊市城市低保标准提高到302元,廊坊市农村低保标准提高到1420元。保定市城市低保标准提高到300元,保定市农村低保标准提高到1500元。', regions());
    expect(regionFromMentions(mentions, regions()).region?.slug).toBe('hebei');
  });
});
