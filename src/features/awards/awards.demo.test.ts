import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, textOf } from '../../../tests/helpers/app.ts';
import { cycles } from '../../db/schema/cycles.ts';
import { earlierAwards, nominations } from '../../db/schema/nominations.ts';
import { certificates, cyclePublications } from '../../db/schema/scoring.ts';
import { seedDemo } from '../../db/seed/index.ts';
import { cycleSlug } from './awards.service.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemo({ db: t.deps.db, config: t.config, files: t.deps.files });
}, 180_000);
afterAll(() => t.close());

describe('the awards demo data', () => {
  it('publishes the 2024 round with certificates, so the catalog shows stars and /verifikasi answers', async () => {
    const db = t.deps.db;
    const [c2024] = await db.select().from(cycles).where(eq(cycles.year, 2024));
    const [pub] = await db.select().from(cyclePublications).where(eq(cyclePublications.cycleId, c2024!.id));
    expect(pub).toBeDefined();
    const certs = await db.select().from(certificates).where(eq(certificates.cycleId, c2024!.id));
    expect(certs.length).toBeGreaterThanOrEqual(2);
    const states = (await db.select().from(nominations).where(eq(nominations.cycleId, c2024!.id))).map(
      (n) => n.state,
    );
    expect(states).toContain('published');
    expect(states).not.toContain('admin_passed');
    const history = await db.select().from(earlierAwards).where(eq(earlierAwards.cycleId, c2024!.id));
    expect(history.map((h) => h.source)).toEqual(certs.map(() => 'earlier_cycle'));

    const page = await t.client().get(`/verifikasi/${certs[0]!.code}`);
    expect(page.status).toBe(200);
    expect(textOf(await page.text())).toContain('Sertifikat asli dan berlaku');
    const results = await t.client().get(`/hasil/${cycleSlug(c2024!.name)}`);
    expect(results.status).toBe(200);
    const api = await t.client().api('/api/v1/catalog/products?star=1');
    expect(api.body.items.length).toBeGreaterThan(0);
    expect(api.body.items[0].award.verificationUrl).toMatch(/\/verifikasi\/[A-Za-z0-9_-]{22}$/);
  });
});
