import { describe, expect, it } from 'vitest';
import { ingestOne } from './helpers.ts';

const body = (text: string) => ingestOne(text).body;

describe('outline and paragraphs', () => {
  it('makes 一、 a level-2 heading', () => {
    expect(body('一、围绕工作目标,对标检查补短板\n截至目前,各项工作有序推进。\n')).toBe('## 一、围绕工作目标,对标检查补短板\n\n截至目前,各项工作有序推进。\n');
  });

  it('makes (一) and （一） level-3 headings', () => {
    expect(body('(一)继续加强社区治理体系建设\n推进社区建设。\n（二）着力加强社会福利体系建设\n推进福利建设。\n')).toBe(
      '### (一)继续加强社区治理体系建设\n\n推进社区建设。\n\n### （二）着力加强社会福利体系建设\n\n推进福利建设。\n',
    );
  });

  it('splits a marker that opens a long paragraph into its heading and the paragraph', () => {
    expect(body('(一)疫情防控工作。一是快速应对。疫情就是命令,防控就是责任。\n')).toBe('### (一)疫情防控工作。\n\n一是快速应对。疫情就是命令,防控就是责任。\n');
  });

  it('makes a short 1、 followed by text a level-4 heading', () => {
    expect(body('1、提高站位着眼全局谋划,社区治理水平有效提升\n(1)加强社工委组织领导,明确责任分工。根据相关文件要求调整了领导小组成员。\n')).toBe(
      '#### 1、提高站位着眼全局谋划,社区治理水平有效提升\n\n(1)加强社工委组织领导,明确责任分工。根据相关文件要求调整了领导小组成员。\n',
    );
  });

  it('makes consecutive short numbered lines list items, their numbers text rather than a list inside the list', () => {
    expect(body('主要措施如下:\n1. 加强组织领导\n2. 完善工作机制\n3. 强化督查考核\n')).toBe('主要措施如下:\n\n- 1\\. 加强组织领导\n- 2\\. 完善工作机制\n- 3\\. 强化督查考核\n');
  });

  it('keeps a long numbered item as a paragraph', () => {
    const item = '1、完善低保等救助政策。加大分类救助力度,以确保困难群众基本生活需求为基础、以促进就业为导向。';
    expect(body(`${item}\n`)).toBe(`${item}\n`);
  });

  it('keeps 一是…二是… as a paragraph', () => {
    const text = '一是抓学风。统一组织学习和考试。二是转作风。严格实行上下班考勤。三是树形象。组织了乒乓球赛。';
    expect(body(`${text}\n`)).toBe(`${text}\n`);
  });

  it('re-joins a line broken after a comma or semicolon', () => {
    expect(body('截至4月底,全市共保障农村低保对象9836户20232人,发放农村低保资金922.0920万元;\n特困对象共1263人,实现了应保尽保。\n')).toBe(
      '截至4月底,全市共保障农村低保对象9836户20232人,发放农村低保资金922.0920万元;特困对象共1263人,实现了应保尽保。\n',
    );
  });

  it('re-joins a line broken inside a word when the text has the word whole elsewhere', () => {
    const text = '引导村(社区)结合自身实际制定村规民约,组织党员干部下沉社区参与疫情防控。\n向社会各界发出了抗疫募捐倡议,共接收捐赠款共计432.725527万元。引导村(社区)结合自\n身实际制定疫情防控期间村规民约。\n';
    expect(body(text)).toContain('引导村(社区)结合自身实际制定疫情防控期间村规民约。');
  });

  it('keeps apart a long line that ends without punctuation when nothing shows it was cut, and says so', () => {
    const draft = ingestOne('防控组联合公安、消防、市场监管等部门组建联合检查组,从各自专业角度进行业务指导,确保机构人员安全\n募集组快速启动慈善总会,第一时间面向社会募集防疫物资。\n');
    expect(draft.body.split('\n\n')).toHaveLength(2);
    expect(draft.report.notes[0]).toMatch(/^line 1 ends without punctuation; kept apart from line 2/);
  });

  it('re-joins the lines of a hard-wrapped copy', () => {
    const paragraph = '目前,全区养老床位总数达6331张,护理型床位总数达1775张。大力推进居家养老服务中心提档升级,城乡标准覆盖率分别达51.85%、34.02%。认真做好老年助餐点建设,积极探索以中央厨房为基础的送餐配餐服务方式。建立了留守儿童关爱保护工作联席会议制度,完善了三级社会救助保护网络体系。';
    const wrapped = [...paragraph].reduce<string[]>((lines, char, i) => (i % 20 === 0 ? [...lines, char] : [...lines.slice(0, -1), `${lines.at(-1)}${char}`]), []);
    expect(body(`一、工作情况\n${wrapped.join('\n')}\n二、存在问题\n人手不足。\n`)).toBe(`## 一、工作情况\n\n${paragraph}\n\n## 二、存在问题\n\n人手不足。\n`);
  });

  it('escapes what Markdown would read as syntax at the start of a paragraph', () => {
    expect(body('# 不是标题的井号开头\n')).toBe('\\# 不是标题的井号开头\n');
  });
});

describe('tables', () => {
  it('turns a flattened table into a Markdown table', () => {
    expect(body('项目 | 2022年 | 2023年 |\n城市低保户数 | 4500 | 4329 |\n')).toBe('| 项目 | 2022年 | 2023年 |\n| --- | --- | --- |\n| 城市低保户数 | 4500 | 4329 |\n');
  });

  const taskTable = [
    '2023年区民政局重点工作任务一清单 | ||||',
    '序号 | 重点工作事项 | 工作目标 | 分管领导 | 责任科室 |',
    '一、区委十四届六次全会任务 | ||||',
    '1 | 健全群众自治组织机制 | 加强村(居)民委员会规范化建设。 | 张文娟 | 区划地名科 |',
    '2 | 完善办事公开制度 | 1.加强志愿服务工作。 2.培育社区社会组织。 |',
    '周利宏 张文娟 |',
    '慈善事业促进和社会工作科 宣州区社团和民间组织管理局 |',
    '二、区委、区政府重点工作 | ||||',
    '1 | 稳步提高城乡居民最低生活保障标准 | 城市最低生活保障标准为780元/月/人。 | 周利宏 |',
    '社会救助科 |',
    '3 | 推进婚俗改革 | 积极引导解决“高彩礼”社会现象。 | 谭朝晖 | 社会事务科 |',
  ].join('\n');

  it('turns a key-task table into tasks with section, row number, title, goal, leader and owner', () => {
    const draft = ingestOne(`${taskTable}\n`);
    expect(draft.frontmatter.tasks).toEqual([
      { id: '1-1', group: '一、区委十四届六次全会任务', title: '健全群众自治组织机制', goal: '加强村(居)民委员会规范化建设。', leader: '张文娟', owner: '区划地名科', status: 'awaiting-summary' },
      { id: '1-2', group: '一、区委十四届六次全会任务', title: '完善办事公开制度', goal: '1.加强志愿服务工作。 2.培育社区社会组织。', leader: '周利宏 张文娟', owner: '慈善事业促进和社会工作科 宣州区社团和民间组织管理局', status: 'awaiting-summary' },
      { id: '2-1', group: '二、区委、区政府重点工作', title: '稳步提高城乡居民最低生活保障标准', goal: '城市最低生活保障标准为780元/月/人。', leader: '周利宏', owner: '社会救助科', status: 'awaiting-summary' },
      { id: '2-3', group: '二、区委、区政府重点工作', title: '推进婚俗改革', goal: '积极引导解决“高彩礼”社会现象。', leader: '谭朝晖', owner: '社会事务科', status: 'awaiting-summary' },
    ]);
  });

  it('notes a row number the source skips and keeps it as printed', () => {
    expect(ingestOne(`${taskTable}\n`).report.notes).toContain('二、区委、区政府重点工作: 序号 2 missing in the source (kept as printed)');
  });

  it('writes a key-task table as one Markdown table per section under the section heading', () => {
    const markdown = ingestOne(`${taskTable}\n`).body;
    expect(markdown.startsWith('2023年区民政局重点工作任务一清单\n\n## 一、区委十四届六次全会任务\n\n| 序号 | 重点工作事项 | 工作目标 | 分管领导 | 责任科室 |\n| --- | --- | --- | --- | --- |\n| 1 | 健全群众自治组织机制 |')).toBe(true);
    expect(markdown).toContain('\n\n## 二、区委、区政府重点工作\n\n| 序号 |');
  });

  it('leaves a row without a goal out of tasks but keeps it in the body', () => {
    const draft = ingestOne('名称: 2023年区民政局重点工作任务清单\n序号 | 重点工作事项 | 工作目标 | 分管领导 | 责任科室 |\n1 | 主题教育 | | 谭朝晖 | 机关党委 |\n2 | 困难群众低保办理程序优化问题 | 低保审核确认时限压缩至20个工作日内。 | 周利宏 | 社会救助科 |\n');
    expect(draft.frontmatter.tasks).toEqual([
      { id: '2', group: '2023年区民政局重点工作任务清单', title: '困难群众低保办理程序优化问题', goal: '低保审核确认时限压缩至20个工作日内。', leader: '周利宏', owner: '社会救助科', status: 'awaiting-summary' },
    ]);
    expect(draft.body).toContain('| 1 | 主题教育 |  | 谭朝晖 | 机关党委 |');
    expect(draft.report.notes).toContain('table row 1 (line 3) has no goal; kept in the body, left out of tasks');
  });
});
