/**
 * Where later features add their sections to the IKM profile page (nominations, scores, stars,
 * coaching): `ikmProfilePanels.add((c, ikm) => …)` in app.ts. The registry never imports them.
 */
import { PanelSlot } from '../../platform/region-panels.ts';
import type { IkmRow } from './ikm.service.ts';

export const ikmProfilePanels = new PanelSlot<IkmRow>();
