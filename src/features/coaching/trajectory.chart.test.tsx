import { describe, expect, it } from 'vitest';
import type { TrajectoryPoint } from '../../platform/timeline.ts';
import { aspectPercent, aspectsOf, TrajectoryCharts, xOf, yOf } from './trajectory.chart.tsx';

const html = async (points: TrajectoryPoint[], lang: 'id' | 'en' = 'id') =>
  (await (<TrajectoryCharts points={points} lang={lang} />)!.toString()).toString();

const aspects = (a: number, b: number, c: number) => [
  { code: 'A', name: 'Produksi', score: a, max: 30 },
  { code: 'B', name: 'Pemasaran', score: b, max: 30 },
  { code: 'C', name: 'Mutu', score: c, max: 40 },
];

/** Three rounds: no star on the old 5-star scale, then 2 and 3 stars on the 3-star scale. */
const SAMPLE: TrajectoryPoint[] = [
  { label: 'OVOP 2018', date: '2018-11-20', star: null, maxStar: 5, aspects: aspects(12, 10, 15) },
  { label: 'OVOP 2022', date: '2022-10-18', star: 2, maxStar: 3, aspects: aspects(18, 15, 24) },
  { label: 'OVOP 2024', date: '2024-10-18', star: 3, maxStar: 3, aspects: aspects(27, 24, 36) },
];

describe('the star trajectory and aspect score charts', () => {
  it('says there is nothing to draw yet when there are no results, without an SVG', async () => {
    const out = await html([]);
    expect(out).toContain('Belum ada hasil penilaian OVOP untuk IKM ini');
    expect(out).not.toContain('<svg');
    expect(await html([], 'en')).toContain('No OVOP assessment result for this IKM yet');
  });

  it('draws one marker per round, filled for a star and hollow for none, joined by a line', async () => {
    const out = await html(SAMPLE);
    expect(out.match(/class="point-star"/g)).toHaveLength(2);
    expect(out.match(/class="point-none"/g)).toHaveLength(1);
    // The axis goes to the largest scale of the rounds shown (5), each star on its gridline.
    expect(out).toContain('5★');
    expect(out).toContain('2/3');
    expect(out).toContain('3/3');
    // A line joins the rounds that have a star: 2022 and 2024 only.
    const line = /<polyline points="([^"]+)" fill="none" stroke="#1d70b8"/.exec(out)?.[1];
    expect(line?.split(' ')).toHaveLength(2);
    expect(out).toContain('OVOP 2018');
    expect(out).toContain('OVOP 2024');
  });

  it('is an accessible image with a title and a description naming every round', async () => {
    const out = await html(SAMPLE, 'en');
    expect(out).toContain('role="img"');
    expect(out).toContain('<title id="star-chart-title">OVOP star trajectory</title>');
    expect(out).toContain('OVOP 2018: no star; OVOP 2022: 2 of 3; OVOP 2024: 3 of 3');
    expect(out).not.toContain('style=');
  });

  it('draws each aspect as a line of percentages of its maximum, and puts the numbers in a table', async () => {
    const out = await html(SAMPLE);
    for (const code of ['A', 'B', 'C']) expect(out).toContain(`class="aspect-${code}"`);
    expect(out).toContain('<caption>Bintang dan nilai per aspek per periode</caption>');
    // 27 of 30 is 90 %, 36 of 40 is 90 %.
    expect(out).toContain('27 / 30 (90%)');
    expect(out).toContain('36 / 40 (90%)');
    expect(out).toContain('tanpa bintang');
    expect(out).toContain('2 dari 3');
  });

  it('places points evenly and values on their axis', () => {
    expect(xOf(0, 1)).toBeCloseTo(xOf(0, 3) + (xOf(2, 3) - xOf(0, 3)) / 2);
    expect(xOf(0, 3)).toBeLessThan(xOf(1, 3));
    expect(yOf(3, 3)).toBeLessThan(yOf(0, 3));
    expect(yOf(9, 3)).toBe(yOf(3, 3));
    expect(aspectPercent({ score: 12, max: 30 })).toBe(40);
    expect(aspectPercent({ score: 0, max: 0 })).toBe(0);
    expect(aspectsOf(SAMPLE).map((a) => a.code)).toEqual(['A', 'B', 'C']);
  });

  it('draws a single round, and a round without aspect scores, without failing', async () => {
    const one = await html([{ label: 'OVOP 2024', date: '2024-10-18', star: 1, maxStar: 3, aspects: [] }]);
    expect(one).toContain('class="point-star"');
    expect(one).not.toContain('aspect-chart');
  });

  it('escapes a round name that holds markup', async () => {
    const out = await html([{ label: '<b>x</b>', date: '2024-10-18', star: 1, maxStar: 3, aspects: [] }]);
    expect(out).not.toContain('<b>x</b>');
    expect(out).toContain('&lt;b&gt;x&lt;/b&gt;');
  });
});
