import { describe, expect, it } from 'vitest';
import { countMentions, indexNumberCode, regionFromMentions, regionFromName } from '../../../src/domain/ingest/region-clues.ts';
import { ingestOne, projectContext } from './helpers.ts';

const regions = () => projectContext().regions;
const inferred = (draft: ReturnType<typeof ingestOne>, field: string) => draft.report.inferred.find((item) => item.field === field);

describe('the region', () => {
  it.each([
    ['资兴市民政局', 'hunan/chenzhou/zixing'],
    ['资兴', 'hunan/chenzhou/zixing'],
    ['沈阳市皇姑区', 'liaoning/shenyang/huanggu'],
    ['皇姑区', 'liaoning/shenyang/huanggu'],
    ['上海市崇明区', 'shanghai/shanghai/chongming'],
    ['宣州区', 'anhui/xuancheng/xuanzhou'],
    ['上海市', 'shanghai'],
    ['金坛', 'jiangsu/changzhou/jintan'],
    ['北京市朝阳区', 'beijing/beijing/chaoyang'],
  ])('resolves %s to %s', (name, slug) => {
    expect(regionFromName(name, regions()).region?.slug).toBe(slug);
  });

  it('leaves 朝阳区 alone ambiguous: it is in 北京 and in 长春', () => {
    const resolution = regionFromName('朝阳区', regions());
    expect(resolution.region).toBeUndefined();
    expect(resolution.ambiguous?.map((r) => r.slug)).toEqual(['beijing/beijing/chaoyang', 'jilin/changchun/chaoyang']);
  });

  it('counts 朝阳区 in a body that also names 长春', () => {
    const { mentions } = countMentions('长春市朝阳区民政局认真做好低保工作。朝阳区共有低保对象3000户。', regions());
    expect(regionFromMentions(mentions, regions()).region?.slug).toBe('jilin/changchun/chaoyang');
  });

  it('reads the region from the publisher', () => {
    const draft = ingestOne('公开主体:\n上海市崇明区民政局\n下半年,本区民政工作将按照区委、区政府年度工作安排,着重抓好以下几个方面的工作。\n');
    expect(draft.frontmatter.region).toBe('shanghai/shanghai/chongming');
    expect(inferred(draft, 'region')?.from).toBe('崇明区, from the publisher "上海市崇明区民政局"');
  });

  it('reads the region from the title', () => {
    expect(ingestOne('上海市民政局2009年工作要点 ( 2009-03-18 )\n2009年上海民政工作的总体思路是服务大局、服务民生。\n').frontmatter.region).toBe('shanghai');
  });

  it('reads the division code of a 索引号 that starts with a 统一社会信用代码', () => {
    expect(indexNumberCode('11341802003249426F/202308-00030')).toBe('341802');
    const draft = ingestOne('索引号: 11341802003249426F/202308-00030\n2023年,我局认真贯彻落实各项决策部署,扎实推进各项工作。\n');
    expect(draft.frontmatter.region).toBe('anhui/xuancheng/xuanzhou');
  });

  it('ignores a 索引号 division code that is not in the division table, and says so', () => {
    const draft = ingestOne('索引号: 11341703003249426F/202308-00030\n发布机构: 宣州区民政局\n2023年,我局认真贯彻落实各项决策部署。\n');
    expect(draft.frontmatter.region).toBe('anhui/xuancheng/xuanzhou');
    expect(draft.report.notes).toContain('索引号 11341703003249426F/202308-00030 carries division code 341703, which is not in the division table; ignored');
  });

  it('reads the region from the places the body names most', () => {
    const draft = ingestOne('2017年,金坛民政的工作思路是创建省级现代民政示范区。金坛民政工作有效开展,编写《金坛区历史地名保护名录》。\n');
    expect(draft.frontmatter.region).toBe('jiangsu/changzhou/jintan');
  });

  it('leaves the region out when the text only names an ambiguous place, and says why', () => {
    const draft = ingestOne('2023年上半年,朝阳区民政局认真做好低保工作。朝阳区共有低保对象3000户,发放低保资金1000万元。\n');
    expect(draft.frontmatter.region).toBeUndefined();
    expect(draft.report.missing.find((item) => item.field === 'region')?.why).toContain('朝阳区');
  });
});

describe('kind, period and publisher', () => {
  it('reads kind and period from a title', () => {
    const draft = ingestOne('名称: 资兴市民政局2023年上半年工作总结\n上半年,我局各项工作有序推进。\n');
    expect(draft.frontmatter.kind).toBe('summary');
    expect(draft.frontmatter.period).toEqual({ year: 2023, half: 'H1' });
  });

  it('reads H2 from 下半年工作安排', () => {
    const draft = ingestOne('名称: 崇明区民政局2017年下半年工作安排\n下半年,本区民政工作将按照区委、区政府年度工作安排推进。\n');
    expect(draft.frontmatter.kind).toBe('plan');
    expect(draft.frontmatter.period).toEqual({ year: 2017, half: 'H2' });
  });

  it('reads a whole-year plan from a title with a year and no half', () => {
    expect(ingestOne('上海市民政局2009年工作要点\n服务大局、服务民生、服务基层。\n').frontmatter.period).toEqual({ year: 2009, half: null });
  });

  it('reads H1 from an opening that starts with 上半年', () => {
    const draft = ingestOne('2023年上半年,在区委、区政府的正确领导下,我局全面贯彻落实各项决策部署。\n一、上半年工作开展情况\n完成了各项工作。\n');
    expect(draft.frontmatter.period).toEqual({ year: 2023, half: 'H1' });
    expect(draft.frontmatter.kind).toBe('summary');
  });

  it('tells a summary from a plan by its wording when nothing else says', () => {
    const summary = '截至目前,已建成5家服务窗口,完成了123个村(居)委会换届选举工作,建立了留守儿童关爱保护工作联席会议制度,引进了两家养老机构,开展了地名普查工作。'.repeat(3);
    const plan = '继续推进社区发展三年行动计划,加强基层自治建设,做好换届选举准备,推进社会组织建设与管理,确保年底前完成各项实事项目。'.repeat(4);
    expect(ingestOne(`${summary}\n`).frontmatter.kind).toBe('summary');
    expect(ingestOne(`${plan}\n`).frontmatter.kind).toBe('plan');
  });

  it('reads the publisher from the bureau the opening sentence names', () => {
    const draft = ingestOne('上半年,资兴市民政局在市委市政府和郴州市民政局的领导下,坚决贯彻落实各级决策部署。\n');
    expect(draft.frontmatter.publisher).toBe('资兴市民政局');
    expect(draft.frontmatter.region).toBe('hunan/chenzhou/zixing');
  });

  it('leaves the publisher out when the metadata prints it empty', () => {
    const draft = ingestOne('发布机构: | |\n上海市民政局2009年工作要点\n服务大局、服务民生、服务基层。\n');
    expect(draft.frontmatter.publisher).toBeUndefined();
    expect(draft.report.missing).toContainEqual({ field: 'publisher', why: 'the metadata prints 发布机构/公开主体 empty, and no byline, dateline or signature names the publisher' });
  });

  it('leaves every field the text does not state out, and lists it in the report', () => {
    const draft = ingestOne('做好各项工作。\n');
    expect(Object.keys(draft.frontmatter)).toEqual(['title', 'title_editorial']);
    expect(draft.report.missing.map((item) => item.field)).toEqual(['kind', 'period.year', 'period.half', 'publisher', 'region', 'published', 'written', 'source.index_no', 'source.doc_no', 'topics']);
  });
});

describe('topics', () => {
  it('proposes a topic a heading names or two sentences name', () => {
    const draft = ingestOne('一、养老服务工作\n推进居家养老。\n二、其他工作\n做好低保审核。提高低保标准。开展一次殡葬检查。\n');
    expect(draft.frontmatter.topics).toEqual(['elderly-care', 'social-assistance']);
  });
});
