/**
 * The score sheet's input, from the page's form (fields level.<code>, note.<code>) and from the API
 * (levels and notes as objects). The levels stay raw here: the service checks them against the rubric,
 * so a level the rubric lacks gets the rubric's message naming the criterion and the levels it has.
 */
import { z } from 'zod';
import { checkbox, optionalCalendarDate, optionalText, versionField } from '../../platform/fields.ts';
import type { SheetInput } from './sheets.service.ts';

/** The fields of the sheet form other than the per-criterion ones. */
export const SheetForm = z
  .object({
    version: versionField(),
    siteVisitDate: optionalCalendarDate(),
    fromPaper: checkbox(),
    generalNote: optionalText(4000),
  })
  .loose();

/** The sheet form's values as the service takes them. */
export function sheetInputFromForm(
  data: z.output<typeof SheetForm>,
  values: Record<string, unknown>,
): SheetInput {
  const levels: SheetInput['levels'] = {};
  const notes: SheetInput['notes'] = {};
  for (const [key, raw] of Object.entries(values)) {
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (typeof value !== 'string') continue;
    if (key.startsWith('level.')) levels[key.slice(6)] = value;
    else if (key.startsWith('note.')) notes[key.slice(5)] = value.slice(0, 2000);
  }
  return {
    version: data.version,
    levels,
    notes,
    siteVisitDate: data.siteVisitDate ?? null,
    fromPaper: data.fromPaper,
    generalNote: data.generalNote ?? null,
  };
}

/** The API's sheet body. */
export const SheetBody = z.object({
  version: z.number().int().min(1).describe('The version you read (optimistic concurrency)'),
  levels: z
    .record(z.string().max(12), z.number().int().nullable())
    .describe('Criterion code → the level chosen (null: none yet)'),
  notes: z.record(z.string().max(12), z.string().max(2000).nullable()).optional(),
  siteVisitDate: z.iso.date().nullable().optional(),
  fromPaper: z.boolean().optional(),
  generalNote: z.string().max(4000).nullable().optional(),
});

export function sheetInputFromBody(body: z.output<typeof SheetBody>): SheetInput {
  return {
    version: body.version,
    levels: body.levels,
    notes: body.notes ?? {},
    siteVisitDate: body.siteVisitDate ?? null,
    fromPaper: body.fromPaper ?? false,
    generalNote: body.generalNote ?? null,
  };
}
