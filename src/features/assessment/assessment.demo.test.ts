import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, textOf } from '../../../tests/helpers/app.ts';
import { seedDemo } from '../../db/seed/index.ts';
import { conflicts } from '../../db/schema/assessment.ts';
import { getCycleConfig, listCycles } from '../cycles/cycles.service.ts';
import { findUserByEmail } from '../users/users.service.ts';
import { getAssessor } from './assessors.service.ts';
import { conflictSuggestions } from './conflicts.service.ts';
import { labelRubricRefs } from './rubrics.service.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemo({ db: t.deps.db, config: t.config, files: t.deps.files });
}, 120_000);
afterAll(() => t.close());

describe('the assessment demo data', () => {
  it('gives the three demo assessors their institutions, expertise and caps', async () => {
    const profiles = [];
    for (const n of [1, 2, 3]) {
      const user = await findUserByEmail(t.deps.db, `penilai${n}@ovop.test`);
      profiles.push(await getAssessor(t.deps.db, user!.id));
    }
    expect(profiles.map((p) => [p.institution, p.institutionType, p.loadCap])).toEqual([
      ['Ditjen IKMA Kemenperin', 'ministry', 12],
      ['GAPMMI', 'association', 8],
      ['Universitas Pattimura', 'university', 6],
    ]);
    expect(profiles[1]!.expertise).toEqual(['makanan_minuman']);
  });

  it('has one declared conflict and one suggestion for the admin to decide', async () => {
    const rows = await t.deps.db.select().from(conflicts);
    expect(rows.map((r) => [r.kind, r.source])).toEqual([['family', 'assessor']]);
    const suggestions = await conflictSuggestions(t.deps.db);
    expect(suggestions).toHaveLength(1);
    expect(suggestions[0]!.assessorName).toBe('Penilai Tiga (demo)');
    expect(suggestions[0]!.matches[0]!.on).toBe('email');
    const admin = await t.as('admin@ovop.test');
    const page = textOf(await (await admin.get('/admin/assessors')).text());
    expect(page).toContain('Saran konflik (1)');
  });

  it('links the default rubrics to the demo cycles', async () => {
    const cycles = (await listCycles(t.deps.db, {})).rows;
    expect(cycles.length).toBeGreaterThanOrEqual(2);
    for (const cycle of cycles) {
      const config = await getCycleConfig(t.deps.db, cycle.id);
      const refs = config.commodities.map((c) => c.rubricVersionRef);
      expect(refs.every((r) => r !== null)).toBe(true);
      const labels = await labelRubricRefs(t.deps.db, refs as string[], 'id');
      expect([...labels.values()].every((l) => l.label.endsWith('versi 1'))).toBe(true);
    }
  });

  it('runs once: a second run adds nothing', async () => {
    expect(await seedDemo({ db: t.deps.db, config: t.config, files: t.deps.files })).toEqual([]);
    expect(await t.deps.db.select().from(conflicts)).toHaveLength(1);
  });
});
