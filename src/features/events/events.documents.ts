/**
 * The feature's printable documents: the attendance sheet (daftar hadir) with a signature column, the
 * door QR poster, and the event report for the head of office. PDF, QR and map code load on demand.
 */
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/actor.ts';
import type { Lang } from '../../platform/domain.ts';
import type { FileStore } from '../../platform/files.ts';
import { formatDate, formatDateTime, formatRupiah } from '../../platform/format.ts';
import { render, translator } from '../../platform/i18n.ts';
import { ui } from '../../platform/ui/messages.ts';
import { listKabkota } from '../regions/regions.service.ts';
import { eventCoverage } from './coverage.service.ts';
import {
  commitmentStatusLabel,
  eventWhen,
  followUpStatusLabel,
  kindLabel,
  methodLabel,
  phaseLabel,
  stakeholderRoleLabel,
  supportLabel,
} from './events.labels.ts';
import { eventLabels, eventsText, followUpText, stakeholderText } from './events.messages.ts';
import { eventPhase, SHEET_BLANK_ROWS } from './events.rules.ts';
import { type EventRow, eventStakeholderLinks, listEventFiles, listSpeakers } from './events.service.ts';
import { followUpsOfEvent } from './followups.service.ts';
import { allParticipants, lastSeq } from './participants.service.ts';
import { commitmentsOfEvent } from './stakeholders.service.ts';

/** The office's name on every page, as on the letterhead. */
function letterhead(lang: Lang): string[] {
  return [
    render(ui.office, lang).toUpperCase(),
    render(ui.provinceGovt, lang, { province: 'Maluku' }).toUpperCase(),
  ];
}

async function writer(lang: Lang, title: string, orientation: 'portrait' | 'landscape' = 'portrait') {
  const { PdfWriter } = await import('../../platform/pdf.ts');
  const t = translator(eventsText, lang);
  return PdfWriter.create({
    lang,
    title,
    orientation,
    header: letterhead(lang),
    footer: t('printedAt', { time: formatDateTime(new Date(), lang) }),
  });
}

async function kabkotaNames(db: Db, provinceCode: string): Promise<Map<string, string>> {
  return new Map((await listKabkota(db, provinceCode)).map((k) => [k.code, k.name]));
}

/**
 * The printable attendance sheet: every person on the list under their stable number, then numbered
 * blank rows for people not on it, each with room to sign. The numbers are what is typed back.
 */
export async function attendanceSheetPdf(db: Db, event: EventRow, lang: Lang): Promise<Uint8Array> {
  const t = translator(eventsText, lang);
  const [people, names, last] = await Promise.all([
    allParticipants(db, event.id),
    kabkotaNames(db, event.provinceCode),
    lastSeq(db, event.id),
  ]);
  const pdf = await writer(lang, `${t('sheetTitle')} — ${event.title}`, 'landscape');
  await pdf.heading(t('sheetTitle'));
  await pdf.keyValues([
    [t('eventTitle'), event.title],
    [t('sheetDate'), eventWhen(event, lang)],
    [t('venue'), `${event.venue}, ${names.get(event.venueKabkotaCode) ?? event.venueKabkotaCode}`],
  ]);
  const rows = people.map((p) => [
    String(p.seq),
    p.name,
    [p.institution, p.position].filter(Boolean).join(' / '),
    p.kabkotaCode ? (names.get(p.kabkotaCode) ?? p.kabkotaCode) : t('kabkotaNone'),
    `${p.seq}.`,
  ]);
  for (let i = 1; i <= SHEET_BLANK_ROWS; i++) rows.push([String(last + i), '', '', '', `${last + i}.`]);
  const seqOf = (row: number) => Number(rows[row]?.[0] ?? 0);
  await pdf.table({
    columns: [
      { header: t('no'), width: 0.6, align: 'right' },
      { header: t('name'), width: 3.2 },
      { header: `${t('institution')} / ${t('position')}`, width: 3.4 },
      { header: t('kabkota'), width: 2.2 },
      { header: t('signature'), width: 2.8 },
    ],
    rows,
    size: 9.5,
    minRowHeight: 26,
    // Numbers in the signature column step left and right, as on the usual Indonesian sheet.
    cellAlign: (row, col) => (col === 4 ? (seqOf(row) % 2 === 1 ? 'left' : 'center') : undefined),
  });
  return pdf.finish();
}

/** A poster for the door: the event, a large QR code and its link written out. */
export async function doorPosterPdf(db: Db, event: EventRow, url: string, lang: Lang): Promise<Uint8Array> {
  const t = translator(eventsText, lang);
  const names = await kabkotaNames(db, event.provinceCode);
  const { qrPng } = await import('../../platform/qr.ts');
  const pdf = await writer(lang, `${t('doorTitle')} — ${event.title}`);
  pdf.space(20);
  await pdf.heading(event.title);
  await pdf.text(eventWhen(event, lang), { align: 'center', size: 12 });
  await pdf.text(`${event.venue}, ${names.get(event.venueKabkotaCode) ?? ''}`, { align: 'center', size: 12 });
  pdf.space(16);
  await pdf.text(t('scanToCheckIn'), { align: 'center', size: 20, bold: true });
  await pdf.image(await qrPng(url, { size: 900, level: 'Q' }), { maxWidth: 340, maxHeight: 340 });
  await pdf.text(url, { align: 'center', size: 10 });
  return pdf.finish();
}

/** The report handed to the head of office: what happened, who came from where, what follows. */
export async function eventReportPdf(
  db: Db,
  store: FileStore,
  actor: Actor,
  event: EventRow,
  lang: Lang,
): Promise<Uint8Array> {
  const t = translator(eventsText, lang);
  const f = translator(followUpText, lang);
  const [names, speakers, coverage, people, photos, actions, links, commitments] = await Promise.all([
    kabkotaNames(db, event.provinceCode),
    listSpeakers(db, event.id),
    eventCoverage(db, event),
    allParticipants(db, event.id, { present: true }),
    listEventFiles(db, event.id, 'photo'),
    followUpsOfEvent(db, actor, event.id),
    eventStakeholderLinks(db, event.id),
    commitmentsOfEvent(db, event.id),
  ]);
  const kab = (code: string | null) => (code ? (names.get(code) ?? code) : t('kabkotaNone'));
  const pdf = await writer(lang, `${t('reportTitle')} — ${event.title}`);
  await pdf.heading(t('reportTitle'));
  await pdf.text(event.title, { align: 'center', size: 13, bold: true, after: 10 });
  await pdf.keyValues([
    [t('kind'), kindLabel(event.kind, lang)],
    [t('when'), eventWhen(event, lang)],
    [t('venue'), `${event.venue}, ${names.get(event.venueKabkotaCode) ?? ''}`],
    [t('organiser'), event.organiser],
    [t('status'), phaseLabel(eventPhase(event), lang)],
    [
      t('sectionParticipants'),
      t('participantsCount', { listed: people.length, present: people.filter((p) => p.attendance).length }),
    ],
  ]);
  if (event.description) await pdf.text(event.description);

  await pdf.heading(t('sectionSpeakers'), 2);
  if (speakers.length === 0) await pdf.text(t('noSpeakers'));
  else
    await pdf.table({
      columns: [
        { header: t('no'), width: 0.5, align: 'right' },
        { header: t('name'), width: 2.5 },
        { header: t('institution'), width: 2.5 },
        { header: t('speakerTopic'), width: 3 },
      ],
      rows: speakers.map((s, i) => [String(i + 1), s.name, s.institution ?? '', s.topic ?? '']),
    });
  if (event.agenda) {
    await pdf.heading(t('agenda'), 2);
    await pdf.text(event.agenda);
  }

  await pdf.heading(t('reportParticipantsByKabkota'), 2);
  await pdf.text(t('coverageLine', { present: coverage.present, total: coverage.total }), { bold: true });
  if (coverage.missing.length) await pdf.text(t('coverageMissing', { names: coverage.missing.join(', ') }));
  await pdf.table({
    columns: [
      { header: t('kabkota'), width: 3 },
      { header: t('coverageInvited'), width: 1.2, align: 'right' },
      { header: t('coverageAttended'), width: 1.2, align: 'right' },
      { header: t('coverageState'), width: 1.4, align: 'center' },
    ],
    rows: [
      ...coverage.rows.map((r) => [
        r.name,
        String(r.invited),
        String(r.attended),
        r.attended > 0 ? `✓ ${t('represented')}` : `✗ ${t('notRepresented')}`,
      ]),
      [t('coverageOther'), String(coverage.other.invited), String(coverage.other.attended), ''],
      [
        t('total'),
        String(coverage.rows.reduce((s, r) => s + r.invited, 0) + coverage.other.invited),
        String(coverage.rows.reduce((s, r) => s + r.attended, 0) + coverage.other.attended),
        `${coverage.present}/${coverage.total}`,
      ],
    ],
    boldRows: [...coverage.rows.map(() => false), false, true],
  });
  await drawCoverageMap(pdf, coverage.rows, lang);

  const present = people.filter((p) => p.attendance);
  if (present.length) {
    await pdf.heading(t('reportAttendees'), 2);
    await pdf.table({
      columns: [
        { header: t('no'), width: 0.5, align: 'right' },
        { header: t('name'), width: 2.4 },
        { header: t('institution'), width: 2.4 },
        { header: t('kabkotaAtAttendance'), width: 1.8 },
        { header: t('method'), width: 1.5 },
      ],
      rows: present.map((p) => [
        String(p.seq),
        p.name,
        p.institution ?? '',
        kab(p.attendance!.kabkotaCode),
        methodLabel(p.attendance!.method, lang),
      ]),
      zebra: true,
    });
  }

  if (photos.length) {
    await pdf.heading(t('sectionPhotos'), 2);
    const images: { bytes: Uint8Array; caption?: string }[] = [];
    for (const photo of photos.slice(0, 12)) {
      const sha = photo.displaySha256 ?? photo.sha256;
      if (!store.exists(sha)) continue;
      images.push({
        bytes: new Uint8Array(await store.read(sha)),
        ...(photo.caption ? { caption: photo.caption } : {}),
      });
    }
    await pdf.imageGrid(images, 2);
  }

  await pdf.heading(t('minutes'), 2);
  await pdf.text(event.minutes ?? t('noMinutes'));

  await pdf.heading(t('sectionFollowUps'), 2);
  if (actions.length === 0) await pdf.text(f('none'));
  else
    await pdf.table({
      columns: [
        { header: t('kabkota'), width: 1.8 },
        { header: f('action'), width: 3.6 },
        { header: f('dueDate'), width: 1.2 },
        { header: f('status'), width: 1.6 },
      ],
      rows: actions.map((a) => [
        kab(a.kabkotaCode),
        a.title + (a.progressNote ? `\n${a.progressNote}` : ''),
        formatDate(a.dueDate, lang),
        followUpStatusLabel(a.status, lang) +
          (a.overdue ? ` (${render(eventLabels.overdue, lang).toLowerCase()})` : ''),
      ]),
    });

  if (links.length || commitments.length) {
    await pdf.heading(t('sectionStakeholders'), 2);
    if (links.length)
      await pdf.text(links.map((l) => `${l.name} (${stakeholderRoleLabel(l.role, lang)})`).join('; '));
    if (commitments.length)
      await pdf.table({
        columns: [
          { header: t('name'), width: 2 },
          { header: render(stakeholderText.commitment, lang), width: 3 },
          { header: render(stakeholderText.valueRp, lang), width: 1.4, align: 'right' },
          { header: t('status'), width: 1.2 },
        ],
        rows: commitments.map((c) => [
          c.stakeholderName,
          `${supportLabel(c.supportKind, lang)}: ${c.description}${c.agreementNumber ? ` (${c.agreementNumber})` : ''}`,
          c.valueRp === null ? '' : formatRupiah(c.valueRp, lang),
          commitmentStatusLabel(c.status, lang),
        ]),
      });
  }
  return pdf.finish();
}

type Writer = Awaited<ReturnType<typeof writer>>;

/** The map of the kab/kota, filled where someone was present, drawn with the same paths as the page's. */
async function drawCoverageMap(
  pdf: Writer,
  rows: { code: string; attended: number }[],
  lang: Lang,
): Promise<void> {
  const { kabkotaShapes, mapMessages } = await import('../../platform/regionmap.ts');
  const width = 480;
  const height = 260;
  const shapes = await kabkotaShapes(width, height);
  const attended = new Map(rows.map((r) => [r.code, r.attended]));
  const scale = Math.min(1, pdf.contentWidth / width);
  await pdf.drawing(height * scale + 14, (page, box) => {
    const x0 = box.x + (box.width - width * scale) / 2;
    for (const s of shapes) {
      const present = (attended.get(s.code) ?? 0) > 0;
      const fill = pdf.color(present ? [0.05, 0.45, 0.35] : [0.9, 0.9, 0.9]);
      page.drawSvgPath(s.d, {
        x: x0,
        y: box.top,
        scale,
        color: fill,
        borderColor: pdf.color([0.3, 0.33, 0.35]),
        borderWidth: 0.3,
      });
      page.drawCircle({
        x: x0 + s.cx * scale,
        y: box.top - s.cy * scale,
        size: 2.5,
        color: fill,
        borderColor: pdf.color([0.1, 0.1, 0.1]),
        borderWidth: 0.4,
      });
    }
  });
  await pdf.text(render(mapMessages.attribution, lang), {
    size: 7,
    align: 'right',
    color: [0.3, 0.33, 0.35],
  });
}
