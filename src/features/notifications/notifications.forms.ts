import { z } from 'zod';
import { optionalText, text } from '../../platform/fields.ts';
import { listOf } from '../../platform/form-rows.ts';
import { notificationRules } from './notifications.messages.ts';

export const AUDIENCES = ['officers', 'assessors'] as const;

/** A bulk message: who gets it and what it says (English optional: falls back to Indonesian). */
export const BulkMessage = z
  .object({
    audience: z.enum(AUDIENCES),
    kabkotaCodes: z.preprocess(
      (v) => (Array.isArray(v) ? v : listOf(v)),
      z.array(z.string().regex(/^\d{2}\.\d{2}$/)).default([]),
    ),
    titleId: text(150),
    bodyId: text(4000),
    titleEn: optionalText(150),
    bodyEn: optionalText(4000),
    link: z.preprocess(
      (v) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v),
      z
        .string()
        .max(300)
        .regex(/^\/(?![/\\])[^\s]*$/, notificationRules.link)
        .optional(),
    ),
  })
  .superRefine((v, ctx) => {
    if (v.audience === 'officers' && v.kabkotaCodes.length === 0)
      ctx.addIssue({ code: 'custom', path: ['kabkotaCodes'], message: notificationRules.kabkotaRequired });
  });
export type BulkMessage = z.output<typeof BulkMessage>;

export const NotificationFilter = z.object({
  unread: z.preprocess((v) => v === '1' || v === 'true' || v === true, z.boolean()).default(false),
  after: z.string().max(1000).optional(),
  before: z.string().max(1000).optional(),
});
