/** Shared set-up for the events feature's tests: events around "now", and reading their pages. */
import { eq } from 'drizzle-orm';
import { users } from '../../src/db/schema/accounts.ts';
import { createEvent, type EventRow } from '../../src/features/events/events.service.ts';
import { systemActor } from '../../src/platform/actor.ts';
import { toLocalInput } from '../../src/platform/format.ts';
import type { TestApp } from './app.ts';

const HOUR = 3_600_000;

/** The form fields of an event, as a browser would post them (WIT wall-clock times). */
export function eventForm(overrides: Record<string, string> = {}, now = Date.now()): Record<string, string> {
  return {
    title: 'Sosialisasi OVOP bagi Aparatur Industri',
    kind: 'sosialisasi',
    startsAt: toLocalInput(new Date(now - HOUR)),
    endsAt: toLocalInput(new Date(now + 3 * HOUR)),
    venue: 'Aula Disperindag Provinsi Maluku',
    venueKabkotaCode: '81.71',
    organiser: 'Disperindag Provinsi Maluku',
    ...overrides,
  };
}

/** An event made directly through the service, by default running now. */
export async function makeEvent(
  t: TestApp,
  opts: { startsAt?: Date; endsAt?: Date; title?: string; kind?: EventRow['kind']; cycleId?: string } = {},
): Promise<EventRow> {
  const now = Date.now();
  return createEvent(
    t.deps.db,
    systemActor('test'),
    {
      title: opts.title ?? 'Bimtek Pengemasan',
      kind: opts.kind ?? 'bimtek',
      startsAt: opts.startsAt ?? new Date(now - HOUR),
      endsAt: opts.endsAt ?? new Date(now + 3 * HOUR),
      venue: 'Hotel di Ambon',
      venueKabkotaCode: '81.71',
      organiser: 'Disperindag Provinsi Maluku',
      cycleId: opts.cycleId,
    },
    t.config.PROVINCE_CODE,
  );
}

export async function userId(t: TestApp, email: string): Promise<string> {
  const [u] = await t.deps.db.select({ id: users.id }).from(users).where(eq(users.email, email));
  return u!.id;
}

/** The id at the end of a redirect to /events/<id>. */
export function idFromLocation(res: Response): string {
  const location = res.headers.get('location') ?? '';
  const m = /\/events\/([0-9a-f-]{36})/.exec(location);
  if (!m) throw new Error(`no event id in ${res.status} ${location}`);
  return m[1]!;
}

/** The text of a PDF, as a reader's copy-and-paste would get it. */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  const { PDFParse } = await import('pdf-parse');
  const parser = new PDFParse({ data: bytes });
  try {
    return (await parser.getText()).text;
  } finally {
    await parser.destroy();
  }
}
