/**
 * Coaching pages, server time (app.request in process, rendering included) at province scale on
 * PGlite: 10,000 IKM, ten years of programmes (1,000, 30 participants each, outcomes for two in
 * five), 5,000 recommendations; measured against the list pages' budget (p95 ≤ 50 ms), with the
 * programme page's weight against the signed-in page budget (≤ 100 KB).
 */
import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import { createApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { type Db, queryRows } from '../src/db/client.ts';
import { buildDeps, prepareDatabase } from '../src/main.ts';
import { encodeCursor } from '../src/platform/keyset.ts';
import { setLogLevel } from '../src/platform/log.ts';
import { type Result, result, root, tempDir } from './lib.ts';
import { benchSession, measurePages, slowestNote } from './pages.ts';
import { generateRegistry } from './registry-data.ts';

const MALUKU = [
  '81.01',
  '81.02',
  '81.03',
  '81.04',
  '81.05',
  '81.06',
  '81.07',
  '81.08',
  '81.09',
  '81.71',
  '81.72',
];
const IKM = 10_000;
const PROGRAMMES = 1_000;
const PER_PROGRAMME = 30;
const RECOMMENDATIONS = 5_000;
const ROUNDS = 40;
const SUBJECT = '0190a0b0-c0d0-7e00-8f00-000000000001';

/**
 * A valid UUID (version 4 and its variant bits set) made from an md5, so rows can refer to one
 * another by number; pages refuse ids that are not UUIDs.
 */
const uid = (expr: string) =>
  sql.raw(`overlay(overlay(md5(${expr}) placing '4' from 13) placing '8' from 17)::uuid`);
const A = (xs: string[]) => sql.raw(`(ARRAY[${xs.map((x) => `'${x}'`).join(',')}])`);
const KINDS = [
  'training',
  'packaging_branding',
  'certification',
  'export_coaching',
  'equipment',
  'promotion',
];
const FUNDING = ['apbd_provinsi', 'apbd_kabkota', 'tugas_pembantuan', 'apbn', 'partner'];

/** Programmes, participants, outcomes, recommendations and IKM event attendance, set-based. */
export async function generateCoaching(db: Db): Promise<void> {
  const codes = A(MALUKU);
  await db.execute(sql`
    insert into coaching_programmes (id, province_code, kabkota_code, title, kind, certification_kind,
      funding_source, level, start_date, end_date, budget_rp, organiser)
    select ${uid("'prog' || p")}, '81', case when p % 3 = 0 then ${codes}[1 + p % 11] end,
      'Program ' || ${A(KINDS)}[1 + p % 6] || ' angkatan ' || p, ${A(KINDS)}[1 + p % 6],
      case when 1 + p % 6 = 3 then 'halal' end, ${A(FUNDING)}[1 + p % 5],
      case when p % 3 = 0 then 'kabkota' when p % 7 = 0 then 'centre' else 'province' end,
      current_date - (${PROGRAMMES} - p) * 4, current_date - (${PROGRAMMES} - p) * 4 + 45,
      (1 + p % 20) * 10000000::bigint, 'Disperindag'
    from generate_series(1, ${PROGRAMMES}::int) p`);
  // Participants: IKMs of the programme's kab/kota for a kab/kota programme (IKM i lies in
  // kab/kota i mod 11, as the registry generator spreads them), any IKM for the others.
  await db.execute(sql`
    insert into coaching_participants (id, programme_id, ikm_id, province_code, kabkota_code)
    select ${uid("'part' || p || '-' || k")}, ${uid("'prog' || p")}, i.id, i.province_code, i.kabkota_code
    from generate_series(1, ${PROGRAMMES}::int) p cross join generate_series(1, ${PER_PROGRAMME}::int) k
    join ikm i on i.id = md5('ikm' || (case when p % 3 = 0 then p % 11 + 11 * (1 + (p * 37 + k * 13) % 908)
      else 1 + (p * 37 + k * 101) % ${IKM} end))::uuid`);
  await db.execute(sql`
    insert into coaching_outcomes (id, programme_id, participant_id, ikm_id, province_code, kabkota_code, kind,
      document_kind, evidence_number, achieved_on, description)
    select ${uid("'out' || cp.id")}, cp.programme_id, cp.id, cp.ikm_id, cp.province_code, cp.kabkota_code,
      case when p.kind = 'certification' then 'certificate_obtained' when p.kind = 'packaging_branding'
        then 'new_packaging' else 'training_completed' end,
      case when p.kind = 'certification' then 'halal' end,
      case when p.kind = 'certification' then 'ID81' || abs(hashtext(cp.id::text)) end,
      p.start_date + 40, 'Capaian peserta'
    from coaching_participants cp join coaching_programmes p on p.id = cp.programme_id
    where abs(hashtext(cp.id::text)) % 5 < 2`);
  await db.execute(sql`
    insert into coaching_recommendations (id, ikm_id, province_code, kabkota_code, source, coaching_kind,
      certification_kind, text, created_at, acted_on_programme_id, acted_on_at)
    select ${uid("'rec' || r")}, i.id, i.province_code, i.kabkota_code,
      case when r % 3 = 0 then 'manual' else 'gap_analysis' end, ${A(KINDS)}[1 + r % 6],
      case when 1 + r % 6 = 3 then 'halal' end, 'Kebutuhan pembinaan nomor ' || r,
      now() - r * interval '1 hour',
      case when r % 5 < 2 then ${uid("'prog' || (1 + r % " + PROGRAMMES + ')')} end,
      case when r % 5 < 2 then now() end
    from generate_series(1, ${RECOMMENDATIONS}::int) r
    join ikm i on i.id = md5('ikm' || (1 + (r * 7) % ${IKM}))::uuid`);
  // Open programmes now, one of each kind, so recommendations find matches.
  await db.execute(sql`
    update coaching_programmes set end_date = current_date + 60
    where id in (select ${uid("'prog' || p")} from generate_series(${PROGRAMMES - 6}::int, ${PROGRAMMES}::int) p)`);
  // The IKM whose timeline and profile are measured: the generator's ids are not valid UUIDs, so a
  // copy of IKM 1 with a real id, in a dozen programmes with outcomes and a legal document.
  await db.execute(sql`
    insert into ikm (id, province_code, kabkota_code, desa, name, owner_name, search_text, commodities)
    select ${SUBJECT}::uuid, province_code, kabkota_code, desa, name || ' (linimasa)', owner_name, search_text, commodities
    from ikm where id = md5('ikm1')::uuid`);
  await db.execute(sql`
    insert into coaching_participants (id, programme_id, ikm_id, province_code, kabkota_code)
    select ${uid("'subject' || p")}, ${uid("'prog' || p")}, ${SUBJECT}::uuid, '81', kabkota_code
    from generate_series(1, ${PROGRAMMES}::int, 83) p, ikm where ikm.id = ${SUBJECT}::uuid`);
  await db.execute(sql`
    insert into coaching_outcomes (id, programme_id, participant_id, ikm_id, province_code, kabkota_code, kind,
      achieved_on, description)
    select ${uid("'subject-out' || cp.id")}, cp.programme_id, cp.id, cp.ikm_id, cp.province_code, cp.kabkota_code,
      'training_completed', p.start_date + 30, 'Pelatihan selesai'
    from coaching_participants cp join coaching_programmes p on p.id = cp.programme_id
    where cp.ikm_id = ${SUBJECT}::uuid`);
  await db.execute(sql`
    insert into legal_documents (id, ikm_id, province_code, kabkota_code, kind, number, issue_date, expiry_date)
    select ${uid("'subject-doc'")}, id, province_code, kabkota_code, 'halal', 'ID8111000012345', current_date - 400,
      current_date + 1000 from ikm where id = ${SUBJECT}::uuid`);
}

export async function run(): Promise<Result[]> {
  setLogLevel('silent');
  const dir = tempDir('coaching');
  const config = loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent' });
  const database = await prepareDatabase(config);
  try {
    const { db } = database;
    const t0 = performance.now();
    await generateRegistry(db, { ikm: IKM, kabkota: MALUKU, batch: IKM });
    await generateCoaching(db);
    await db.execute(sql`analyze`);
    const [counts] = await queryRows<{ p: number; o: number }>(
      db,
      sql`select (select count(*)::int from coaching_participants) as p, (select count(*)::int from coaching_outcomes) as o`,
    );
    process.stdout.write(
      `  coaching data generated in ${Math.round(performance.now() - t0)} ms (${counts!.p} participants, ${counts!.o} outcomes)\n`,
    );
    const app = createApp(await buildDeps(config, database));
    const admin = await benchSession(db, 'bench-admin@ovop.test', 'admin_provinsi');
    const officer = await benchSession(db, 'bench-ambon@ovop.test', 'petugas_kabkota', '81.71');
    const [mid] = await queryRows<{ d: string; id: string }>(
      db,
      sql`select start_date::text as d, id from coaching_programmes order by start_date desc, id desc offset 500 limit 1`,
    );
    const deep = encodeCursor([mid!.d, mid!.id]);
    const [busy] = await queryRows<{ id: string }>(
      db,
      sql`select programme_id as id from coaching_outcomes group by programme_id order by count(*) desc limit 1`,
    );
    const subject = { id: SUBJECT };
    const lists = await measurePages(
      app,
      {
        'programmes, first page (admin)': { url: '/coaching/programmes', cookie: admin },
        'programmes, own kab/kota (officer)': { url: '/coaching/programmes', cookie: officer },
        'programmes, kind and year': {
          url: '/coaching/programmes?kind=certification&year=2020',
          cookie: admin,
        },
        'programmes, under way': { url: '/coaching/programmes?phase=ongoing', cookie: admin },
        'programmes, deep keyset page': { url: `/coaching/programmes?after=${deep}`, cookie: admin },
        'programmes, title search': { url: '/coaching/programmes?q=angkatan+77', cookie: admin },
        'recommendations (admin)': { url: '/coaching/recommendations', cookie: admin },
        'recommendations (officer)': { url: '/coaching/recommendations', cookie: officer },
      },
      ROUNDS,
    );
    const pages = await measurePages(
      app,
      {
        'programme page, 30 participants': { url: `/coaching/programmes/${busy!.id}`, cookie: admin },
        'IKM timeline': { url: `/registry/ikm/${subject.id}/timeline`, cookie: admin },
        'IKM profile with its coaching section': { url: `/registry/ikm/${subject.id}`, cookie: admin },
      },
      ROUNDS,
    );
    // The registry's own list page, measured the same way: a reference for how loaded the machine is.
    const reference = await measurePages(
      app,
      { 'registry IKM list': { url: '/registry/ikm', cookie: admin } },
      ROUNDS,
    );
    const html = await (
      await app.request(`http://localhost/coaching/programmes/${busy!.id}`, { headers: { cookie: admin } })
    ).text();
    const css = fs.readFileSync(`${root}/public/css/app.css`, 'utf8');
    const weightKb = (Buffer.byteLength(html) + Buffer.byteLength(css)) / 1024;
    const t1 = performance.now();
    const xlsx = await app.request('http://localhost/coaching/programmes/export.xlsx?year=2020', {
      headers: { cookie: admin },
    });
    const xlsxKb = (await xlsx.arrayBuffer()).byteLength / 1024;
    const xlsxMs = performance.now() - t1;
    return [
      result(
        `coaching list pages p95, province scale (${PROGRAMMES} programmes, ${RECOMMENDATIONS} recommendations, PGlite)`,
        lists.p95,
        'ms',
        50,
        slowestNote(lists),
      ),
      result(
        'programme page, IKM timeline and profile p95 (PGlite)',
        pages.p95,
        'ms',
        50,
        slowestNote(pages),
      ),
      result(
        'reference: registry IKM list page p95 in the same run (PGlite)',
        reference.p95,
        'ms',
        null,
        slowestNote(reference),
      ),
      result('programme page weight, HTML + CSS', weightKb, 'KB', 100),
      result('programmes of a year as xlsx', xlsxMs, 'ms', null, `${Math.round(xlsxKb)} KB`),
    ];
  } finally {
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
