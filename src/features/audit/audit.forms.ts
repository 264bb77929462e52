import { z } from 'zod';
import { optionalCalendarDate, optionalText } from '../../platform/fields.ts';

const optionalUuid = () => z.preprocess((v) => (v === '' ? undefined : v), z.uuid().optional());

export const AuditFilter = z.object({
  userId: optionalUuid(),
  objectType: optionalText(60),
  objectId: optionalText(100),
  action: optionalText(80),
  from: optionalCalendarDate(),
  to: optionalCalendarDate(),
  after: z.string().max(1000).optional(),
  before: z.string().max(1000).optional(),
});
export type AuditFilter = z.infer<typeof AuditFilter>;
