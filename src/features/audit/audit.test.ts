import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/audit.ts';
import { users } from '../../db/schema/accounts.ts';
import { createTestApp, type TestApp, type TestClient, textOf } from '../../../tests/helpers/app.ts';

let t: TestApp;
let admin: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.as('admin@ovop.test');
  await admin.post('/admin/users', {
    name: 'Audit One',
    email: 'audit1@ovop.test',
    role: 'penilai',
    locale: 'id',
  });
  const officer = await t.as('ambon@ovop.test');
  await officer.post('/account/tokens', { name: 'officer token' });
});
afterAll(() => t.close());

describe('the audit log', () => {
  it('cannot be changed or deleted, even by SQL', async () => {
    const failure = async (query: ReturnType<typeof sql>) => {
      try {
        await t.database.db.execute(query);
        return 'succeeded';
      } catch (err) {
        return String((err as { cause?: Error }).cause?.message ?? (err as Error).message);
      }
    };
    expect(await failure(sql`update audit_log set action = 'x'`)).toContain('append-only');
    expect(await failure(sql`delete from audit_log`)).toContain('append-only');
    expect((await t.database.db.select().from(auditLog)).every((r) => r.action !== 'x')).toBe(true);
  });

  it('shows who, what, which object, before/after, when and from where', async () => {
    const created = (await t.database.db.select().from(users).where(eq(users.email, 'audit1@ovop.test')))[0]!;
    const list = textOf(
      await (await admin.get(`/admin/audit?objectType=user&objectId=${created.id}`)).text(),
    );
    expect(list).toContain('user.create');
    expect(list).toContain('admin@ovop.test');
    expect(list).toContain('203.0.113.10');
    const [entry] = await t.database.db.select().from(auditLog).where(eq(auditLog.objectId, created.id));
    const detail = textOf(await (await admin.get(`/admin/audit/${entry!.id}`)).text());
    expect(detail).toContain('audit1@ovop.test');
    expect(detail).toMatch(/\d{1,2} \w{3} \d{4} \d{2}\.\d{2} WIT/);
  });

  it('filters by user, covering what they did and what was done as them', async () => {
    const officer = (await t.database.db.select().from(users).where(eq(users.email, 'ambon@ovop.test')))[0]!;
    const html = await (await admin.get(`/admin/audit?userId=${officer.id}`)).text();
    const rows = textOf(html.slice(html.indexOf('<tbody>'), html.indexOf('</tbody>')));
    expect(rows).toContain('api_token.create');
    expect(rows).toContain('ambon@ovop.test');
    expect(rows).not.toContain('admin@ovop.test');
  });

  it('filters by date in WIT and explains a bad date', async () => {
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jayapura' }).format(new Date());
    const [y, m, d] = today.split('-');
    const withToday = textOf(
      await (await admin.get(`/admin/audit?from=${d}/${m}/${y}&to=${d}/${m}/${y}`)).text(),
    );
    expect(withToday).toContain('user.create');
    const future = textOf(await (await admin.get('/admin/audit?from=01/01/2100')).text());
    expect(future).toContain('Tidak ada data yang cocok.');
    const bad = textOf(await (await admin.get('/admin/audit?from=31/02/2026')).text());
    expect(bad).toContain('Tanggal tidak valid');
  });

  it('is closed to everyone but the province admin', async () => {
    const officer = await t.as('ambon@ovop.test');
    expect((await officer.get('/admin/audit')).status).toBe(403);
  });
});
