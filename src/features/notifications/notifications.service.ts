/** Bulk messages: the preview an admin checks, then the send (audited). */
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import { ruleViolation } from '../../platform/errors.ts';
import {
  assessors,
  type MailConfig,
  type NotifyMessage,
  notify,
  officersOf,
  recipientDetails,
  renderNotice,
} from '../../platform/notify.ts';
import type { BulkMessage } from './notifications.forms.ts';
import { notificationRules } from './notifications.messages.ts';

/** The message as each language sees it; English falls back to the Indonesian text. */
export function bulkNotice(input: BulkMessage): NotifyMessage {
  const title = { id: input.titleId, en: input.titleEn ?? input.titleId };
  const body = { id: input.bodyId, en: input.bodyEn ?? input.bodyId };
  // Admin text is literal: no {placeholders} are filled in.
  return {
    title: { id: () => title.id, en: () => title.en },
    body: { id: () => body.id, en: () => body.en },
  };
}

async function recipientIds(db: Db, input: BulkMessage): Promise<string[]> {
  return input.audience === 'assessors' ? assessors(db) : officersOf(db, input.kabkotaCodes);
}

/** Who would receive the message and what each language reads; refuses an audience of nobody. */
export async function previewBulk(db: Db, input: BulkMessage) {
  const ids = await recipientIds(db, input);
  const recipients = (await recipientDetails(db, ids)).filter((r) => r.id);
  if (recipients.length === 0)
    throw ruleViolation(
      input.audience === 'officers' ? 'kabkotaCodes' : 'audience',
      notificationRules.noRecipients,
    );
  const notice = bulkNotice(input);
  return { recipients, id: renderNotice(notice, 'id'), en: renderNotice(notice, 'en') };
}

/** Sends the bulk message: notifications and e-mails written in one transaction with its audit row. */
export async function sendBulk(
  db: Db,
  actor: Actor,
  config: MailConfig,
  input: BulkMessage,
): Promise<number> {
  return db.transaction(async (tx) => {
    const ids = await recipientIds(tx, input);
    if (ids.length === 0) throw ruleViolation('audience', notificationRules.noRecipients);
    const count = await notify(tx, config, {
      userIds: ids,
      kind: 'bulk',
      message: bulkNotice(input),
      link: input.link ?? null,
    });
    await writeAudit(tx, actor, {
      action: 'notification.bulk_send',
      objectType: 'notification',
      after: {
        audience: input.audience,
        kabkotaCodes: input.kabkotaCodes,
        titleId: input.titleId,
        recipients: count,
      },
    });
    return count;
  });
}
