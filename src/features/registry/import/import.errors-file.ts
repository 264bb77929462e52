/**
 * The errors file of an import: first the rows with problems as they were in the sheet (values
 * only, in the template's columns, the problems beside them) so the office can fix them and upload
 * the file again; then every problem by row and column. Text cells are neutralised against formula
 * injection by platform/export.ts, and a formula in the source is never written: only its result.
 */
import type { Lang } from '../../../platform/domain.ts';
import type { CellValue, ExportSheet } from '../../../platform/export.ts';
import { render, translator } from '../../../platform/i18n.ts';
import { importText } from './import.messages.ts';
import {
  allIssues,
  type ImportJob,
  type ImportRuntime,
  issuePhase,
  kindColumns,
  messageOf,
  problemRows,
  problemRowValues,
} from './import.service.ts';

export async function errorsWorkbook(rt: ImportRuntime, job: ImportJob, lang: Lang): Promise<ExportSheet[]> {
  const t = translator(importText, lang);
  const phase = issuePhase(job);
  const columns = kindColumns(job.kind);
  const wanted = await problemRows(rt.db, job.id, phase);
  const messagesByRow = new Map<number, string[]>();
  for await (const issue of allIssues(rt.db, job.id, phase)) {
    const text = render(messageOf(issue.messageKey), lang, issue.params ?? {});
    const where = issue.columnLabel ? `${issue.columnLabel}: ` : '';
    const list = messagesByRow.get(issue.rowNumber) ?? [];
    list.push(`${where}${text}`);
    messagesByRow.set(issue.rowNumber, list);
  }
  async function* rowsToFix(): AsyncGenerator<CellValue[]> {
    for await (const r of problemRowValues(rt, job, wanted)) {
      yield [
        ...columns.map((c) => r.values[c.key] ?? null),
        (messagesByRow.get(r.rowNumber) ?? []).join('\n'),
        r.rowNumber,
      ];
    }
  }
  async function* problems(): AsyncGenerator<CellValue[]> {
    for await (const issue of allIssues(rt.db, job.id, phase)) {
      yield [
        issue.rowNumber,
        issue.columnLabel ?? t('wholeRow'),
        issue.value,
        render(messageOf(issue.messageKey), lang, issue.params ?? {}),
        issue.severity === 'row' ? t('effectRow') : t('effectCell'),
      ];
    }
  }
  return [
    {
      name: t('errorsSheet'),
      columns: [
        ...columns.map((c) => ({ header: c.label[lang] as string, width: c.width ?? 16 })),
        { header: t('problemsColumn'), width: 60 },
        { header: t('sheetRow'), width: 10 },
      ],
      rows: rowsToFix(),
    },
    {
      name: t('problemsSheet'),
      columns: [
        { header: t('row'), width: 8 },
        { header: t('column'), width: 28 },
        { header: t('value'), width: 28 },
        { header: t('problem'), width: 80 },
        { header: t('effect'), width: 18 },
      ],
      rows: problems(),
    },
  ];
}
