/**
 * The client island of the chart pages, loaded only where src/components/Chart.astro is used. It stays tiny:
 * chart.js and the drawing code (src/charts/chart-draw.ts, about 50 KB gzipped) are fetched when the first chart
 * comes near the screen, and each chart is drawn in its own task as it does, so a page with charts below the
 * fold does not pay for them while it loads. A chart that cannot be drawn leaves its table, which holds the
 * same numbers.
 */
const figures = [...document.querySelectorAll<HTMLElement>('[data-chart]')];

function hideFrame(figure: HTMLElement): void {
  figure.querySelector<HTMLElement>('[data-chart-frame]')?.setAttribute('hidden', '');
}

async function draw(figure: HTMLElement): Promise<void> {
  try {
    const { drawChart } = await import('./chart-draw.ts');
    drawChart(figure);
  } catch (error) {
    hideFrame(figure);
    console.warn('chart not drawn', error);
  }
}

if (figures.length > 0) {
  if ('IntersectionObserver' in window) {
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          if (!entry.isIntersecting) continue;
          observer.unobserve(entry.target);
          setTimeout(() => void draw(entry.target as HTMLElement), 0);
        }
      },
      { rootMargin: '400px 0px' },
    );
    for (const figure of figures) observer.observe(figure);
  } else {
    for (const figure of figures) void draw(figure);
  }
}
