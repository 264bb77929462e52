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
import { users } from '../../db/schema/accounts.ts';
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

describe('manual and bulk assignment', () => {
  it('refuses a bulk assignment with each reason listed and writes nothing', async () => {
    const list = await passed();
    const before = (await t.deps.db.select().from(assignments)).length;
    const res = await admin.post(`/assessment/cycles/${cycleId}/assignments/bulk`, {
      nominationIds: list.map((n) => n.id),
      assessorId: ids.penilai3!,
    });
    expect(res.status).toBe(422);
    const summary = errorSummary(await res.text()).join(' ');
    expect(summary).toContain('mitra usaha');
    expect(summary).toContain('sudah ditugaskan');
    expect(await t.deps.db.select().from(assignments)).toHaveLength(before);
    const none = await admin.post(`/assessment/cycles/${cycleId}/assignments/bulk`, {
      assessorId: ids.penilai3!,
    });
    expect(errorSummary(await none.text()).join(' ')).toContain('Pilih paling sedikit satu usulan');
  });

  it('unassigns a draft assessor, telling them, and assigns them back in bulk', async () => {
    const [a] = await t.deps.db.select().from(assignments).where(eq(assignments.assessorId, ids.penilai1!));
    const res = await admin.post(`/assessment/cycles/${cycleId}/assignments/${a!.nominationId}/unassign`, {
      assessorId: ids.penilai1!,
    });
    expect(res.status).toBe(303);
    expect(
      await t.deps.db
        .select()
        .from(assignments)
        .where(and(eq(assignments.assessorId, ids.penilai1!), eq(assignments.nominationId, a!.nominationId))),
    ).toHaveLength(0);
    const told = await t.deps.db
      .select()
      .from(notifications)
      .where(eq(notifications.kind, 'assessment.unassigned'));
    expect(told).toHaveLength(1);
    const again = await admin.post(`/assessment/cycles/${cycleId}/assignments/bulk`, {
      nominationIds: [a!.nominationId],
      assessorId: ids.penilai1!,
    });
    expect(again.status).toBe(303);
    const [back] = await t.deps.db
      .select()
      .from(assignments)
      .where(and(eq(assignments.assessorId, ids.penilai1!), eq(assignments.nominationId, a!.nominationId)));
    expect(back!.method).toBe('bulk');
    const page = textOf(
      await (await admin.get(`/assessment/cycles/${cycleId}/assignments/${a!.nominationId}?lang=en`)).text(),
    );
    expect(page).toContain('Assigned assessors');
    expect(page).toContain('Penilai Satu');
  });
});

describe('bulk unassign', () => {
  it('removes several draft assignments after one confirmation, notifying and auditing each; refuses a lot with a submitted sheet, naming it, and removes nothing', async () => {
    const db = t.deps.db;
    const rows = await db.select().from(assignments).where(eq(assignments.cycleId, cycleId));
    const sheets = await db.select().from(scoreSheets).where(eq(scoreSheets.cycleId, cycleId));
    const drafts = rows
      .filter((a) => sheets.find((s) => s.assignmentId === a.id)?.status !== 'submitted')
      .slice(0, 2);
    expect(drafts).toHaveLength(2);
    const remove = drafts.map((a) => `${a.nominationId}:${a.assessorId}`);
    const base = `/assessment/cycles/${cycleId}/assignments`;
    const list = await (await admin.get(base)).text();
    for (const r of remove) expect(list).toContain(`value="${r}"`);

    // Nothing ticked: the message, nothing removed.
    const none = await admin.post(`${base}/unassign`, {});
    expect(none.status).toBe(422);
    expect(errorSummary(await none.text()).join(' ')).toContain('Pilih paling sedikit satu penugasan');

    // The confirmation lists them and writes nothing.
    const confirm = await admin.post(`${base}/unassign`, { remove });
    expect(confirm.status).toBe(200);
    const page = await confirm.text();
    expect(textOf(page)).toContain('Konfirmasi pembatalan penugasan');
    expect(await db.select().from(assignments).where(eq(assignments.cycleId, cycleId))).toHaveLength(
      rows.length,
    );

    // A submitted sheet in the lot refuses it all, in the admin's language. (Nothing is submitted in the
    // round yet: a third sheet is marked submitted for this step, then put back.)
    const submitted = rows.find((a) => !drafts.includes(a))!;
    const sheet = sheets.find((x) => x.assignmentId === submitted.id)!;
    await db
      .update(scoreSheets)
      .set({ status: 'submitted', submittedAt: new Date() })
      .where(eq(scoreSheets.id, sheet.id));
    await t.deps.db.update(users).set({ locale: 'en' }).where(eq(users.email, 'admin@ovop.test'));
    const audits = (await db.select().from(auditLog).where(eq(auditLog.action, 'assignment.delete'))).length;
    const lot = [...remove, `${submitted.nominationId}:${submitted.assessorId}`];
    const list2 = await (await admin.get(base)).text();
    expect(list2).not.toContain(`value="${lot[2]}"`);
    for (const confirmed of [undefined, '1']) {
      const refused = await admin.post(`${base}/unassign?lang=en`, {
        remove: lot,
        ...(confirmed ? { confirm: confirmed } : {}),
      });
      expect(refused.status).toBe(409);
      const why = errorSummary(await refused.text()).join(' ');
      expect(why).toContain('Score sheets already submitted by');
      expect(why).toContain('no assignment was removed');
    }
    expect(await db.select().from(assignments).where(eq(assignments.cycleId, cycleId))).toHaveLength(
      rows.length,
    );
    expect(await db.select().from(scoreSheets).where(eq(scoreSheets.cycleId, cycleId))).toHaveLength(
      sheets.length,
    );
    expect(await db.select().from(auditLog).where(eq(auditLog.action, 'assignment.delete'))).toHaveLength(
      audits,
    );
    await db
      .update(scoreSheets)
      .set({ status: 'draft', submittedAt: null })
      .where(eq(scoreSheets.id, sheet.id));
    await t.deps.db.update(users).set({ locale: 'id' }).where(eq(users.email, 'admin@ovop.test'));

    // Confirmed: both go, each audited, each assessor told.
    const toldBefore = (
      await db.select().from(notifications).where(eq(notifications.kind, 'assessment.unassigned'))
    ).length;
    const done = await admin.post(`${base}/unassign`, { remove, confirm: '1' });
    expect(done.status).toBe(303);
    const after = await db.select().from(assignments).where(eq(assignments.cycleId, cycleId));
    expect(after).toHaveLength(rows.length - 2);
    for (const d of drafts) expect(after.find((a) => a.id === d.id)).toBeUndefined();
    for (const d of drafts)
      expect(
        await db
          .select()
          .from(auditLog)
          .where(and(eq(auditLog.action, 'assignment.delete'), eq(auditLog.objectId, d.nominationId))),
      ).not.toHaveLength(0);
    const told = await db.select().from(notifications).where(eq(notifications.kind, 'assessment.unassigned'));
    expect(told.length - toldBefore).toBe(new Set(drafts.map((d) => d.assessorId)).size);
    const flash = textOf(await (await admin.get(base)).text());
    expect(flash).toContain('2 penugasan dibatalkan');

    // Put them back for the tests that follow.
    for (const d of drafts) {
      const res = await admin.post(`${base}/${d.nominationId}`, { assessorId: d.assessorId });
      expect(res.status).toBe(303);
    }
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

describe('the score sheet', () => {
  let p1: TestClient;
  let sheetId: string;
  let nominationId: string;

  beforeAll(async () => {
    p1 = await t.as('penilai1@ovop.test');
    const [a] = await t.deps.db.select().from(assignments).where(eq(assignments.assessorId, ids.penilai1!));
    nominationId = a!.nominationId;
    sheetId = (await sheetOf(nominationId, 'penilai1'))!.id;
  });

  it('shows each criterion’s levels with points and descriptors, in both languages', async () => {
    const html = await (await p1.get(`/assessment/sheets/${sheetId}`)).text();
    expect(html).toContain('name="level.A1"');
    expect(textOf(html)).toMatch(/Tingkat 1 — .+ \(\d+ poin\)/);
    expect(html).toContain('src="/static/js/sheet.js"');
    const en = textOf(await (await p1.get(`/assessment/sheets/${sheetId}?lang=en`)).text());
    expect(en).toMatch(/Level 1 — .+ \(\d+ points\)/);
    expect(en).toContain('Save draft');
  });

  it('refuses a level not in the rubric, naming it, and saves nothing', async () => {
    const html = await (await p1.get(`/assessment/sheets/${sheetId}`)).text();
    const fields = { ...formFields(html, 'sheet-form'), 'level.A1': '99', intent: 'save' };
    const res = await p1.post(`/assessment/sheets/${sheetId}`, fields);
    expect(res.status).toBe(422);
    const body = await res.text();
    expect(errorSummary(body).join(' ')).toContain('A1');
    expect(errorSummary(body).join(' ')).toContain('99');
    expect(await t.deps.db.select().from(scoreEntries).where(eq(scoreEntries.sheetId, sheetId))).toHaveLength(
      0,
    );
    // Through the API too.
    const api = await p1.request(`/api/v1/assessment/sheets/${sheetId}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'x-csrf-token': await p1.csrfToken() },
      body: JSON.stringify({ version: 1, levels: { A1: 42 } }),
    });
    expect(api.status).toBe(422);
    expect(JSON.stringify(await api.json())).toContain('42');
  });

  it('saves a draft, and lists the missing criteria on submit', async () => {
    const html = await (await p1.get(`/assessment/sheets/${sheetId}`)).text();
    const res = await p1.post(`/assessment/sheets/${sheetId}`, {
      ...formFields(html, 'sheet-form'),
      'level.A1': '2',
      'note.A1': 'Catatan uji',
      siteVisitDate: '14/08/2024',
      fromPaper: 'on',
      intent: 'save',
    });
    expect(res.status).toBe(303);
    const saved = (await sheetOf(nominationId, 'penilai1'))!;
    expect(saved.siteVisitDate).toBe('2024-08-14');
    expect(saved.fromPaper).toBe(true);
    const again = await (await p1.get(`/assessment/sheets/${sheetId}`)).text();
    const submit = await p1.post(`/assessment/sheets/${sheetId}`, {
      ...formFields(again, 'sheet-form'),
      intent: 'submit',
    });
    expect(submit.status).toBe(422);
    const summary = errorSummary(await submit.text()).join(' ');
    expect(summary).toContain('Lembar belum lengkap');
    expect(summary).toContain('A2');
    expect(summary).not.toMatch(/\bA1 /);
    expect((await sheetOf(nominationId, 'penilai1'))!.status).toBe('draft');
  });

  it('refuses a stale version, keeping the input', async () => {
    const html = await (await p1.get(`/assessment/sheets/${sheetId}`)).text();
    const fields = formFields(html, 'sheet-form');
    const res = await p1.post(`/assessment/sheets/${sheetId}`, {
      ...fields,
      version: '1',
      'note.A2': 'baru',
      intent: 'save',
    });
    expect(res.status).toBe(409);
    const body = await res.text();
    expect(textOf(body)).toContain('Lembar ini diubah di tab atau perangkat lain');
    expect(body).toContain('baru');
  });

  it('autosaves a draft as JSON with the new version', async () => {
    const html = await (await p1.get(`/assessment/sheets/${sheetId}`)).text();
    const fields = formFields(html, 'sheet-form');
    const res = await p1.post(`/assessment/sheets/${sheetId}/autosave`, { ...fields, 'level.A2': '1' });
    expect(res.status).toBe(200);
    const data = (await res.json()) as { ok: boolean; version: number };
    expect(data.ok).toBe(true);
    expect(data.version).toBe(Number(fields.version) + 1);
  });

  it('adds an evidence photo, served to its assessor only', async () => {
    const { pngBytes, file } = await import('../../../tests/helpers/nominations.ts');
    const res = await p1.post(`/assessment/sheets/${sheetId}/evidence`, {
      photo: file(pngBytes(), 'kemasan.png', 'image/png'),
      criterionCode: 'A1',
    });
    expect(res.status).toBe(303);
    const html = await (await p1.get(`/assessment/sheets/${sheetId}`)).text();
    const src = /src="(\/assessment\/sheets\/[^"]+\/evidence\/[^"]+)"/.exec(html)?.[1];
    expect(src).toBeTruthy();
    const img = await p1.get(src!);
    expect(img.status).toBe(200);
    expect(img.headers.get('content-type')).toBe('image/webp');
    const p2 = await t.as('penilai2@ovop.test');
    expect((await p2.get(src!)).status).toBe(404);
    const bad = await p1.post(`/assessment/sheets/${sheetId}/evidence`, {
      photo: file(new TextEncoder().encode('not an image'), 'catatan.txt', 'text/plain'),
    });
    expect(bad.status).toBe(422);
  });

  it('prints a blank sheet, and a filled one only after submit', async () => {
    const blank = await p1.get(`/assessment/sheets/${sheetId}/blank.pdf`);
    expect(blank.status).toBe(200);
    expect(blank.headers.get('content-type')).toBe('application/pdf');
    const bytes = new Uint8Array(await blank.arrayBuffer());
    const { PDFParse } = await import('pdf-parse');
    const parser = new PDFParse({ data: bytes });
    const text = (await parser.getText()).text;
    await parser.destroy();
    expect(text).toContain('Lembar Penilaian OVOP');
    expect(text).toContain('A1');
    expect(text).toContain('Tanda tangan penilai');
    expect((await p1.get(`/assessment/sheets/${sheetId}/filled.pdf`)).status).toBe(409);
  });

  it('submits, computes the total, locks the sheet and refuses editing after', async () => {
    const html = await (await p1.get(`/assessment/sheets/${sheetId}`)).text();
    const fields = {
      ...formFields(html, 'sheet-form'),
      ...(await fullLevels(sheetId, 'penilai1')),
      intent: 'submit',
    };
    const res = await p1.post(`/assessment/sheets/${sheetId}`, fields);
    expect(res.status).toBe(303);
    const s = (await sheetOf(nominationId, 'penilai1'))!;
    expect(s.status).toBe('submitted');
    expect(s.total).toBe(100);
    const locked = await p1.post(`/assessment/sheets/${sheetId}`, {
      ...fields,
      version: String(s.version),
      intent: 'save',
    });
    expect(locked.status).toBe(409);
    expect(errorSummary(await locked.text()).join(' ')).toContain('sudah dikirim dan terkunci');
    const api = await p1.request(`/api/v1/assessment/sheets/${sheetId}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'x-csrf-token': await p1.csrfToken() },
      body: JSON.stringify({ version: s.version, levels: {} }),
    });
    expect(api.status).toBe(409);
    expect((await p1.get(`/assessment/sheets/${sheetId}/filled.pdf`)).status).toBe(200);
    const page = textOf(await (await p1.get(`/assessment/sheets/${sheetId}?lang=en`)).text());
    expect(page).toContain('This sheet has been submitted');
  });

  it('counts a sheet submitted from two tabs at once once', async () => {
    const p2 = await t.as('penilai2@ovop.test');
    const [s2] = await t.deps.db.select().from(scoreSheets).where(eq(scoreSheets.assessorId, ids.penilai2!));
    const html = await (await p2.get(`/assessment/sheets/${s2!.id}`)).text();
    const fields = {
      ...formFields(html, 'sheet-form'),
      ...(await fullLevels(s2!.id, 'penilai2', 'bottom')),
      intent: 'submit',
    };
    const [a, b] = await Promise.all([
      p2.post(`/assessment/sheets/${s2!.id}`, fields),
      p2.post(`/assessment/sheets/${s2!.id}`, fields),
    ]);
    expect([a.status, b.status].sort()).toEqual([303, 409]);
    const loser = a.status === 409 ? a : b;
    expect(errorSummary(await loser.text()).join(' ')).toContain('sudah dikirim dan terkunci');
    const audits = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'score_sheet.submit'), eq(auditLog.objectId, s2!.id)));
    expect(audits).toHaveLength(1);
  });

  it('changes nothing when a sheet is scored by someone not assigned or after submit, saying so in their language', async () => {
    const db = t.deps.db;
    const snapshot = async (id: string) => ({
      sheet: (await db.select().from(scoreSheets).where(eq(scoreSheets.id, id)))[0],
      entries: await db.select().from(scoreEntries).where(eq(scoreEntries.sheetId, id)),
    });
    // penilai1's submitted sheet: another assessor (page and API), then penilai1 again, in English.
    const before = await snapshot(sheetId);
    expect(before.sheet!.status).toBe('submitted');
    const p3 = await t.as('penilai3@ovop.test');
    const fields = {
      version: String(before.sheet!.version),
      intent: 'submit',
      ...(await fullLevels(sheetId, 'penilai1', 'bottom')),
    };
    const stranger = await p3.post(`/assessment/sheets/${sheetId}?lang=en`, fields);
    expect(stranger.status).toBe(404);
    expect(textOf(await stranger.text())).toContain('Page not found');
    const api = await p3.request(`/api/v1/assessment/sheets/${sheetId}?lang=en`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'x-csrf-token': await p3.csrfToken() },
      body: JSON.stringify({ version: before.sheet!.version, levels: {} }),
    });
    expect(api.status).toBe(404);
    const again = await p1.post(`/assessment/sheets/${sheetId}?lang=en`, fields);
    expect(again.status).toBe(409);
    expect(errorSummary(await again.text()).join(' ')).toContain(
      'This score sheet has been submitted and is locked; the change was not saved.',
    );
    const autosave = await p1.post(`/assessment/sheets/${sheetId}/autosave?lang=en`, fields);
    expect(autosave.status).toBe(409);
    expect(((await autosave.json()) as { message: string }).message).toContain('locked');
    expect(await snapshot(sheetId)).toEqual(before);
  });

  it('moves the nomination to assessed when its last sheet is submitted', async () => {
    const sheets = await t.deps.db
      .select()
      .from(scoreSheets)
      .where(eq(scoreSheets.nominationId, nominationId));
    for (const s of sheets.filter((x) => x.status === 'draft')) {
      const who = Object.entries(ids).find(([, id]) => id === s.assessorId)![0];
      const client = await t.as(`${who}@ovop.test`);
      const html = await (await client.get(`/assessment/sheets/${s.id}`)).text();
      const res = await client.post(`/assessment/sheets/${s.id}`, {
        ...formFields(html, 'sheet-form'),
        ...(await fullLevels(s.id, who)),
        intent: 'submit',
      });
      expect(res.status).toBe(303);
    }
    const [n] = await t.deps.db.select().from(nominations).where(eq(nominations.id, nominationId));
    expect(n!.state).toBe('assessed');
    const told = await t.deps.db
      .select()
      .from(notifications)
      .where(eq(notifications.kind, 'assessment.completed'));
    expect(told.length).toBeGreaterThanOrEqual(1);
  });

  it('opens the moderation to the assessors who submitted: one notice each, and a link on My assignments', async () => {
    // penilai2 submitted the lowest levels on this nomination (two tabs); the others now submit the highest.
    const [s2] = await t.deps.db
      .select()
      .from(scoreSheets)
      .where(and(eq(scoreSheets.assessorId, ids.penilai2!), eq(scoreSheets.status, 'submitted')));
    const target = s2!.nominationId;
    const link = `/assessment/nominations/${target}/moderation`;
    const drafts = (
      await t.deps.db.select().from(scoreSheets).where(eq(scoreSheets.nominationId, target))
    ).filter((s) => s.status === 'draft');
    expect(drafts.length).toBeGreaterThan(0);
    const adminId = (await findUserByEmail(t.deps.db, 'admin@ovop.test'))!.id;
    const toldNow = () =>
      t.deps.db
        .select()
        .from(notifications)
        .where(and(eq(notifications.kind, 'moderation.opened'), eq(notifications.link, link)))
        .then((rows) => rows.map((n) => n.userId).sort());
    expect(await toldNow()).toEqual([]);
    let who = '';
    for (const s of drafts) {
      who = Object.entries(ids).find(([, id]) => id === s.assessorId)![0];
      const client = await t.as(`${who}@ovop.test`);
      const html = await (await client.get(`/assessment/sheets/${s.id}`)).text();
      const res = await client.post(`/assessment/sheets/${s.id}`, {
        ...formFields(html, 'sheet-form'),
        ...(await fullLevels(s.id, who)),
        intent: 'submit',
      });
      expect(res.status).toBe(303);
      const submitted = (
        await t.deps.db.select().from(scoreSheets).where(eq(scoreSheets.nominationId, target))
      )
        .filter((x) => x.status === 'submitted')
        .map((x) => x.assessorId);
      // Each participant once: those who submitted and the admin, a later submitter when they submit.
      expect(await toldNow()).toEqual([...new Set([...submitted, adminId])].sort());
    }
    const [notice] = await t.deps.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.kind, 'moderation.opened'), eq(notifications.userId, ids.penilai2!)));
    expect(notice!.title).toBe('Moderasi nilai dibuka');
    const client = await t.as(`${who}@ovop.test`);
    const html = await (await client.get('/assessment/assignments')).text();
    expect(textOf(html)).toContain('Perlu moderasi');
    expect(html).toContain(`href="${link}"`);
    expect(textOf(await (await client.get('/assessment/assignments?lang=en')).text())).toContain(
      'Open the moderation discussion',
    );
    const api = (await (await client.get('/api/v1/assessment/assignments')).json()) as {
      nominationId: string;
      moderation: boolean;
    }[];
    expect(api.find((r) => r.nominationId === target)!.moderation).toBe(true);
    expect((await client.get(link)).status).toBe(200);
    // Before submitting, an assessor is not shown the flag (it would hint at the others' scores).
    const p3 = await t.as('penilai3@ovop.test');
    const mine3 = (await (await p3.get('/api/v1/assessment/assignments')).json()) as {
      status: string | null;
      moderation: boolean;
    }[];
    expect(mine3.filter((r) => r.status !== 'submitted').every((r) => !r.moderation)).toBe(true);
  });

  it('never shows another assessor’s scores through the API', async () => {
    const p3 = await t.as('penilai3@ovop.test');
    const list = (await (await p3.get('/api/v1/assessment/assignments')).json()) as { sheetId: string }[];
    for (const r of list) {
      const body = (await (await p3.get(`/api/v1/assessment/sheets/${r.sheetId}`)).json()) as Record<
        string,
        unknown
      >;
      expect(Object.keys(body)).not.toContain('mean');
      expect(JSON.stringify(body)).not.toContain(ids.penilai1!);
    }
  });
});

describe('permissions', () => {
  const roles = ['admin@ovop.test', 'ambon@ovop.test', 'ikm@ovop.test', 'penilai1@ovop.test'] as const;

  it('lets only the admin use the assignment pages and endpoint', async () => {
    const [n] = await passed();
    const paths = [
      '/assessment/cycles',
      `/assessment/cycles/${cycleId}/assignments`,
      `/assessment/cycles/${cycleId}/assignments/auto`,
      `/assessment/cycles/${cycleId}/assignments/${n!.id}`,
      `/api/v1/cycles/${cycleId}/assignments`,
    ];
    for (const email of roles) {
      const client = await t.as(email);
      for (const path of paths) {
        const status = (await client.get(path)).status;
        expect([email, path, status]).toEqual([email, path, email === 'admin@ovop.test' ? 200 : 403]);
      }
      for (const path of [
        `/assessment/cycles/${cycleId}/assignments/bulk`,
        `/assessment/cycles/${cycleId}/assignments/${n!.id}/unassign`,
      ]) {
        const status = (await client.post(path, { assessorId: ids.penilai1! })).status;
        if (email !== 'admin@ovop.test') expect([email, path, status]).toEqual([email, path, 403]);
      }
    }
    const anonymous = t.client();
    expect((await anonymous.get(`/assessment/cycles/${cycleId}/assignments`)).status).toBe(302);
    expect((await anonymous.get(`/api/v1/cycles/${cycleId}/assignments`)).status).toBe(401);
  });

  it('lets only assessors use the scoring pages and endpoints, and only on their own sheets', async () => {
    const [s] = await t.deps.db.select().from(scoreSheets).where(eq(scoreSheets.assessorId, ids.penilai1!));
    const paths = [
      '/assessment/assignments',
      `/assessment/assignments/${s!.nominationId}`,
      `/assessment/sheets/${s!.id}`,
      `/assessment/sheets/${s!.id}/blank.pdf`,
      '/api/v1/assessment/assignments',
      `/api/v1/assessment/sheets/${s!.id}`,
    ];
    for (const email of roles) {
      const client = await t.as(email);
      for (const path of paths) {
        const status = (await client.get(path)).status;
        expect([email, path, status]).toEqual([email, path, email === 'penilai1@ovop.test' ? 200 : 403]);
      }
    }
    // Another assessor: the same role, but not their sheet.
    const p2 = await t.as('penilai2@ovop.test');
    const mine = await t.deps.db.select().from(assignments).where(eq(assignments.assessorId, ids.penilai2!));
    for (const path of paths.slice(1)) {
      if (path.includes('/assessment/assignments') && !path.includes(s!.nominationId)) continue;
      if (mine.some((a) => a.nominationId === s!.nominationId) && path.includes(s!.nominationId)) continue;
      expect([path, (await p2.get(path)).status]).toEqual([path, 404]);
    }
    for (const path of [`/api/v1/assessment/sheets/${s!.id}/submit`]) {
      const res = await p2.request(path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': await p2.csrfToken() },
        body: JSON.stringify({ version: 1, levels: {} }),
      });
      expect(res.status).toBe(404);
    }
    const anonymous = t.client();
    expect((await anonymous.get('/api/v1/assessment/assignments')).status).toBe(401);
    const doc = JSON.stringify(await (await anonymous.get('/api/v1/openapi.json')).json());
    for (const path of [
      '/assessment/sheets/{id}/submit',
      '/assessment/assignments',
      '/cycles/{id}/assignments',
    ])
      expect(doc).toContain(path);
  });
});
