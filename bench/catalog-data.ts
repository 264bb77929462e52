/**
 * Catalog data on top of the registry bench's generated rows (registry-data.ts, which gives the slugs), set-based:
 * seven products in ten published, half with a cover photo (one shared file; the bench measures the
 * pages, not images), a third with a story, half the IKMs consenting to show contacts, and halal
 * (a quarter of the food IKMs) and SNI (one IKM in 33) certificates, a tenth of them expired.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../src/db/client.ts';

const FAKE_SHA = 'b'.repeat(64);

export async function generateCatalog(db: Db, log: (s: string) => void = () => {}): Promise<void> {
  await db.execute(sql`
    update ikm set
      contact_public = abs(hashtext(id::text)) % 2 = 0`);
  log('  catalog: contact consent');
  await db.execute(sql`
    insert into files (sha256, size, mime) values (${FAKE_SHA}, 20000, 'image/webp') on conflict do nothing`);
  await db.execute(sql`
    insert into product_photos (id, product_id, kabkota_code, file_sha256, file_mime, thumb_sha256, display_sha256,
      width, height, position)
    select md5('photo' || p.id)::uuid, p.id, p.kabkota_code, ${FAKE_SHA}, 'image/webp', ${FAKE_SHA}, ${FAKE_SHA},
      960, 720, 0
    from products p where abs(hashtext(p.id::text)) % 2 = 0`);
  log('  catalog: photos');
  await db.execute(sql`
    update products set
      published = abs(hashtext('pub' || id::text)) % 10 < 7,
      cover_photo_id = case when abs(hashtext(id::text)) % 2 = 0 then md5('photo' || id)::uuid end,
      story_id = case when abs(hashtext('story' || id::text)) % 3 = 0
        then 'Dibuat oleh perajin desa dengan bahan baku lokal.' end`);
  log('  catalog: publication, covers, stories');
  await db.execute(sql`
    insert into legal_documents (id, ikm_id, province_code, kabkota_code, kind, number, issuer, expiry_date)
    select md5('halal' || i.id)::uuid, i.id, i.province_code, i.kabkota_code, 'halal',
      'ID81' || lpad((abs(hashtext(i.id::text)) % 100000000)::text, 10, '0'), 'BPJPH',
      current_date + (abs(hashtext('exp' || i.id::text)) % 1500 - 150)
    from ikm i where 'makanan_minuman' = any(i.commodities) and abs(hashtext('halal' || i.id::text)) % 4 = 0`);
  await db.execute(sql`
    insert into legal_documents (id, ikm_id, province_code, kabkota_code, kind, number, issuer, expiry_date)
    select md5('sni' || i.id)::uuid, i.id, i.province_code, i.kabkota_code, 'sni',
      'SNI-' || (abs(hashtext(i.id::text)) % 1000000)::text, 'LSPro', current_date + 700
    from ikm i where abs(hashtext('sni' || i.id::text)) % 33 = 0`);
  log('  catalog: certificates');
}
