/** The conflict forms, shared by the pages and the JSON API. */
import { z } from 'zod';
import { optionalText, text } from '../../platform/fields.ts';
import { ConflictKindEnum } from './assessment.domain.ts';
import { conflictRules } from './conflicts.messages.ts';

/** An assessor declares a conflict with one IKM. */
export const DeclareInput = z.object({
  ikmId: z.uuid(conflictRules.ikm),
  kind: ConflictKindEnum,
  note: optionalText(1000),
});

/** The admin records one for an assessor. */
export const RecordInput = DeclareInput.extend({ assessorId: z.uuid(conflictRules.assessor) });

/** The admin withdraws one, with a reason. */
export const WithdrawInput = z.object({
  reason: text(1000),
  version: z.coerce.number().int().min(1),
});
