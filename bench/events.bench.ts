/**
 * Events at a big briefing's scale on PGlite: an event with 1,000 people on its list (two thirds
 * present), its pages' server time and weight, a desk check-in, and the printed documents.
 */
import fs from 'node:fs';
import { loadConfig } from '../src/config.ts';
import { seedDemoAccounts } from '../src/db/seed/demo-accounts.ts';
import { systemActor } from '../src/platform/actor.ts';
import { setLogLevel } from '../src/platform/log.ts';
import { prepareDatabase } from '../src/main.ts';
import { measureGets, percentile, type Result, result, spawnServer, tempDir } from './lib.ts';
import { signInOverHttp } from './pages.ts';

const PEOPLE = 1000;
const CODES = [
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

async function seed(dir: string): Promise<{ eventId: string; absent: string[] }> {
  setLogLevel('warn');
  const config = loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'warn' });
  const database = await prepareDatabase(config);
  const { createEvent } = await import('../src/features/events/events.service.ts');
  const { addGuest } = await import('../src/features/events/participants.service.ts');
  const { recordSheet } = await import('../src/features/events/attendance.service.ts');
  const { createFollowUps } = await import('../src/features/events/followups.service.ts');
  const db = database.db;
  await seedDemoAccounts(db, config.PROVINCE_CODE);
  const actor = systemActor('bench');
  const now = Date.now();
  const event = await createEvent(
    db,
    actor,
    {
      title: 'Sosialisasi OVOP (bench)',
      kind: 'sosialisasi',
      startsAt: new Date(now - 3_600_000),
      endsAt: new Date(now + 8 * 3_600_000),
      venue: 'Aula',
      venueKabkotaCode: '81.71',
      organiser: 'Disperindag',
    },
    config.PROVINCE_CODE,
  );
  const ids: string[] = [];
  for (let i = 0; i < PEOPLE; i++) {
    const p = await addGuest(db, actor, event.id, {
      name: `Peserta ${i + 1} Latuconsina`,
      institution: 'Dinas Perindustrian Kabupaten',
      position: 'Pembina Industri',
      kabkotaCode: CODES[i % CODES.length],
      phone: `0812${String(i).padStart(8, '0')}`,
    });
    ids.push(p.id);
  }
  const present = Array.from({ length: PEOPLE }, (_, i) => i + 1).filter((n) => n % 3 !== 0);
  await recordSheet(db, actor, event.id, {
    seqs: present,
    walkInName: [],
    walkInInstitution: [],
    walkInKabkota: [],
  });
  await createFollowUps(db, actor, event.id, {
    title: 'Tindak lanjut',
    dueDate: '2024-01-31',
    kabkotaCodes: CODES,
  });
  await database.close();
  return { eventId: event.id, absent: ids.filter((_, i) => (i + 1) % 3 === 0) };
}

export async function run(): Promise<Result[]> {
  const dir = tempDir('events');
  try {
    const { eventId, absent } = await seed(dir);
    const server = await spawnServer({ DATA_DIR: dir });
    try {
      const cookie = await signInOverHttp(server.url, 'admin@ovop.test');
      const headers = { cookie };
      const page = `${server.url}/events/${eventId}`;
      const eventTimes = await measureGets([page], 60, headers);
      const listTimes = await measureGets(
        [`${page}/participants`, `${page}/checkin`, `${page}/checkin?q=Peserta+5`],
        60,
        headers,
      );
      const html = await (await fetch(page, { headers })).text();
      const css = await (await fetch(`${server.url}/static/css/app.css`)).text();
      const weightKb = (Buffer.byteLength(html) + Buffer.byteLength(css)) / 1024;

      // Desk check-ins of people not yet present (each a POST with its CSRF token).
      const checkin = await (await fetch(`${page}/checkin`, { headers })).text();
      const token = /name="_csrf" value="([^"]+)"/.exec(checkin)?.[1] ?? '';
      const posts: number[] = [];
      for (const id of absent.slice(0, 40)) {
        const t0 = performance.now();
        const res = await fetch(`${page}/checkin/${id}`, {
          method: 'POST',
          redirect: 'manual',
          headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ _csrf: token }),
        });
        await res.arrayBuffer();
        if (res.status !== 303) throw new Error(`check-in answered ${res.status}`);
        posts.push(performance.now() - t0);
      }

      const timed = async (path: string) => {
        const t0 = performance.now();
        const res = await fetch(`${page}/${path}`, { headers });
        const bytes = (await res.arrayBuffer()).byteLength;
        if (!res.ok) throw new Error(`${path} answered ${res.status}`);
        return { ms: performance.now() - t0, kb: bytes / 1024 };
      };
      await timed('attendance-sheet.pdf'); // warm: fonts and pdf-lib load once
      const sheet = await timed('attendance-sheet.pdf');
      const report = await timed('report.pdf');
      const xlsx = await timed('attendance.xlsx');
      return [
        result(`event page, ${PEOPLE} on the list (PGlite, p95)`, percentile(eventTimes, 95), 'ms', 100),
        result('participants and check-in list pages (PGlite, p95)', percentile(listTimes, 95), 'ms', 100),
        result('event page weight, HTML + CSS', weightKb, 'KB', 100),
        result('desk check-in POST (PGlite, p95)', percentile(posts, 95), 'ms', 100),
        result(`attendance sheet PDF, ${PEOPLE} rows`, sheet.ms, 'ms', 5000, `${Math.round(sheet.kb)} KB`),
        result(
          `event report PDF, ${Math.round((PEOPLE * 2) / 3)} present`,
          report.ms,
          'ms',
          5000,
          `${Math.round(report.kb)} KB`,
        ),
        result('attendance xlsx', xlsx.ms, 'ms', null, `${Math.round(xlsx.kb)} KB`),
      ];
    } finally {
      await server.stop();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
