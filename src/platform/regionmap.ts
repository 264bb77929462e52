/**
 * A small map of the province's kabupaten/kota, drawn on the server as SVG paths with d3-geo from the
 * boundaries copied into the project (src/db/seed/data/maluku-kabkota.geojson). The same paths serve
 * a page (an SVG image) and a PDF (pdf-lib's drawSvgPath). The boundaries' licence asks for the
 * attribution in `mapMessages.attribution` wherever the map is shown.
 */
import fs from 'node:fs';
import { projectPath } from '../paths.ts';
import { defineMessages } from './i18n.ts';

export const mapMessages = defineMessages({
  attribution: {
    id: 'Batas wilayah: BPS / OCHA (HDX), CC BY 3.0 IGO, disederhanakan',
    en: 'Boundaries: BPS / OCHA (HDX), CC BY 3.0 IGO, simplified',
  },
});

export interface RegionShape {
  code: string;
  name: string;
  /** The SVG path, in a box of the requested size (y grows downwards). */
  d: string;
  /** The projected centroid, for a marker that keeps tiny islands visible. */
  cx: number;
  cy: number;
}

const cache = new Map<string, RegionShape[]>();

/** The kab/kota shapes fitted into `width` × `height`, made once per size. */
export async function kabkotaShapes(width: number, height: number): Promise<RegionShape[]> {
  const key = `${width}x${height}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const { geoMercator, geoPath } = await import('d3-geo');
  const raw = await fs.promises.readFile(projectPath('src/db/seed/data/maluku-kabkota.geojson'), 'utf8');
  const collection = JSON.parse(raw) as GeoJSON.FeatureCollection<
    GeoJSON.Geometry,
    { kode: string; nama: string }
  >;
  const projection = geoMercator().fitExtent(
    [
      [4, 4],
      [width - 4, height - 4],
    ],
    collection,
  );
  // One decimal place is a tenth of a pixel: invisible, and it keeps the drawing small.
  const path = geoPath(projection).digits(1);
  const shapes = collection.features.map((f) => {
    const [cx, cy] = path.centroid(f);
    return {
      code: f.properties.kode,
      name: f.properties.nama,
      d: path(f) ?? '',
      cx: Math.round(cx * 10) / 10,
      cy: Math.round(cy * 10) / 10,
    };
  });
  cache.set(key, shapes);
  return shapes;
}

const esc = (s: string) =>
  s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&#39;' })[c]!);

export interface MapStyle {
  fill: string;
  /** The region's tooltip and accessible name, e.g. "Kota Ambon: 3 orang hadir". */
  label: string;
}

/** A standalone SVG document of the map, each region filled by `styles` (grey when absent). */
export function regionMapSvg(
  shapes: RegionShape[],
  opts: {
    width: number;
    height: number;
    title: string;
    styles: Record<string, MapStyle>;
    attribution: string;
  },
): string {
  const parts: string[] = [];
  for (const s of shapes) {
    const style = opts.styles[s.code];
    const fill = style?.fill ?? '#e5e7e8';
    const label = esc(style?.label ?? s.name);
    parts.push(
      `<g><title>${label}</title><path d="${s.d}" fill="${fill}" stroke="#505a5f" stroke-width="0.6"/>` +
        `<circle cx="${s.cx}" cy="${s.cy}" r="4" fill="${fill}" stroke="#1b1f23" stroke-width="0.8"/></g>`,
    );
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${opts.width} ${opts.height + 16}" ` +
    `width="${opts.width}" height="${opts.height + 16}" role="img" aria-label="${esc(opts.title)}">` +
    `<title>${esc(opts.title)}</title><rect width="100%" height="100%" fill="#f4f8fb"/>${parts.join('')}` +
    `<text x="${opts.width - 4}" y="${opts.height + 11}" font-size="9" text-anchor="end" ` +
    `font-family="sans-serif" fill="#505a5f">${esc(opts.attribution)}</text></svg>`
  );
}

export function svgResponse(svg: string, cache = 'private, max-age=60'): Response {
  return new Response(svg, {
    headers: {
      'content-type': 'image/svg+xml; charset=utf-8',
      'cache-control': cache,
      'x-content-type-options': 'nosniff',
      // An SVG opened on its own runs no script and loads nothing.
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
    },
  });
}
