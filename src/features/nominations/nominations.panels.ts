/**
 * Sections later features add to a nomination's page without the nominations importing them (the
 * awards add the certificate once one is issued): `nominationPagePanels.add((c, n) => …)` in app.ts.
 */
import { PanelSlot } from '../../platform/region-panels.ts';

/** What a section knows of the nomination it is shown on. */
export interface NominationPanelSubject {
  id: string;
  cycleId: string;
  kabkotaCode: string;
}

export const nominationPagePanels = new PanelSlot<NominationPanelSubject>();
