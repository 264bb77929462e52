/**
 * Sections a feature adds to another feature's page without that feature importing it (features
 * depend on one another in one direction only): the registry adds the potential profile to the
 * region page; later features add nominations, scores and coaching to the IKM profile.
 */
import type { Child } from 'hono/jsx';
import type { Ctx } from './context.ts';

export type Panel<S> = (c: Ctx, subject: S) => Promise<Child | null>;

/** A place on a page where other features' sections go, in registration order. */
export class PanelSlot<S> {
  private readonly panels = new Set<Panel<S>>();

  /** Registers a section (registering the same function again changes nothing). */
  add(panel: Panel<S>): void {
    this.panels.add(panel);
  }

  /** The sections for one subject; empty ones are left out. */
  async render(c: Ctx, subject: S): Promise<Child[]> {
    const out: Child[] = [];
    for (const panel of this.panels) {
      const part = await panel(c, subject);
      if (part !== null) out.push(part);
    }
    return out;
  }
}

export type RegionPanel = Panel<{ code: string; level: string }>;

/** Sections of a region's page (/regions/:code). */
export const regionPanelSlot = new PanelSlot<{ code: string; level: string }>();

export function addRegionPanel(panel: RegionPanel): void {
  regionPanelSlot.add(panel);
}

export function regionPanels(c: Ctx, region: { code: string; level: string }): Promise<Child[]> {
  return regionPanelSlot.render(c, region);
}
