/**
 * Lines a copy of a government page brings along that are the site, not the document: download prompts,
 * "更新时间 … 作者 …" bylines, the sidebar's lists of dates, footers (©, ICP, 公安备案, 运维电话, 传真, 主办,
 * 网站标识码, IPv6), "推荐度", the site's "(注:…)" notices, and a lone `|` left by a flattened table. Each rule
 * names its reason; the dropped line is kept in the draft's `dropped` list with it.
 */
import { isBareDate } from './text.ts';

interface Rule {
  reason: string;
  test: (line: string) => boolean;
}

/** Site furniture is short; a long line mentioning 下载 or 主办 is the document talking. */
const short = (line: string, limit = 80) => [...line].length <= limit;

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
];

/** Every reason a boilerplate line can be dropped with (docs/ingest.md lists them all). */
export const boilerplateReasons: readonly string[] = rules.map((rule) => rule.reason);

/** Why a line is site boilerplate, or undefined when it belongs to the document. */
export function boilerplateReason(line: string): string | undefined {
  return rules.find((rule) => rule.test(line))?.reason;
}
