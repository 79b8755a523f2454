/**
 * Lines a copy of a government page brings along that are the site, not the document: download prompts,
 * "更新时间 … 作者 …" bylines, the sidebar's lists of dates, footers (©, ICP, 公安备案, 运维电话, 传真, 主办,
 * 网站标识码, IPv6), "推荐度", the site's "(注:…)" notices, a lone `|` left by a flattened table, breadcrumbs
 * (您的位置:首页 >> …), lines of UI words (字号 大 中 小, 关怀版 无障碍, 打印 关闭), page counters (第1页共9页),
 * document-sharing sites' (文库) paywall and upload notices, and text in English a site added. Each rule names
 * its reason; the dropped line is kept in the draft's `dropped` list with it.
 *
 * Some furniture is only recognisable as a run of lines: a table of contents, a list of unrelated headlines
 * with timestamps (相关推荐, injected spam links), a menu of short links above the document. `chromeRuns`
 * finds those over the whole copy. A rule is a pattern of site furniture (short lines of UI words, separators,
 * counts, timestamps), never a page's literal text.
 */
import { toSimplified } from './script.ts';
import { columnRole } from './tables.ts';
import { isBareDate, outlineMarker } from './text.ts';

interface Rule {
  reason: string;
  test: (line: string) => boolean;
}

/** Site furniture is short; a long line mentioning 下载 or 主办 is the document talking. */
const short = (line: string, limit = 80) => [...line].length <= limit;

/**
 * Words of a site's controls. A short line made only of them (and brackets, bars and separators) is the page's
 * toolbar: `字号 大 中 小`, `【字体:大 中 小】`, `关怀版 无障碍`, `无障碍版 长者助手 登录`, `打印 关闭`.
 */
const uiWords = new Set(
  (
    '字号 字体 大 中 小 默认 超大 较大 标准 放大 缩小 背景色 保护视力色 视力保护色 护眼模式 关怀版 关怀模式 无障碍 无障碍版 无障碍浏览 适老版 适老化 长者版 长者助手 长者模式 ' +
    '读屏 读屏专用 语音 朗读 登录 注册 退出 English 简体 繁体 简体版 繁体版 繁體 繁體版 手机版 移动版 PC版 电脑版 首页 返回 返回首页 返回顶部 顶部 ' +
    '打印 打印本页 打印此页 打印文章 关闭 关闭窗口 关闭本页 收藏 加入收藏 分享 分享到 纠错 我要纠错 微信 微博 QQ空间 扫一扫 二维码 评论 点赞 ' +
    '上一篇 下一篇 更多 相关链接 网站地图 搜索 站内搜索 检索 高级检索 政策 解读 图解'
  ).split(' '),
);
const uiSeparators = /[\s|｜【】\[\]()（）<>《》:：,，、/·•-]+/;

function isUiLine(line: string): boolean {
  const words = toSimplified(line.trim()).split(uiSeparators).filter((word) => word !== '');
  return words.length > 0 && short(line, 60) && words.every((word) => uiWords.has(word));
}

/**
 * A site's menu copied as one line: `网站首页 个人文档 个人总结 工作总结 述职报告 心得体会 …`. Six or more words of
 * two to six characters, set apart by spaces, with no digit and no punctuation: a document's sentence has
 * punctuation, and its headings are not rows of words (a list of six names in a document would be, so the
 * words must also not all be two or three characters, as people's names are).
 */
function isMenuRow(line: string): boolean {
  const text = line.trim();
  if (!short(text, 120) || /[\d０-９。，,；;：:！？、《》“”"()（）]/.test(text)) return false;
  const words = text.split(/[\s\u3000]+/);
  return words.length >= 6 && words.every((word) => [...word].length >= 2 && [...word].length <= 6) && words.some((word) => [...word].length >= 4);
}

/** Separators of a breadcrumb trail: `首页 > 政务公开 > 规划计划`, `首页 >> 公开信息内容`, `首页 / 新闻`. */
export const crumbSeparator = /\s*(?:>>|>|＞|»|›|→)\s*/;

/**
 * A breadcrumb: a short line of two or more short place names joined by `>`, or one that starts by saying so
 * (您的位置: / 当前位置: / 首页 >). A line that continues a trail (`>政府动态>专题专栏>…`) is one too.
 */
function isBreadcrumb(line: string): boolean {
  const text = toSimplified(line.trim());
  if (!short(text, 120) || /[。；;！？]/.test(text)) return false;
  if (/^(您?(当前|现在)?的?(所在)?位置|当前位置|所在位置)\s*[:：]/.test(text)) return true;
  const parts = text.split(crumbSeparator);
  if (parts.length < 2 || parts.some((part) => [...part].length > 40)) return false;
  return /^(首页|主页|网站首页)$/.test(parts[0] ?? '') || /^(>|＞|»)/.test(text) || parts.length >= 3;
}

const rules: Rule[] = [
  { reason: 'lone table pipe left by the copy', test: (line) => /^[|｜\s]+$/.test(line) },
  { reason: 'run of bare dates (site navigation)', test: (line) => isBareDate(line) },
  {
    reason: 'page byline (更新时间 / 作者)',
    test: (line) => short(line, 160) && /^(更新时间|发布时间|浏览次数|点击数|阅读次数|作者|来源)\s*[:：]/.test(line.trim()) && /(作者|浏览|点击|阅读|更新时间)/.test(line),
  },
  {
    reason: 'download prompt',
    test: (line) => short(line) && /(下载(到电脑|到手机|doc|附件|全文|本文|文档|PDF|地址)|(Word|WORD|word|WPS|PDF|pdf)\s*(文档|文件|版)|点击下载|^\s*下载\s*([:：]|$)|打印本页|打印此页|关闭窗口|【打印】|【关闭】|加入收藏|扫一扫)/i.test(line),
  },
  { reason: 'site rating (推荐度)', test: (line) => short(line) && /^\s*推荐度/.test(line) },
  {
    reason: 'site footer (copyright, ICP, 公安备案, contact, 网站标识码)',
    test: (line) =>
      short(line, 160) &&
      /(©|Copyright|All Rights Reserved|版权所有|ICP备|ICP证|公安备案|公网安备|网站标识码|运维电话|技术支持[:：]|主办[:：]|承办[:：]|传真[:：]|IPv6|网站地图|联系我们|建议使用.{0,20}浏览器|分辨率)/i.test(line),
  },
  {
    reason: 'site notice (注:…)',
    test: (line) => short(line, 200) && /^\s*[（(]\s*注\s*[:：].*[)）]\s*$/.test(line) && /(留言|咨询|本网|本站|网站|政策性文件|来信|转载|解读)/.test(line),
  },
  {
    reason: 'page navigation',
    test: (line) => short(line) && /^\s*(首页\s*[>》]|当前位置|您现在的位置|上一篇|下一篇|【字体|字号[:：]|分享到|相关链接|相关文章|责任编辑[:：])/.test(line),
  },
  { reason: 'breadcrumb trail (您的位置:首页 >> …)', test: isBreadcrumb },
  { reason: 'site toolbar (字号 大 中 小, 关怀版, 无障碍, 打印 关闭 …)', test: isUiLine },
  { reason: 'site menu on one line (a row of six or more short links set apart by spaces)', test: isMenuRow },
  {
    reason: 'page counter (第1页共9页)',
    test: (line) => short(line, 30) && /^\s*(第\s*\d+\s*页\s*[/，,]?\s*共\s*\d+\s*页|共\s*\d+\s*页|\d+\s*\/\s*\d+\s*页|-\s*\d+\s*-)\s*$/.test(line),
  },
  {
    reason: 'document-sharing site notice (文库: upload, paywall, 下载后可任意编辑)',
    test: (line) => {
      const text = toSimplified(line);
      return (
        short(text, 240) &&
        (/(由(用户|会员|网友)(上传|分享)|(用户|会员|网友)上传|可在线阅读|下载后可(任意)?编辑|付费(下载|阅读|之前)|版权归属内容提供方|不代表本站观点|部分内容阅读|内容提供方|文档(分享|赚钱)|VIP|会员免费|客服\s*QQ|立即(了解|下载|购买|开通|咨询)|(查看|阅读)全文|展开全文|剩余\d+页)/i.test(text) ||
          /^\s*[-•]?\s*\d+(\.\d+)?\s*[KkMm][Bb]\s*$/.test(text) ||
          /^\s*[-•]?\s*\d+\s*(页|次下载|人已下载|下载|浏览)\s*$/.test(text))
      );
    },
  },
  {
    reason: 'browser or upload date notice of the site',
    test: (line) => short(line) && (/(仅支持IE|兼容模式|请使用.{0,12}浏览器|浏览器(版本|访问))/.test(line) || /^\s*[-•]?\s*\d{4}-\d{1,2}-\d{1,2}\s*(上传|收藏)\s*$/.test(line)),
  },
  {
    reason: 'empty site label (文件下载:, 关联文件:, 访问量:)',
    test: (line) => short(line, 20) && /^\s*(文件下载|附件下载|关联文件|相关文件|相关附件|相关阅读|相关推荐|猜你喜欢|热门推荐|热点推荐|延伸阅读|访问量|浏览次数|浏览量|点击数|阅读次数|分享到|分享)\s*[:：]?\s*$/.test(toSimplified(line)),
  },
  {
    reason: 'text in English the site added (a translation, not the document)',
    test: (line) => {
      const letters = (line.match(/[A-Za-z]/g) ?? []).length;
      const han = (line.match(/\p{Script=Han}/gu) ?? []).length;
      return letters >= 40 && han * 10 < letters;
    },
  },
];

/** Reasons of the rules that look at runs of lines (chromeRuns). */
export const runReasons = {
  contents: 'table of contents (目录): the headings it lists follow in the body',
  headlines: 'list of unrelated headlines with timestamps (相关推荐, spam links)',
  menu: 'site menu (a run of short links around the document)',
} as const;

/** Every reason a boilerplate line can be dropped with (docs/ingest.md lists them all). */
export const boilerplateReasons: readonly string[] = [...rules.map((rule) => rule.reason), ...Object.values(runReasons)];

/** Why a line is site boilerplate, or undefined when it belongs to the document. */
export function boilerplateReason(line: string): string | undefined {
  return rules.find((rule) => rule.test(line))?.reason;
}

interface RunLine {
  no: number;
  text: string;
}

const timestamp = /(19|20)\d{2}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2}\s+\d{1,2}\s*:\s*\d{2}/;
const sentencePunctuation = /[，。；;！？]/;
/** A line of document text rather than a heading or a link: long, or a sentence. */
const isProse = (text: string) => [...text.trim()].length >= 60 || /。/.test(text);

/**
 * Furniture that is only recognisable as a run of lines, with the reason for each line in it:
 * - a table of contents: a `目录` line and the short lines after it, up to where its first entry comes back
 *   as the body's heading (or the text starts);
 * - a list of headlines with timestamps: three or more short lines in a row, each with a date and time and no
 *   sentence punctuation, together with truncated headlines (`…`, `..`) next to them;
 * - a menu: four or more very short lines without punctuation before the document's first line of prose
 *   (below it, such a run is as often a flattened table's cells, which are the document's and stay).
 */
export function chromeRuns(lines: RunLine[]): Map<number, string> {
  const found = new Map<number, string>();
  const texts = lines.map((line) => toSimplified(line.text.trim()));
  const compactText = (i: number) => (texts[i] ?? '').replace(/[\s\u3000]+/g, '');

  // Tables of contents.
  for (let i = 0; i < lines.length; i++) {
    if (!/^目\s*录$/.test(texts[i] ?? '')) continue;
    let first = i + 1;
    while (first < lines.length && /^目\s*录$/.test(texts[first] ?? '')) first += 1;
    const entry = compactText(first).replace(/\d+$/, '');
    let end = first;
    while (end < lines.length && !isProse(texts[end] ?? '') && [...(texts[end] ?? '')].length <= 40 && !(end > first && compactText(end) === entry)) end += 1;
    if (end - first < 3) continue;
    for (let j = i; j < end; j++) found.set(lines[j]?.no ?? 0, runReasons.contents);
    i = end - 1;
  }

  // Headline lists.
  const isHeadline = (i: number) => {
    const text = texts[i] ?? '';
    return short(text, 90) && timestamp.test(text) && !sentencePunctuation.test(text) && !found.has(lines[i]?.no ?? 0);
  };
  const isTruncatedHeadline = (i: number) => {
    const text = texts[i] ?? '';
    return short(text, 90) && !sentencePunctuation.test(text) && (/(\.\.|…)$/.test(text) || /(19|20)\d{2}-\d{1,2}(-\d?)?$/.test(text));
  };
  for (let i = 0; i < lines.length; i++) {
    if (!isHeadline(i)) continue;
    let end = i;
    while (end < lines.length && (isHeadline(end) || isTruncatedHeadline(end))) end += 1;
    if (end - i < 3) continue;
    let start = i;
    while (start > 0 && isTruncatedHeadline(start - 1)) start -= 1;
    for (let j = start; j < end; j++) found.set(lines[j]?.no ?? 0, runReasons.headlines);
    i = end - 1;
  }

  // Menus above the first line of prose.
  const isMenuItem = (i: number) => {
    const text = texts[i] ?? '';
    return [...text.replace(/\s+/g, '')].length <= 10 && !/[\p{P}\d]/u.test(text.replace(/\s+/g, '')) && !outlineMarker(text) && !found.has(lines[i]?.no ?? 0);
  };
  const prose = texts.map((text, i) => (isProse(text) && !found.has(lines[i]?.no ?? 0) ? i : -1)).filter((i) => i >= 0);
  const firstProse = prose[0] ?? lines.length;
  const markRuns = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      if (!isMenuItem(i)) continue;
      let end = i;
      while (end < to && isMenuItem(end)) end += 1;
      // A task table's header copied one cell per line (序号 / 工作任务 / 牵头单位 …) is the document's, not a menu.
      const tableHeader = texts.slice(i, end).every((text) => columnRole(text) !== undefined);
      if (end - i >= 4 && !tableHeader) for (let j = i; j < end; j++) found.set(lines[j]?.no ?? 0, runReasons.menu);
      i = end - 1;
    }
  };
  // Only above the document: below its last paragraph a run of short lines is as often a table's cells.
  markRuns(0, firstProse);
  return found;
}
