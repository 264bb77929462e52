/** Spreadsheets of an event: its participants, and its attendance with the coverage per kab/kota. */
import type { Db } from '../../db/client.ts';
import type { Lang } from '../../platform/domain.ts';
import { type ExportSheet, xlsxResponse } from '../../platform/export.ts';
import { formatDate, timeZone as timeZoneOf } from '../../platform/format.ts';
import { translator } from '../../platform/i18n.ts';
import { listKabkota } from '../regions/regions.service.ts';
import { eventCoverage } from './coverage.service.ts';
import { methodLabel, participantKindLabel, sourceLabel } from './events.labels.ts';
import { eventsText } from './events.messages.ts';
import type { EventRow } from './events.service.ts';
import { allParticipants, type ParticipantView } from './participants.service.ts';

function fileBase(event: EventRow, what: string): string {
  const slug = event.title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 50);
  return `${what}-${slug}-${formatDate(event.startsAt, 'en').replace(/\s/g, '')}.xlsx`;
}

/** Everyone on the list, with their personal check-in link (the admin sends these). */
export async function participantsXlsx(
  db: Db,
  event: EventRow,
  lang: Lang,
  personalUrl: (p: ParticipantView) => string,
): Promise<Response> {
  const t = translator(eventsText, lang);
  const [people, kabkota] = await Promise.all([
    allParticipants(db, event.id),
    listKabkota(db, event.provinceCode),
  ]);
  const names = new Map(kabkota.map((k) => [k.code, k.name]));
  const sheet: ExportSheet = {
    name: t('sectionParticipants'),
    columns: [
      { header: t('no'), width: 6 },
      { header: t('name'), width: 30 },
      { header: t('institution'), width: 30 },
      { header: t('position'), width: 22 },
      { header: t('kabkota'), width: 22 },
      { header: t('phone'), width: 16 },
      { header: t('email'), width: 28 },
      { header: t('participantKind'), width: 14 },
      { header: t('source'), width: 16 },
      { header: t('attended'), width: 8 },
      { header: t('checkinTime'), width: 18, numFmt: 'dd/mm/yyyy hh:mm' },
      { header: t('personalLink'), width: 60 },
    ],
    rows: people.map((p) => [
      p.seq,
      p.name,
      p.institution,
      p.position,
      p.kabkotaCode ? (names.get(p.kabkotaCode) ?? p.kabkotaCode) : t('kabkotaNone'),
      p.phone,
      p.email,
      participantKindLabel(p.kind, lang),
      sourceLabel(p.source, lang),
      p.attendance ? t('attended') : '',
      p.attendance ? localWallClock(p.attendance.checkedInAt) : null,
      personalUrl(p),
    ]),
  };
  return xlsxResponse(fileBase(event, 'peserta'), [sheet]);
}

/** Who was present (with the kab/kota recorded then), and a second sheet of coverage by kab/kota. */
export async function attendanceXlsx(db: Db, event: EventRow, lang: Lang): Promise<Response> {
  const t = translator(eventsText, lang);
  const [people, coverage] = await Promise.all([
    allParticipants(db, event.id, { present: true }),
    eventCoverage(db, event),
  ]);
  const names = new Map(coverage.rows.map((r) => [r.code, r.name]));
  const present = people.filter((p) => p.attendance);
  const attendance: ExportSheet = {
    name: t('sectionAttendance'),
    columns: [
      { header: t('no'), width: 6 },
      { header: t('name'), width: 30 },
      { header: t('institution'), width: 30 },
      { header: t('kabkotaAtAttendance'), width: 24 },
      { header: t('checkinTime'), width: 18, numFmt: 'dd/mm/yyyy hh:mm' },
      { header: t('method'), width: 20 },
    ],
    rows: present.map((p) => [
      p.seq,
      p.name,
      p.institution,
      p.attendance!.kabkotaCode
        ? (names.get(p.attendance!.kabkotaCode) ?? p.attendance!.kabkotaCode)
        : t('kabkotaNone'),
      localWallClock(p.attendance!.checkedInAt),
      methodLabel(p.attendance!.method, lang),
    ]),
  };
  const byKabkota: ExportSheet = {
    name: t('sectionCoverage'),
    columns: [
      { header: t('kabkota'), width: 28 },
      { header: t('coverageInvited'), width: 12 },
      { header: t('coverageAttended'), width: 14 },
      { header: t('coverageState'), width: 14 },
    ],
    rows: [
      ...coverage.rows.map((r) => [
        r.name,
        r.invited,
        r.attended,
        r.attended > 0 ? t('represented') : t('notRepresented'),
      ]),
      [t('coverageOther'), coverage.other.invited, coverage.other.attended, ''],
      [t('total'), null, null, t('coverageLine', { present: coverage.present, total: coverage.total })],
    ],
  };
  return xlsxResponse(fileBase(event, 'kehadiran'), [attendance, byKabkota]);
}

/**
 * Excel has no time zones: a date cell is a wall-clock time. Shift the instant so the cell shows the
 * province's time (WIT), which is what the reader expects to see.
 */
function localWallClock(instant: Date): Date {
  const parts = new Intl.DateTimeFormat('en', {
    timeZone: timeZoneOf(),
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const g = (k: string) => Number(parts.find((p) => p.type === k)?.value);
  return new Date(Date.UTC(g('year'), g('month') - 1, g('day'), g('hour'), g('minute'), g('second')));
}
