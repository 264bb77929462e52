/**
 * An IKM's star trajectory and aspect scores as two small server-rendered SVG charts, with their
 * numbers in a table beside them (readable without the picture, printable). Pure: it takes plain
 * points (platform/timeline.ts) and the reader's language, and draws a sensible empty state when
 * there is nothing yet. Only presentation attributes are used, never `style`, to suit the CSP.
 */
import type { Child } from 'hono/jsx';
import type { Lang } from '../../platform/domain.ts';
import { formatDate, formatNumber } from '../../platform/format.ts';
import { translator } from '../../platform/i18n.ts';
import type { TrajectoryPoint } from '../../platform/timeline.ts';
import { coachingText } from './coaching.messages.ts';

const W = 360;
const H = 190;
const M = { left: 36, right: 14, top: 18, bottom: 42 };
const PLOT_W = W - M.left - M.right;
const PLOT_H = H - M.top - M.bottom;
/** Colours for aspects A, B, C… (contrast ≥ 4.5:1 on white). */
export const ASPECT_COLOURS = ['#1d70b8', '#0b735a', '#912b88', '#8a5a00', '#505a5f'];

/** The x of the i-th of n points: evenly spread, one point in the middle. */
export function xOf(i: number, n: number): number {
  if (n <= 1) return M.left + PLOT_W / 2;
  return M.left + (PLOT_W * i) / (n - 1);
}

/** The y of a value on a 0…max axis. */
export function yOf(value: number, max: number): number {
  const clamped = Math.max(0, Math.min(max, value));
  return M.top + PLOT_H - (max > 0 ? (PLOT_H * clamped) / max : 0);
}

const r1 = (n: number) => Math.round(n * 10) / 10;

/** An aspect's score as a percentage of its maximum (0 when the maximum is 0). */
export function aspectPercent(a: { score: number; max: number }): number {
  return a.max > 0 ? (100 * a.score) / a.max : 0;
}

/** The aspects in the order they first appear across the points (A, B, C…). */
export function aspectsOf(points: TrajectoryPoint[]): { code: string; name: string }[] {
  const seen = new Map<string, string>();
  for (const p of points) for (const a of p.aspects) if (!seen.has(a.code)) seen.set(a.code, a.name);
  return [...seen].map(([code, name]) => ({ code, name }));
}

function XLabels(props: { points: TrajectoryPoint[] }) {
  const n = props.points.length;
  return (
    <g font-size="11" fill="#0b0c0c" text-anchor="middle">
      {props.points.map((p, i) => (
        <text x={r1(xOf(i, n))} y={H - M.bottom + 16}>
          {p.label}
        </text>
      ))}
    </g>
  );
}

function Frame(props: { id: string; title: string; desc: string; children?: Child }) {
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${W} ${H}`}
      width={W}
      height={H}
      role="img"
      aria-labelledby={`${props.id}-title ${props.id}-desc`}
      class="trajectory-chart"
    >
      <title id={`${props.id}-title`}>{props.title}</title>
      <desc id={`${props.id}-desc`}>{props.desc}</desc>
      <rect x="0" y="0" width={W} height={H} fill="#ffffff" />
      {props.children}
    </svg>
  );
}

/** The stars per round on the round's own scale (5 before 2022, 3 since): the axis goes to the largest. */
export function StarChart(props: { points: TrajectoryPoint[]; lang: Lang; id?: string }) {
  const t = translator(coachingText, props.lang);
  const { points } = props;
  const n = points.length;
  const max = Math.max(1, ...points.map((p) => p.maxStar));
  const starText = (p: TrajectoryPoint) =>
    p.star === null ? t('noStar') : t('starOf', { star: p.star, max: p.maxStar });
  const line = points
    .map((p, i) => (p.star === null ? null : `${r1(xOf(i, n))},${r1(yOf(p.star, max))}`))
    .filter((s): s is string => s !== null);
  return (
    <Frame
      id={props.id ?? 'star-chart'}
      title={t('starChartTitle')}
      desc={points.map((p) => `${p.label}: ${starText(p)}`).join('; ')}
    >
      <g stroke="#b1b4b6" stroke-width="1" font-size="11" fill="#505a5f">
        {Array.from({ length: max + 1 }, (_, s) => (
          <>
            <line x1={M.left} x2={W - M.right} y1={r1(yOf(s, max))} y2={r1(yOf(s, max))} />
            <text x={M.left - 8} y={r1(yOf(s, max) + 4)} text-anchor="end" stroke="none">
              {`${s}★`}
            </text>
          </>
        ))}
      </g>
      {line.length > 1 && (
        <polyline points={line.join(' ')} fill="none" stroke="#1d70b8" stroke-width="2.5" />
      )}
      {points.map((p, i) => {
        const x = r1(xOf(i, n));
        const y = r1(yOf(p.star ?? 0, max));
        return (
          <g>
            <circle
              cx={x}
              cy={y}
              r="5"
              fill={p.star === null ? '#ffffff' : '#1d70b8'}
              stroke="#1d70b8"
              stroke-width="2"
              class={p.star === null ? 'point-none' : 'point-star'}
            />
            <text x={x} y={r1(y - 9)} font-size="11" text-anchor="middle" fill="#0b0c0c">
              {p.star === null ? '–' : `${p.star}/${p.maxStar}`}
            </text>
          </g>
        );
      })}
      <XLabels points={points} />
    </Frame>
  );
}

/** Each aspect's score per round as a percentage of that aspect's maximum, one line per aspect. */
export function AspectChart(props: { points: TrajectoryPoint[]; lang: Lang; id?: string }) {
  const t = translator(coachingText, props.lang);
  const { points } = props;
  const n = points.length;
  const aspects = aspectsOf(points);
  const pct = (v: number) => formatNumber(Math.round(v), props.lang);
  return (
    <Frame
      id={props.id ?? 'aspect-chart'}
      title={t('aspectChartTitle')}
      desc={points
        .map(
          (p) =>
            `${p.label}: ${p.aspects.map((a) => `${a.code} ${pct(aspectPercent(a))}%`).join(', ') || '–'}`,
        )
        .join('; ')}
    >
      <g stroke="#b1b4b6" stroke-width="1" font-size="11" fill="#505a5f">
        {[0, 25, 50, 75, 100].map((v) => (
          <>
            <line x1={M.left} x2={W - M.right} y1={r1(yOf(v, 100))} y2={r1(yOf(v, 100))} />
            <text x={M.left - 6} y={r1(yOf(v, 100) + 4)} text-anchor="end" stroke="none">
              {`${v}`}
            </text>
          </>
        ))}
      </g>
      {aspects.map((a, k) => {
        const colour = ASPECT_COLOURS[k % ASPECT_COLOURS.length]!;
        const coords = points
          .map((p, i) => {
            const s = p.aspects.find((x) => x.code === a.code);
            return s ? { x: r1(xOf(i, n)), y: r1(yOf(aspectPercent(s), 100)) } : null;
          })
          .filter((c): c is { x: number; y: number } => c !== null);
        return (
          <g class={`aspect-${a.code}`}>
            {coords.length > 1 && (
              <polyline
                points={coords.map((c) => `${c.x},${c.y}`).join(' ')}
                fill="none"
                stroke={colour}
                stroke-width="2"
              />
            )}
            {coords.map((c) => (
              <circle cx={c.x} cy={c.y} r="4" fill={colour} />
            ))}
          </g>
        );
      })}
      <g font-size="11">
        {aspects.map((a, k) => (
          <text x={M.left + k * 56} y={H - 8} fill={ASPECT_COLOURS[k % ASPECT_COLOURS.length]}>
            {`■ ${a.code}`}
          </text>
        ))}
      </g>
      <XLabels points={points} />
    </Frame>
  );
}

/** The numbers behind both charts, one row per round. */
export function TrajectoryTable(props: { points: TrajectoryPoint[]; lang: Lang }) {
  const t = translator(coachingText, props.lang);
  const aspects = aspectsOf(props.points);
  return (
    <div class="table-wrap">
      <table class="table">
        <caption>{t('trajectoryTable')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('round')}</th>
            <th scope="col">{t('star')}</th>
            {aspects.map((a) => (
              <th scope="col" class="numeric">
                {`${a.code} ${a.name}`}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.points.map((p) => (
            <tr>
              <th scope="row">
                {p.label}
                <br />
                <span class="muted">{formatDate(p.date, props.lang)}</span>
              </th>
              <td>{p.star === null ? t('noStar') : t('starOf', { star: p.star, max: p.maxStar })}</td>
              {aspects.map((a) => {
                const s = p.aspects.find((x) => x.code === a.code);
                return (
                  <td class="numeric">
                    {s
                      ? `${formatNumber(s.score, props.lang)} / ${formatNumber(s.max, props.lang)} (${formatNumber(Math.round(aspectPercent(s)), props.lang)}%)`
                      : '–'}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Both charts and their table, or a sentence saying there is nothing to draw yet. */
export function TrajectoryCharts(props: { points: TrajectoryPoint[]; lang: Lang }) {
  const t = translator(coachingText, props.lang);
  if (props.points.length === 0) return <p class="empty-state trajectory-empty">{t('trajectoryEmpty')}</p>;
  return (
    <div class="trajectory">
      <div class="trajectory-charts">
        <StarChart points={props.points} lang={props.lang} />
        {props.points.some((p) => p.aspects.length > 0) && (
          <AspectChart points={props.points} lang={props.lang} />
        )}
      </div>
      <TrajectoryTable points={props.points} lang={props.lang} />
    </div>
  );
}
