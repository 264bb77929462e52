import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, textOf } from '../../../tests/helpers/app.ts';
import { makeEvent } from '../../../tests/helpers/events.ts';
import { stakeholderCommitments, stakeholders } from '../../db/schema/events.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const commitmentCount = async () =>
  Number((await t.deps.db.select({ n: count() }).from(stakeholderCommitments))[0]!.n);

async function stakeholder(name = 'Bank Daerah Maluku (contoh)'): Promise<string> {
  const admin = await t.as('admin@ovop.test');
  const res = await admin.post('/stakeholders', { name, type: 'bank', acronym: 'BDM', phone: '0911-123456' });
  expect(res.status).toBe(303);
  return /\/stakeholders\/([0-9a-f-]{36})/.exec(res.headers.get('location')!)![1]!;
}

describe('the stakeholder register', () => {
  it('records an organisation, refuses the same name twice, and lets an officer read but not write', async () => {
    const id = await stakeholder('Universitas Contoh Maluku');
    const admin = await t.as('admin@ovop.test');
    const twice = await admin.post('/stakeholders', {
      name: 'universitas contoh maluku',
      type: 'perguruan_tinggi',
    });
    expect(twice.status).toBe(422);
    expect(textOf(await twice.text())).toContain('Mitra dengan nama ini sudah ada.');
    const officer = await t.as('ambon@ovop.test');
    expect((await officer.get(`/stakeholders/${id}`)).status).toBe(200);
    expect((await officer.post('/stakeholders', { name: 'X', type: 'media' })).status).toBe(403);
    expect((await officer.post(`/stakeholders/${id}/commitments`, {})).status).toBe(403);
  });

  it('records a commitment with its MoU, value in rupiah and period', async () => {
    const id = await stakeholder('BUMN Contoh Persero');
    const event = await makeEvent(t, { title: 'Temu Mitra OVOP' });
    const admin = await t.as('admin@ovop.test');
    const res = await admin.post(`/stakeholders/${id}/commitments`, {
      supportKind: 'pendanaan',
      description: 'Dana pembinaan kemasan 10 IKM',
      agreementNumber: 'MoU/017/DISPERINDAG-MAL/2023',
      valueRp: 'Rp 150.000.000',
      startDate: '01/10/2023',
      endDate: '2024-09-30',
      status: 'agreed',
      eventId: event.id,
    });
    expect(res.status).toBe(303);
    const [row] = await t.deps.db
      .select()
      .from(stakeholderCommitments)
      .where(eq(stakeholderCommitments.stakeholderId, id));
    expect(row).toMatchObject({
      valueRp: 150_000_000n,
      startDate: '2023-10-01',
      endDate: '2024-09-30',
      status: 'agreed',
    });
    const page = textOf(await (await admin.get(`/stakeholders/${id}`)).text());
    expect(page).toContain('MoU/017/DISPERINDAG-MAL/2023');
    expect(page).toContain('Rp 150.000.000');
    expect(page).toContain('1 Okt 2023 – 30 Sep 2024');
    // The event it was made at is linked both ways.
    expect(page).toContain('Temu Mitra OVOP');
    const api = await admin.api(`/api/v1/stakeholders/${id}`);
    expect(api.body.commitments[0].valueRp).toBe('150000000');
  });

  it('refuses a commitment whose period ends before it starts, keeping the input and saving nothing', async () => {
    const id = await stakeholder('Asosiasi Contoh Tenun');
    const admin = await t.as('admin@ovop.test');
    const before = await commitmentCount();
    const res = await admin.post(`/stakeholders/${id}/commitments`, {
      supportKind: 'pelatihan',
      description: 'Pelatihan pewarna alam',
      startDate: '2024-06-01',
      endDate: '2024-05-31',
      status: 'proposed',
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(textOf(html)).toContain('Akhir periode tidak boleh sebelum awal periode.');
    expect(html).toContain('href="#f-endDate"');
    expect(html).toContain('Pelatihan pewarna alam');
    const api = await admin.api(`/api/v1/stakeholders/${id}/commitments`, {
      method: 'POST',
      body: {
        supportKind: 'pelatihan',
        description: 'x',
        startDate: '2024-06-01',
        endDate: '2024-05-31',
        status: 'proposed',
      },
    });
    expect(api.status).toBe(400);
    expect(api.body.error.fields).toContainEqual({
      path: 'endDate',
      message: 'Akhir periode tidak boleh sebelum awal periode.',
    });
    expect(await commitmentCount()).toBe(before);
  });

  it('keeps contacts, who can be invited to an event, linking the organisation to it', async () => {
    const id = await stakeholder('Kementerian Contoh');
    const admin = await t.as('admin@ovop.test');
    expect(
      (
        await admin.post(`/stakeholders/${id}/contacts`, {
          name: 'Ibu Contoh',
          position: 'Direktur',
          email: 'bad',
        })
      ).status,
    ).toBe(422);
    expect(
      (await admin.post(`/stakeholders/${id}/contacts`, { name: 'Ibu Contoh', position: 'Direktur' })).status,
    ).toBe(303);
    const contact = (await t.deps.db.query.stakeholderContacts.findFirst({
      where: (c, { eq }) => eq(c.stakeholderId, id),
    }))!;
    const event = await makeEvent(t, { title: 'Rapat koordinasi mitra' });
    expect(
      (await admin.post(`/events/${event.id}/participants/contacts`, { contactIds: contact.id })).status,
    ).toBe(303);
    const page = textOf(await (await admin.get(`/stakeholders/${id}`)).text());
    expect(page).toContain('Rapat koordinasi mitra');
    expect(page).toContain('Peserta');
    const eventPage = textOf(await (await admin.get(`/events/${event.id}`)).text());
    expect(eventPage).toContain('Kementerian Contoh — Peserta');
  });

  it('refuses a stale edit of an organisation', async () => {
    const id = await stakeholder('Media Contoh');
    const admin = await t.as('admin@ovop.test');
    const ok = await admin.post(`/stakeholders/${id}`, {
      name: 'Media Contoh Baru',
      type: 'media',
      version: '1',
    });
    expect(ok.status).toBe(303);
    const stale = await admin.post(`/stakeholders/${id}`, {
      name: 'Media Contoh Lain',
      type: 'media',
      version: '1',
    });
    expect(stale.status).toBe(409);
    const [row] = await t.deps.db.select().from(stakeholders).where(eq(stakeholders.id, id));
    expect(row!.name).toBe('Media Contoh Baru');
  });
});
