/**
 * Demo catalog (`ovop seed --demo`, after the registry): the office publishes the products of the
 * demo IKMs that hold a NIB (the rest stay drafts, as new products do), and two buyers' inquiries
 * wait in the inboxes of Kota Ambon and Kepulauan Tanimbar.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client.ts';
import { inquiries } from '../../db/schema/catalog.ts';
import { ikm, products } from '../../db/schema/registry.ts';
import { systemActor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';

const DEMO_INQUIRIES = [
  {
    kabkota: '81.03',
    reference: 'DEMO7TNB01',
    name: 'Anneke de Vries',
    company: 'Weefatelier Noord',
    country: 'Belanda',
    email: 'anneke@contoh.test',
    quantity: '20 lembar per kuartal',
    message:
      'Kami tertarik dengan kain tenun ikat Tanimbar untuk toko kami di Groningen. Apakah tersedia motif dengan pewarna alam, dan berapa lama waktu produksinya?',
    lang: 'id' as const,
  },
  {
    kabkota: '81.71',
    reference: 'DEMO7AMB02',
    name: 'Budi Santoso',
    company: 'Galeri Nusantara Jakarta',
    country: 'Indonesia',
    email: 'budi@contoh.test',
    quantity: '100 buah',
    message: 'Mohon informasi harga grosir dan contoh produk kerajinan kulit mutiara untuk galeri kami.',
    lang: 'id' as const,
  },
];

/** Publishes the demo products of IKMs with a NIB and adds two inquiries (once). */
export async function seedDemoCatalog(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    const published = await queryRows<{ id: string }>(
      tx,
      sql`update products p set published = true
          from ikm i
          where i.id = p.ikm_id and i.nib is not null and p.archived_at is null and not p.published
          returning p.id`,
    );
    for (const demo of DEMO_INQUIRIES) {
      const [target] = await tx
        .select({ id: products.id, ikmId: products.ikmId, provinceCode: products.provinceCode })
        .from(products)
        .innerJoin(ikm, eq(ikm.id, products.ikmId))
        .where(and(eq(products.kabkotaCode, demo.kabkota), eq(products.published, true)))
        .orderBy(asc(ikm.name), asc(products.name))
        .limit(1);
      if (!target) continue;
      const { kabkota, ...fields } = demo;
      const [row] = await tx
        .insert(inquiries)
        .values({
          ...fields,
          productId: target.id,
          ikmId: target.ikmId,
          provinceCode: target.provinceCode,
          kabkotaCode: kabkota,
        })
        .onConflictDoNothing({ target: inquiries.reference })
        .returning({ id: inquiries.id });
      if (row)
        await writeAudit(tx, systemActor('seed'), {
          action: 'inquiry.create',
          objectType: 'inquiry',
          objectId: row.id,
          regionCode: kabkota,
          after: { reference: demo.reference, productId: target.id, country: demo.country },
        });
    }
    await writeAudit(tx, systemActor('seed'), {
      action: 'catalog.demo_seed',
      objectType: 'catalog',
      after: { published: published.length },
    });
  });
}
