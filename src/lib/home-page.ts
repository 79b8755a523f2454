/** Astro glue for the home page: the view of src/domain/home-page.ts and each headline figure's answer. */
import { homePageView, type HomePageView } from '../domain/home-page.ts';
import type { FigureAnswer } from '../domain/figure-answer.ts';
import type { DocumentItem } from './documents.ts';
import { pointAnswer } from './figures.ts';
import { siteModel } from './site-model.ts';

export interface HomePage {
  view: HomePageView<DocumentItem>;
  /**
   * Each headline's figures answered (class, 执行时间, 调整前, goal or result, source, citation); a line's figures
   * share one document, so its 编者注 is said once per line.
   */
  answers: FigureAnswer[][];
}

export async function homePage(): Promise<HomePage> {
  const view = homePageView(await siteModel());
  const answers = await Promise.all(view.headlines.map((headline) => Promise.all(headline.line.points.map(pointAnswer))));
  return { view, answers };
}
