/**
 * Demo cycles: the 2024 provincial pre-selection (after the real 2024 timeline, brief §1.6) and an
 * open 2026 one, so the demo can nominate today. Bands and checklists are the editable defaults.
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { cycles } from '../../db/schema/cycles.ts';
import { systemActor } from '../../platform/actor.ts';
import type { Commodity, CyclePhase } from '../../platform/domain.ts';
import { fromLocalInput } from '../../platform/format.ts';
import { DEFAULT_COMMODITIES, defaultChecklist } from './cycles.defaults.ts';
import type { CycleInput } from './cycles.forms.ts';
import { defaultStarBands } from './cycles.rules.ts';
import { createCycle } from './cycles.service.ts';

const wit = (s: string) => fromLocalInput(s)!;

function input(
  name: string,
  year: number,
  phases: [CyclePhase, string, string][],
  quotas: { kabkotaCode: string; quota: number }[],
): CycleInput {
  const commodities: Commodity[] = DEFAULT_COMMODITIES;
  return {
    name,
    year,
    kind: 'provincial_preselection',
    starScale: 3,
    bands: defaultStarBands(3),
    phases: phases.map(([phase, start, end]) => ({ phase, startsAt: wit(start), endsAt: wit(end) })),
    commodities: commodities.map((commodity) => ({ commodity, rubricVersionRef: null })),
    checklist: commodities.flatMap((commodity) =>
      defaultChecklist(commodity).map((item) => ({ commodity, ...item })),
    ),
    quotas,
    reason: undefined,
  };
}

export async function seedDemoCycles(db: Db, provinceCode: string): Promise<void> {
  const actor = systemActor('seed');
  const exists = async (year: number) =>
    (
      await db
        .select({ id: cycles.id })
        .from(cycles)
        .where(and(eq(cycles.year, year), eq(cycles.provinceCode, provinceCode)))
        .limit(1)
    ).length > 0;
  if (!(await exists(2024))) {
    await createCycle(
      db,
      actor,
      input(
        'Pra-seleksi Provinsi OVOP 2024',
        2024,
        [
          ['potential_identification', '2024-03-01T08:00', '2024-04-30T23:59'],
          ['proposal', '2024-06-03T08:00', '2024-06-28T23:59'],
          ['admin_selection', '2024-07-01T08:00', '2024-07-31T23:59'],
          ['assessment', '2024-08-12T08:00', '2024-10-04T23:59'],
          ['decision', '2024-10-07T08:00', '2024-10-17T23:59'],
          ['publication', '2024-10-18T08:00', '2024-12-31T23:59'],
        ],
        [
          { kabkotaCode: '81.71', quota: 5 },
          { kabkotaCode: '81.03', quota: 3 },
        ],
      ),
      provinceCode,
    );
  }
  if (!(await exists(2026))) {
    await createCycle(
      db,
      actor,
      input(
        'Pra-seleksi Provinsi OVOP 2026',
        2026,
        [
          ['potential_identification', '2026-09-01T08:00', '2026-10-31T23:59'],
          ['proposal', '2026-11-02T08:00', '2026-12-18T23:59'],
          ['admin_selection', '2026-12-21T08:00', '2027-01-29T23:59'],
          ['assessment', '2027-02-08T08:00', '2027-04-30T23:59'],
          ['decision', '2027-05-03T08:00', '2027-05-21T23:59'],
          ['publication', '2027-05-24T08:00', '2027-12-31T23:59'],
        ],
        [],
      ),
      provinceCode,
    );
  }
}
