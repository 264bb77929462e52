/**
 * Assignment and scoring through the pages and the API, on the demo's 2024 round (its passed
 * nominations, the demo assessors and the default rubrics): automatic assignment with a conflict,
 * manual refusals, the assessor's pages, the score sheet's bad inputs, double submit, PDFs, and the
 * permissions of every route and endpoint for every role. Both languages.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient, textOf } from '../../../tests/helpers/app.ts';
import { seedDemo } from '../../db/seed/index.ts';
import { auditLog } from '../../db/schema/audit.ts';
import { cycles } from '../../db/schema/cycles.ts';
import { nominations } from '../../db/schema/nominations.ts';
import { notifications } from '../../db/schema/notifications.ts';
import { assignments, scoreEntries, scoreSheets } from '../../db/schema/scoring.ts';
import type { Actor } from '../../platform/actor.ts';
import { findUserByEmail } from '../users/users.service.ts';
import { declareConflict } from './conflicts.service.ts';
import { errorSummary, formFields } from './test-forms.ts';
import { getOwnSheet } from './sheets.service.ts';

let t: TestApp;
let cycleId: string;
let admin: TestClient;
const ids: Record<string, string> = {};
const assessorActor = (userId: string, email: string): Actor => ({
  userId,
  realUserId: userId,
  role: 'penilai',
  regionCode: null,
  label: email,
  lang: 'id',
});

beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(
    { db: t.deps.db, config: t.config, files: t.deps.files },
    { only: ['accounts', 'registry', 'cycles', 'nominations', 'assessment'] },
  );
  const [c] = await t.deps.db.select().from(cycles).where(eq(cycles.year, 2024));
  cycleId = c!.id;
  for (const n of [1, 2, 3])
    ids[`penilai${n}`] = (await findUserByEmail(t.deps.db, `penilai${n}@ovop.test`))!.id;
  admin = await t.as('admin@ovop.test');
}, 180_000);
afterAll(() => t.close());

const passed = () =>
  t.deps.db
    .select()
    .from(nominations)
    .where(and(eq(nominations.cycleId, cycleId)))
    .then((rows) => rows.filter((r) => ['admin_passed', 'in_assessment', 'assessed'].includes(r.state)));

/** Every criterion of the sheet at its highest (or lowest) level, as form fields. */
async function fullLevels(sheetId: string, assessor: string, pick: 'top' | 'bottom' = 'top') {
  const view = await getOwnSheet(t.deps.db, assessorActor(ids[assessor]!, assessor), sheetId);
  const out: Record<string, string> = {};
  for (const a of view.rubric.aspects)
    for (const c of a.criteria) {
      const levels = [...c.levels].sort((x, y) => x.level - y.level);
      out[`level.${c.code}`] = String((pick === 'top' ? levels.at(-1) : levels[0])!.level);
    }
  return out;
}

async function sheetOf(nominationId: string, assessor: string) {
  const [s] = await t.deps.db
    .select()
    .from(scoreSheets)
    .where(and(eq(scoreSheets.nominationId, nominationId), eq(scoreSheets.assessorId, ids[assessor]!)));
  return s;
}

describe('assignment', () => {
  let conflictedNomination: string;

  it('lists the round’s passed nominations for the admin, in both languages', async () => {
    const list = await passed();
    expect(list.length).toBeGreaterThanOrEqual(3);
    const page = await admin.get(`/assessment/cycles/${cycleId}/assignments`);
    expect(page.status).toBe(200);
    const text = textOf(await page.text());
    expect(text).toContain('Penugasan penilai');
    expect(text).toContain('Penilai per usulan: 3.');
    const en = textOf(await (await admin.get(`/assessment/cycles/${cycleId}/assignments?lang=en`)).text());
    expect(en).toContain('Assessors per nomination: 3.');
    await admin.get('/assessment/cycles?lang=id');
  });

  it('refuses to assign a conflicted assessor, naming the conflict', async () => {
    const [first] = await passed();
    conflictedNomination = first!.id;
    await declareConflict(t.deps.db, assessorActor(ids.penilai3!, 'penilai3@ovop.test'), {
      ikmId: first!.ikmId,
      kind: 'business_partner',
      note: 'Mitra usaha (uji).',
    });
    const res = await admin.post(`/assessment/cycles/${cycleId}/assignments/${first!.id}`, {
      assessorId: ids.penilai3!,
    });
    expect(res.status).toBe(422);
    const messages = errorSummary(await res.text()).join(' ');
    expect(messages).toContain('Penugasan ditolak');
    expect(messages).toContain('mitra usaha');
    expect(await t.deps.db.select().from(assignments)).toHaveLength(0);
    const en = await admin.post(`/assessment/cycles/${cycleId}/assignments/${first!.id}?lang=en`, {
      assessorId: ids.penilai3!,
    });
    expect(errorSummary(await en.text()).join(' ')).toContain('business partner');
  });

  it('previews the automatic assignment with its explanation, then writes exactly it on confirm', async () => {
    const page = await admin.get(`/assessment/cycles/${cycleId}/assignments/auto?expertise=soft`);
    expect(page.status).toBe(200);
    const html = await page.text();
    const text = textOf(html);
    expect(text).toContain('Usulan penugasan');
    expect(text).toContain('Beban penilai');
    // Nothing is written by the preview.
    expect(await t.deps.db.select().from(assignments)).toHaveLength(0);
    const fields = formFields(html, 'auto-confirm');
    const pairs = ([] as string[]).concat(fields.pairs as string[]);
    expect(pairs.length).toBeGreaterThan(0);
    expect(pairs.some((p) => p === `${conflictedNomination}:${ids.penilai3}`)).toBe(false);
    const res = await admin.post(`/assessment/cycles/${cycleId}/assignments/auto`, fields);
    expect(res.status).toBe(303);
    const rows = await t.deps.db.select().from(assignments);
    expect(rows).toHaveLength(pairs.length);
    expect(rows.every((r) => r.method === 'auto')).toBe(true);
    const states = (await passed()).map((n) => n.state);
    expect(states.every((s) => s === 'in_assessment')).toBe(true);
    const notes = await t.deps.db
      .select()
      .from(notifications)
      .where(eq(notifications.kind, 'assessment.assigned'));
    expect(notes.length).toBeGreaterThanOrEqual(2);
    expect(await t.deps.db.select().from(scoreSheets)).toHaveLength(pairs.length);
  });

  it('refuses a stale automatic plan and writes nothing', async () => {
    const before = (await t.deps.db.select().from(assignments)).length;
    const [n] = await passed();
    const already = (
      await t.deps.db.select().from(assignments).where(eq(assignments.nominationId, n!.id))
    )[0]!;
    const res = await admin.post(`/assessment/cycles/${cycleId}/assignments/auto`, {
      expertise: 'soft',
      pairs: [`${n!.id}:${already.assessorId}`],
    });
    expect(res.status).toBe(409);
    expect(errorSummary(await res.text()).join(' ')).toContain('Keadaan berubah sejak pratinjau');
    expect(await t.deps.db.select().from(assignments)).toHaveLength(before);
  });
});

describe('the assessor', () => {
  it('sees only their own assignments and gets 404 for another nomination (page and API)', async () => {
    const p1 = await t.as('penilai1@ovop.test');
    const mine = await t.deps.db.select().from(assignments).where(eq(assignments.assessorId, ids.penilai1!));
    const page = textOf(await (await p1.get('/assessment/assignments')).text());
    expect(page).toContain('Penugasan saya');
    const notMine = (await passed()).find((n) => !mine.some((a) => a.nominationId === n.id));
    const other = await t.deps.db.select().from(scoreSheets).where(eq(scoreSheets.assessorId, ids.penilai2!));
    if (notMine) {
      expect((await p1.get(`/assessment/assignments/${notMine.id}`)).status).toBe(404);
    }
    expect((await p1.get(`/assessment/sheets/${other[0]!.id}`)).status).toBe(404);
    expect((await p1.get(`/api/v1/assessment/sheets/${other[0]!.id}`)).status).toBe(404);
    const api = await p1.get('/api/v1/assessment/assignments');
    expect(api.status).toBe(200);
    const list = (await api.json()) as { nominationId: string }[];
    expect(new Set(list.map((r) => r.nominationId))).toEqual(new Set(mine.map((a) => a.nominationId)));
    const nom = await p1.get(`/assessment/assignments/${mine[0]!.nominationId}`);
    expect(nom.status).toBe(200);
    expect(textOf(await nom.text())).toContain('Dokumen usulan');
  });
});
