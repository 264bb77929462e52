/**
 * Sections other features add to a region's page (the registry's potential profile, later the
 * results of a round), without the regions feature importing them: features depend on regions,
 * never the other way round.
 */
import type { Child } from 'hono/jsx';
import type { Ctx } from './context.ts';

export type RegionPanel = (c: Ctx, region: { code: string; level: string }) => Promise<Child | null>;

const panels = new Set<RegionPanel>();

/** Registers a section (once; registering the same function again changes nothing). */
export function addRegionPanel(panel: RegionPanel): void {
  panels.add(panel);
}

/** The sections for a region's page, in registration order; empty ones are left out. */
export async function regionPanels(c: Ctx, region: { code: string; level: string }): Promise<Child[]> {
  const out: Child[] = [];
  for (const panel of panels) {
    const part = await panel(c, region);
    if (part !== null) out.push(part);
  }
  return out;
}
