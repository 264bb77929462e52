/** The assessor profile forms (admin's and the assessor's own), shared by the pages and the API. */
import { z } from 'zod';
import { CommodityEnum } from '../../platform/domain.ts';
import { integer, optionalText } from '../../platform/fields.ts';
import { listOf } from '../../platform/form-rows.ts';
import { validationMessages } from '../../platform/i18n.ts';
import { InstitutionTypeEnum } from './assessment.domain.ts';
import { normaliseEmail, normalisePhone } from './conflicts.rules.ts';

export const assessorRules = validationMessages('assessors', {
  phone: {
    id: 'Nomor telepon tidak dikenali; tulis misalnya 0812 3456 7890 atau +62 812 3456 7890.',
    en: 'Not a phone number we recognise; write e.g. 0812 3456 7890 or +62 812 3456 7890.',
  },
  email: { id: 'Alamat email tidak valid.', en: 'Not a valid e-mail address.' },
  cap: { id: 'Isi bilangan bulat 0 sampai 500.', en: 'Enter a whole number from 0 to 500.' },
});

/** A phone as typed, stored in E.164; blank is none. */
const phone = () =>
  optionalText(40).pipe(
    z
      .string()
      .optional()
      .transform((v, ctx) => {
        if (v === undefined) return undefined;
        const e164 = normalisePhone(v);
        if (!e164) {
          ctx.addIssue({ code: 'custom', message: assessorRules.phone });
          return z.NEVER;
        }
        return e164;
      }),
  );

const contactEmail = () =>
  optionalText(254).pipe(
    z
      .string()
      .optional()
      .transform((v, ctx) => {
        if (v === undefined) return undefined;
        const e = normaliseEmail(v);
        if (!e) {
          ctx.addIssue({ code: 'custom', message: assessorRules.email });
          return z.NEVER;
        }
        return e;
      }),
  );

const cap = () => integer().pipe(z.number().int().min(0, assessorRules.cap).max(500, assessorRules.cap));
const optionalCap = () =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), cap().optional());

const expertise = () =>
  z.preprocess((v) => (Array.isArray(v) ? v : listOf(v)), z.array(CommodityEnum).max(6)).default([]);

const version = () => z.coerce.number().int().min(0);

/** What the admin sets: institution and its type, expertise, load cap, contacts, per-cycle caps. */
export const AssessorInput = z.object({
  institution: optionalText(200),
  institutionType: z.preprocess((v) => (v === '' ? undefined : v), InstitutionTypeEnum.optional()),
  expertise: expertise(),
  loadCap: cap(),
  phone: phone(),
  email: contactEmail(),
  /** Cycle id → its own cap for this assessor (blank: the profile's). */
  caps: z.record(z.uuid(), optionalCap()).default({}),
  version: version(),
});
export type AssessorInput = z.infer<typeof AssessorInput>;

/** The form posts caps as `caps.<cycleId>` fields. */
export const AssessorForm = z.preprocess((v) => {
  if (!v || typeof v !== 'object') return v;
  const flat = v as Record<string, unknown>;
  const caps: Record<string, unknown> = {};
  const rest: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(flat)) {
    if (k.startsWith('caps.')) caps[k.slice(5)] = x;
    else rest[k] = x;
  }
  return { ...rest, caps };
}, AssessorInput);

/** What assessors change themselves: their contacts and expertise. */
export const OwnProfileInput = z.object({
  expertise: expertise(),
  phone: phone(),
  email: contactEmail(),
  version: version(),
});
export type OwnProfileInput = z.infer<typeof OwnProfileInput>;

export const AssessorFilter = z.object({
  q: optionalText(100),
  after: z.string().max(1000).optional(),
  before: z.string().max(1000).optional(),
});
export type AssessorFilter = z.infer<typeof AssessorFilter>;
