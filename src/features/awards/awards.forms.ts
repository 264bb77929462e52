/** zod schemas of the awards, shared by pages and API. */
import { z } from 'zod';
import { checkbox, integer, optionalText, text } from '../../platform/fields.ts';
import { CommodityEnum } from '../../platform/registry-domain.ts';
import { awardsRules } from './awards.messages.ts';

export const PublishForm = z.object({
  fingerprint: z.string().max(64),
  count: z.coerce.number().int().min(0),
  confirm: checkbox(),
});

export const RevokeForm = z.object({ reason: optionalText(1000) });

export const SettingsForm = z.object({
  provinceName: text(200),
  officeName: text(200),
  signatoryName: optionalText(120),
  signatoryTitle: text(200),
  signatoryNip: optionalText(30),
  validityYears: integer().pipe(
    z.number().min(1, awardsRules.validityRange).max(10, awardsRules.validityRange),
  ),
  removeSignature: checkbox(),
  removeLogo: checkbox(),
  version: z.coerce.number().int().min(0),
});

const blank = (v: unknown) => (v === null || (typeof v === 'string' && v.trim() === '') ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blank, schema.optional());

/** The public results' filter: a wrong value is ignored rather than refused (links age). */
export const ResultsFilter = z.object({
  kabkota: optional(z.string().regex(/^\d{2}\.\d{2}$/)).catch(undefined),
  commodity: optional(CommodityEnum).catch(undefined),
  star: optional(z.coerce.number().int().min(1).max(5)).catch(undefined),
});

export const LabelQuery = z.object({
  mm: optional(z.coerce.number().int()).catch(undefined),
});
