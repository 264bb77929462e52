/**
 * Spreadsheets of programmes: the programmes, their participants and their outcomes, one sheet each,
 * for one programme or the filtered list. Text cells are neutralised against formula injection by
 * platform/export.ts; the owners' personal data is not exported at all (IKM names only).
 */
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/actor.ts';
import type { Lang } from '../../platform/domain.ts';
import type { CellValue, ExportSheet } from '../../platform/export.ts';
import { translator } from '../../platform/i18n.ts';
import { documentLabel } from '../registry/registry.messages.ts';
import { regionIndex, regionName } from '../registry/registry.service.ts';
import { fundingLabel, kindLabel, levelLabel, outcomeLabel } from './coaching.labels.ts';
import { coachingLabels, coachingText } from './coaching.messages.ts';
import { type ParticipantView, participantsOfProgrammes } from './participants.service.ts';
import { partnersOfProgrammes, type ProgrammeRow } from './programmes.service.ts';

const RUPIAH = '#,##0';
const DATE = 'dd/mm/yyyy';

/** A calendar date `YYYY-MM-DD` as a spreadsheet date (midnight UTC, so no zone shifts the day). */
const asDate = (d: string | null): Date | null => (d ? new Date(`${d}T00:00:00Z`) : null);

/** The three sheets for these programmes (in the order given). */
export async function programmeSheets(
  db: Db,
  actor: Actor,
  programmes: ProgrammeRow[],
  lang: Lang,
): Promise<ExportSheet[]> {
  const t = translator(coachingText, lang);
  const label = translator(coachingLabels, lang);
  const index = await regionIndex(db);
  const programmeRows: CellValue[][] = [];
  const participantRows: CellValue[][] = [];
  const outcomeRows: CellValue[][] = [];
  // A batch of programmes at a time: four queries per batch, whatever the number of programmes.
  const partnersBy = new Map<string, { id: string; name: string }[]>();
  const participantsBy = new Map<string, ParticipantView[]>();
  for (let i = 0; i < programmes.length; i += 200) {
    const ids = programmes.slice(i, i + 200).map((p) => p.id);
    for (const [k, v] of await partnersOfProgrammes(db, ids)) partnersBy.set(k, v);
    for (const [k, v] of await participantsOfProgrammes(db, actor, ids)) participantsBy.set(k, v);
  }
  for (const p of programmes) {
    const partners = partnersBy.get(p.id) ?? [];
    const participants = participantsBy.get(p.id) ?? [];
    const outcomes = participants.flatMap((x) => x.outcomes.map((o) => ({ o, x })));
    programmeRows.push([
      p.title,
      kindLabel(p.kind, lang),
      p.certificationKind ? documentLabel(p.certificationKind, lang) : null,
      fundingLabel(p.fundingSource, lang),
      levelLabel(p.level, lang),
      p.kabkotaCode ? regionName(index, p.kabkotaCode) : t('provinceOwned'),
      asDate(p.startDate),
      asDate(p.endDate),
      p.budgetRp,
      partners.map((s) => s.name).join('; ') || null,
      participants.length,
      outcomes.length,
    ]);
    for (const x of participants)
      participantRows.push([
        p.title,
        x.ikmName,
        regionName(index, x.kabkotaCode),
        label(`enrolled_${x.source}`),
        x.createdAt,
        x.outcomes.length,
      ]);
    for (const { o, x } of outcomes)
      outcomeRows.push([
        p.title,
        x.ikmName,
        regionName(index, x.kabkotaCode),
        outcomeLabel(o.kind, lang),
        o.documentKind ? documentLabel(o.documentKind, lang) : null,
        o.evidenceNumber,
        asDate(o.achievedOn),
        o.valueRp,
        o.description,
        o.legalDocumentId ? t('yes') : t('no'),
        o.photos.length,
      ]);
  }
  return [
    {
      name: t('sheetProgrammes'),
      columns: [
        { header: t('programmeTitle'), width: 40 },
        { header: t('kind'), width: 22 },
        { header: t('certificationKind'), width: 18 },
        { header: t('fundingSource'), width: 22 },
        { header: t('level'), width: 18 },
        { header: t('owner'), width: 26 },
        { header: t('startDate'), width: 12, numFmt: DATE },
        { header: t('endDate'), width: 12, numFmt: DATE },
        { header: t('budget'), width: 16, numFmt: RUPIAH },
        { header: t('partners'), width: 36 },
        { header: t('participantCount'), width: 10 },
        { header: t('outcomeCount'), width: 10 },
      ],
      rows: programmeRows,
    },
    {
      name: t('sheetParticipants'),
      columns: [
        { header: t('programmeTitle'), width: 40 },
        { header: t('ikmName'), width: 32 },
        { header: t('kabkota'), width: 26 },
        { header: t('enrolment'), width: 22 },
        { header: t('enrolledOn'), width: 18, numFmt: 'dd/mm/yyyy hh:mm' },
        { header: t('outcomeCount'), width: 10 },
      ],
      rows: participantRows,
    },
    {
      name: t('sheetOutcomes'),
      columns: [
        { header: t('programmeTitle'), width: 40 },
        { header: t('ikmName'), width: 32 },
        { header: t('kabkota'), width: 26 },
        { header: t('outcomeKind'), width: 22 },
        { header: t('documentKind'), width: 18 },
        { header: t('evidenceNumber'), width: 24 },
        { header: t('achievedOn'), width: 12, numFmt: DATE },
        { header: t('outcomeValue'), width: 16, numFmt: RUPIAH },
        { header: t('outcomeDescription'), width: 40 },
        { header: t('legalDocumentRecorded'), width: 14 },
        { header: t('photoCount'), width: 8 },
      ],
      rows: outcomeRows,
    },
  ];
}

/** A download name from a title: `pembinaan-fasilitasi-sertifikasi-halal.xlsx`. */
export function exportFilename(title: string): string {
  const slug = title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
  return `pembinaan-${slug || 'program'}.xlsx`;
}
