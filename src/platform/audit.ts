import type { Db } from '../db/client.ts';
import { auditLog } from '../db/schema/audit.ts';
import type { Actor } from './actor.ts';

export interface AuditEntry {
  action: string;
  objectType: string;
  objectId?: string | null;
  regionCode?: string | null;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

const SECRET_KEY = /password|token|hash|secret/i;

/** Drops secrets and turns bigints into strings so the row is safe to keep and to show. */
export function auditSnapshot(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  return JSON.parse(
    JSON.stringify(value, (k, v) => {
      if (k && SECRET_KEY.test(k)) return undefined;
      return typeof v === 'bigint' ? v.toString() : v;
    }),
  );
}

/** Records a change; call it with the transaction that makes the change, so both land or neither. */
export async function writeAudit(tx: Db, actor: Actor, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    actorUserId: actor.userId,
    realUserId: actor.realUserId !== actor.userId ? actor.realUserId : null,
    actorLabel: actor.label,
    action: entry.action,
    objectType: entry.objectType,
    objectId: entry.objectId ?? null,
    regionCode: entry.regionCode ?? null,
    before: auditSnapshot(entry.before),
    after: auditSnapshot(entry.after),
    reason: entry.reason ?? null,
    ip: actor.ip ?? null,
    requestId: actor.requestId ?? null,
  });
}
