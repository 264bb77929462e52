import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, textOf } from '../../../tests/helpers/app.ts';
import { eventForm, idFromLocation, makeEvent } from '../../../tests/helpers/events.ts';
import { auditLog } from '../../db/schema/audit.ts';
import { eventFiles, events } from '../../db/schema/events.ts';

let t: TestApp;
beforeAll(async () => {
  // A 1 MB upload limit keeps the "over the limit" test small.
  t = await createTestApp({ env: { UPLOAD_MAX_MB: '1' } });
});
afterAll(() => t.close());

const eventCount = async () => Number((await t.deps.db.select({ n: count() }).from(events))[0]!.n);
const fileCount = async (eventId: string) =>
  Number(
    (await t.deps.db.select({ n: count() }).from(eventFiles).where(eq(eventFiles.eventId, eventId)))[0]!.n,
  );

async function tinyPdf(): Promise<Uint8Array<ArrayBuffer>> {
  const { PDFDocument } = await import('pdf-lib');
  const doc = await PDFDocument.create();
  doc.addPage([200, 200]);
  return new Uint8Array(await doc.save());
}

async function jpeg(width = 800, height = 600): Promise<Uint8Array<ArrayBuffer>> {
  const { default: sharp } = await import('sharp');
  return new Uint8Array(
    await sharp({ create: { width, height, channels: 3, background: '#2e7d32' } })
      .jpeg()
      .toBuffer(),
  );
}

describe('creating and editing an event', () => {
  it('creates an event with WIT times and shows it, with an audit row', async () => {
    const admin = await t.as('admin@ovop.test');
    const res = await admin.post(
      '/events',
      eventForm({ startsAt: '2023-09-04T09:00', endsAt: '2023-09-04T16:00' }),
    );
    expect(res.status).toBe(303);
    const id = idFromLocation(res);
    const [row] = await t.deps.db.select().from(events).where(eq(events.id, id));
    // 09.00 WIT is 00.00 UTC.
    expect(row!.startsAt.toISOString()).toBe('2023-09-04T00:00:00.000Z');
    const page = textOf(await (await admin.get(`/events/${id}`)).text());
    expect(page).toContain('Sosialisasi OVOP bagi Aparatur Industri');
    expect(page).toContain('4 Sep 2023, 09.00–16.00 WIT');
    expect(page).toContain('0 dari 11 kabupaten/kota hadir');
    const audit = await t.deps.db.select().from(auditLog).where(eq(auditLog.objectId, id));
    expect(audit.map((a) => a.action)).toContain('event.create');
    expect(JSON.stringify(audit[0]!.after)).not.toContain(row!.doorToken);
  });

  it('refuses an end before the start, with the message beside the field and nothing saved', async () => {
    const admin = await t.as('admin@ovop.test');
    const before = await eventCount();
    const res = await admin.post(
      '/events',
      eventForm({ title: 'Salah waktu', startsAt: '2023-09-04T16:00', endsAt: '2023-09-04T09:00' }),
    );
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(textOf(html)).toContain('Waktu selesai harus sesudah waktu mulai.');
    expect(html).toContain('href="#f-endsAt"');
    // The input is kept.
    expect(html).toContain('value="Salah waktu"');
    expect(await eventCount()).toBe(before);
  });

  it('says in English too what is wrong with a date that is not one', async () => {
    const admin = await t.as('admin@ovop.test');
    const res = await admin.post('/events?lang=en', eventForm({ startsAt: '31/02/2023 09.00' }));
    expect(res.status).toBe(422);
    expect(textOf(await res.text())).toContain('Enter a date and time, e.g. 04/09/2023 09:00.');
  });

  it('accepts a date typed by hand (for browsers without a date picker)', async () => {
    const admin = await t.as('admin@ovop.test');
    const res = await admin.post(
      '/events',
      eventForm({ startsAt: '04/09/2023 09.00', endsAt: '4-9-2023 16:30' }),
    );
    expect(res.status).toBe(303);
    const [row] = await t.deps.db
      .select()
      .from(events)
      .where(eq(events.id, idFromLocation(res)));
    expect(row!.endsAt.toISOString()).toBe('2023-09-04T07:30:00.000Z');
  });

  it('refuses a stale edit and shows both versions', async () => {
    const admin = await t.as('admin@ovop.test');
    const event = await makeEvent(t);
    const first = await admin.post(`/events/${event.id}`, {
      ...eventForm({ title: 'Judul baru' }),
      version: String(event.version),
    });
    expect(first.status).toBe(303);
    const second = await admin.post(`/events/${event.id}`, {
      ...eventForm({ title: 'Judul lain' }),
      version: String(event.version),
    });
    expect(second.status).toBe(409);
    const text = textOf(await second.text());
    expect(text).toContain('Data ini sudah diubah orang lain');
    expect(text).toContain('Judul baru');
    expect(text).toContain('Judul lain');
    const [row] = await t.deps.db.select().from(events).where(eq(events.id, event.id));
    expect(row!.title).toBe('Judul baru');
  });

  it('saves the minutes and speakers and shows them', async () => {
    const admin = await t.as('admin@ovop.test');
    const event = await makeEvent(t);
    expect(
      (
        await admin.post(`/events/${event.id}/speakers`, {
          name: 'Ir. Maria Tuhumury',
          topic: 'Kriteria OVOP',
        })
      ).status,
    ).toBe(303);
    expect(
      (
        await admin.post(`/events/${event.id}/minutes`, {
          minutes: 'Disepakati: usulan paling lambat 30 Okt.',
          version: '1',
        })
      ).status,
    ).toBe(303);
    const page = textOf(await (await admin.get(`/events/${event.id}`)).text());
    expect(page).toContain('Ir. Maria Tuhumury');
    expect(page).toContain('Kriteria OVOP');
    expect(page).toContain('Disepakati: usulan paling lambat 30 Okt.');
  });
});

describe('materials and photos', () => {
  it('stores a PDF material and serves it back for download', async () => {
    const admin = await t.as('admin@ovop.test');
    const event = await makeEvent(t);
    const pdf = await tinyPdf();
    const res = await admin.post(`/events/${event.id}/materials`, {
      material: new File([pdf], 'Paparan OVOP 2023.pdf', { type: 'application/pdf' }),
      caption: 'Paparan narasumber',
    });
    expect(res.status).toBe(303);
    const [row] = await t.deps.db.select().from(eventFiles).where(eq(eventFiles.eventId, event.id));
    expect(row!.mime).toBe('application/pdf');
    const file = await admin.get(`/events/${event.id}/files/${row!.id}?download=1`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toContain('attachment');
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(pdf);
  });

  it('refuses a material of an unsupported type, whatever its name says, and stores nothing', async () => {
    const admin = await t.as('admin@ovop.test');
    const event = await makeEvent(t);
    const res = await admin.post(`/events/${event.id}/materials`, {
      material: new File([new TextEncoder().encode('MZ this is not a slide deck at all')], 'materi.pdf', {
        type: 'application/pdf',
      }),
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(textOf(html)).toContain('Berkas materi.pdf bukan jenis yang diterima');
    expect(textOf(html)).toContain('PDF, PPTX, DOCX, JPEG, PNG, WEBP');
    expect(html).toContain('href="#f-material"');
    expect(await fileCount(event.id)).toBe(0);
  });

  it('refuses a material over the size limit and stores nothing', async () => {
    const admin = await t.as('admin@ovop.test');
    const event = await makeEvent(t);
    const big = new Uint8Array(1.5 * 1024 * 1024);
    big.set(await tinyPdf());
    const res = await admin.post(`/events/${event.id}/materials`, {
      material: new File([big], 'besar.pdf', { type: 'application/pdf' }),
    });
    expect(res.status).toBe(422);
    expect(textOf(await res.text())).toContain('Berkas besar.pdf terlalu besar (1.5 MB); batasnya 1 MB.');
    expect(await fileCount(event.id)).toBe(0);
  });

  it('refuses a document as a photo', async () => {
    const admin = await t.as('admin@ovop.test');
    const event = await makeEvent(t);
    const res = await admin.post(`/events/${event.id}/photos`, {
      photo: new File([await tinyPdf()], 'foto.jpg', { type: 'image/jpeg' }),
    });
    expect(res.status).toBe(422);
    expect(textOf(await res.text())).toContain('bukan jenis yang diterima');
    expect(await fileCount(event.id)).toBe(0);
  });

  it('makes a light thumbnail of a photo', async () => {
    const admin = await t.as('admin@ovop.test');
    const event = await makeEvent(t);
    const res = await admin.post(`/events/${event.id}/photos`, {
      photo: new File([await jpeg(2000, 1500)], 'pembukaan.jpg', { type: 'image/jpeg' }),
      caption: 'Pembukaan',
    });
    expect(res.status).toBe(303);
    const [row] = await t.deps.db.select().from(eventFiles).where(eq(eventFiles.eventId, event.id));
    const thumb = await admin.get(`/events/${event.id}/files/${row!.id}?size=thumb`);
    expect(thumb.headers.get('content-type')).toBe('image/webp');
    expect((await thumb.arrayBuffer()).byteLength).toBeLessThanOrEqual(30 * 1024);
    // A file id of another event answers 404.
    const other = await makeEvent(t);
    expect((await admin.get(`/events/${other.id}/files/${row!.id}`)).status).toBe(404);
  });
});

describe('who may do what', () => {
  it('lets a kab/kota officer read events but not create or change them', async () => {
    const event = await makeEvent(t);
    const officer = await t.as('ambon@ovop.test');
    expect((await officer.get('/events')).status).toBe(200);
    expect((await officer.get(`/events/${event.id}`)).status).toBe(200);
    expect((await officer.get('/events/new')).status).toBe(403);
    expect((await officer.post('/events', eventForm())).status).toBe(403);
    expect((await officer.post(`/events/${event.id}/status`, { status: 'cancelled' })).status).toBe(403);
    expect((await officer.get(`/events/${event.id}/attendance-sheet.pdf`)).status).toBe(403);
    const [row] = await t.deps.db.select().from(events).where(eq(events.id, event.id));
    expect(row!.status).toBe('scheduled');
  });

  it('keeps assessors and IKM owners out, and sends visitors to sign in', async () => {
    const assessor = await t.as('penilai1@ovop.test');
    expect((await assessor.get('/events')).status).toBe(403);
    expect((await assessor.get('/stakeholders')).status).toBe(403);
    const owner = await t.as('ikm@ovop.test');
    expect((await owner.get('/follow-ups')).status).toBe(403);
    const visitor = t.client();
    const res = await visitor.get('/events');
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toContain('/login');
  });

  it('answers 404 for an event that does not exist', async () => {
    const admin = await t.as('admin@ovop.test');
    expect((await admin.get('/events/0190a000-0000-7000-8000-000000000000')).status).toBe(404);
    expect((await admin.get('/events/not-an-id')).status).toBe(404);
  });

  it('serves the JSON API with the same rules', async () => {
    const admin = await t.as('admin@ovop.test');
    const body = {
      title: 'Rapat koordinasi OVOP',
      kind: 'rapat_koordinasi',
      startsAt: '2024-03-01T09:00',
      endsAt: '2024-03-01T12:00',
      venue: 'Ruang rapat',
      venueKabkotaCode: '81.71',
      organiser: 'Disperindag',
    };
    const created = await admin.api('/api/v1/events', { method: 'POST', body });
    expect(created.status).toBe(201);
    expect(created.body.startsAt).toBe('2024-03-01T00:00:00.000Z');
    expect(created.body.doorUrl).toMatch(/\/hadir\/[A-Za-z0-9_-]{22}$/);
    const bad = await admin.api('/api/v1/events', {
      method: 'POST',
      body: { ...body, startsAt: '2024-03-01T12:00+09:00', endsAt: '2024-03-01T09:00' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toContainEqual({
      path: 'endsAt',
      message: 'Waktu selesai harus sesudah waktu mulai.',
    });
    const officer = await t.as('ambon@ovop.test');
    const read = await officer.api(`/api/v1/events/${created.body.id}`);
    expect(read.status).toBe(200);
    expect(read.body.doorUrl).toBeUndefined();
    expect((await officer.api('/api/v1/events', { method: 'POST', body: {} })).status).toBe(403);
  });

  it('documents its endpoints in the OpenAPI document', async () => {
    const doc = await t.client().api('/api/v1/openapi.json');
    expect(doc.status).toBe(200);
    for (const path of [
      '/events',
      '/events/{id}/participants',
      '/events/{id}/attendance',
      '/events/{id}/coverage',
      '/coverage',
      '/follow-ups/{id}',
      '/follow-ups/overdue',
      '/stakeholders/{id}/commitments',
    ])
      expect(Object.keys(doc.body.paths)).toContain(path);
    expect(doc.body.paths['/follow-ups/{id}'].patch.responses['404']).toBeDefined();
  });
});
