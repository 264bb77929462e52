/** Addresses that leave this browser (shared links, QR codes): absolute, from PUBLIC_URL when set. */
import type { Ctx } from '../../platform/context.ts';
import type { EventRow } from './events.service.ts';

export function publicBase(c: Ctx): string {
  return c.var.deps.config.PUBLIC_URL ?? new URL(c.req.url).origin;
}

/** The public self-registration link. */
export const registrationUrl = (c: Ctx, e: EventRow) => `${publicBase(c)}/daftar/${e.registrationToken}`;
/** What the door QR code holds. */
export const doorUrl = (c: Ctx, e: EventRow) => `${publicBase(c)}/hadir/${e.doorToken}`;
/** A participant's own one-tap link (null when the reader may not see their token). */
export const personalUrl = (c: Ctx, e: EventRow, p: { checkinToken: string | null }) =>
  p.checkinToken ? `${doorUrl(c, e)}/${p.checkinToken}` : null;
/** The same link as a path on this site. */
export const personalPath = (e: EventRow, checkinToken: string) => `/hadir/${e.doorToken}/${checkinToken}`;
