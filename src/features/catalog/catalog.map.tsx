/**
 * The home and region pages' map of the 11 kab/kota, drawn inline as SVG from the shared boundaries
 * (platform/regionmap.ts), each region a link to its page. The boundaries at full detail weigh 41 KB;
 * simplified to what a 560-pixel drawing can show (Douglas–Peucker at 0.7 px, whole pixels, relative
 * coordinates, specks under 1 px² dropped) they weigh about 5 KB, which fits the page budget.
 */
import { kabkotaShapes } from '../../platform/regionmap.ts';

export const MAP_WIDTH = 560;
export const MAP_HEIGHT = 340;

type Point = [number, number];

/** Douglas–Peucker: the points that keep the outline within `tolerance` pixels. */
function simplify(points: Point[], tolerance: number): Point[] {
  if (points.length < 3) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = 1;
  keep[points.length - 1] = 1;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length) {
    const [a, b] = stack.pop()!;
    const [ax, ay] = points[a]!;
    const [bx, by] = points[b]!;
    const dx = bx - ax;
    const dy = by - ay;
    const len = Math.hypot(dx, dy);
    let worst = -1;
    let at = -1;
    for (let i = a + 1; i < b; i++) {
      const [px, py] = points[i]!;
      const d =
        len === 0 ? Math.hypot(px - ax, py - ay) : Math.abs(dy * px - dx * py + bx * ay - by * ax) / len;
      if (d > worst) {
        worst = d;
        at = i;
      }
    }
    if (worst > tolerance) {
      keep[at] = 1;
      stack.push([a, at], [at, b]);
    }
  }
  return points.filter((_, i) => keep[i]);
}

/** A d3 path ("M…L…Z" rings) redrawn small: simplified, whole pixels, relative moves. */
export function compactPath(d: string, tolerance = 0.7, minArea = 1): string {
  let out = '';
  for (const ring of d.split('Z')) {
    const numbers = ring
      .replace(/[ML]/g, ' ')
      .trim()
      .split(/[\s,]+/)
      .filter(Boolean)
      .map(Number);
    if (numbers.length < 6) continue;
    const raw: Point[] = [];
    for (let i = 0; i + 1 < numbers.length; i += 2) raw.push([numbers[i]!, numbers[i + 1]!]);
    let area = 0;
    for (let i = 0; i < raw.length; i++) {
      const p = raw[i]!;
      const q = raw[(i + 1) % raw.length]!;
      area += p[0] * q[1] - q[0] * p[1];
    }
    if (Math.abs(area) / 2 < minArea) continue;
    const points: Point[] = [];
    for (const [x, y] of simplify(raw, tolerance)) {
      const p: Point = [Math.round(x), Math.round(y)];
      const last = points[points.length - 1];
      if (!last || last[0] !== p[0] || last[1] !== p[1]) points.push(p);
    }
    const first = points[0];
    const last = points[points.length - 1];
    if (points.length > 1 && first && last && first[0] === last[0] && first[1] === last[1]) points.pop();
    if (points.length < 3) continue;
    const steps: string[] = [];
    for (let i = 1; i < points.length; i++)
      steps.push(`${points[i]![0] - points[i - 1]![0]} ${points[i]![1] - points[i - 1]![1]}`);
    out += `M${points[0]![0]} ${points[0]![1]}l${steps.join(' ').replace(/ -/g, '-')}z`;
  }
  return out;
}

export interface MapShape {
  code: string;
  d: string;
  cx: number;
  cy: number;
}

let shapes: Promise<MapShape[]> | undefined;

/** The kab/kota outlines, simplified once per process. */
export function mapShapes(): Promise<MapShape[]> {
  shapes ??= kabkotaShapes(MAP_WIDTH, MAP_HEIGHT).then((list) =>
    list.map((s) => ({ code: s.code, d: compactPath(s.d), cx: Math.round(s.cx), cy: Math.round(s.cy) })),
  );
  return shapes;
}

/** A shade for a count: none, a few, some, many (classes in catalog.css). */
function shade(n: number): string {
  if (n === 0) return 'm0';
  if (n < 10) return 'm1';
  if (n < 50) return 'm2';
  return 'm3';
}

export interface MapRegion {
  code: string;
  name: string;
  href: string;
  count: number;
  /** The accessible name of the region's link, e.g. "Kota Ambon: 23 produk". */
  label: string;
}

/** The map: each kab/kota a link filled by its number of products, the number at its centre. */
export function RegionMap(props: {
  shapes: MapShape[];
  regions: MapRegion[];
  title: string;
  current?: string | undefined;
}) {
  const byCode = new Map(props.regions.map((r) => [r.code, r]));
  return (
    <svg
      class="map"
      viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`}
      width={MAP_WIDTH}
      height={MAP_HEIGHT}
      aria-labelledby="map-title"
    >
      <title id="map-title">{props.title}</title>
      {props.shapes.map((s) => {
        const r = byCode.get(s.code);
        if (!r) return null;
        const cls = `${shade(r.count)}${props.current === s.code ? ' here' : ''}`;
        return (
          <a href={r.href} aria-label={r.label} class={cls}>
            <path d={s.d} />
            <circle cx={s.cx} cy={s.cy} r="11" />
            <text x={s.cx} y={s.cy + 4}>
              {r.count}
            </text>
          </a>
        );
      })}
    </svg>
  );
}
