/**
 * The IKM timeline's entries from the awards: each star (on the day its certificate became valid),
 * each certificate, and a revocation on its day. app.ts registers it on `ikmTimeline`.
 */
import { can } from '../../platform/authz.ts';
import { formatDate, localDate } from '../../platform/format.ts';
import { translator } from '../../platform/i18n.ts';
import type { TimelineEntry, TimelineSource } from '../../platform/timeline.ts';
import { awardsText } from './awards.messages.ts';
import { certificatesOfIkm, certificateState } from './awards.service.ts';

export const awardsTimelineSource: TimelineSource = async (ctx, ikm) => {
  const t = translator(awardsText, ctx.lang);
  const linked = can(ctx.actor, 'certificates.read');
  const out: TimelineEntry[] = [];
  for (const c of await certificatesOfIkm(ctx.db, ikm.id)) {
    const state = certificateState(c);
    const href = linked ? `/awards/cycles/${c.cycleId}` : undefined;
    out.push({
      date: c.validFrom,
      kind: 'star',
      kindLabel: t('timelineKind_star'),
      tone: 'yellow',
      title: t('timelineStar', { n: c.stars, product: c.productName, cycle: c.cycleName }),
      href,
    });
    out.push({
      date: c.validFrom,
      kind: 'certificate',
      kindLabel: t('timelineKind_certificate'),
      tone: 'green',
      title: t('timelineCertificate', { number: c.number, product: c.productName }),
      detail: `${t('validUntil')} ${formatDate(c.validUntil, ctx.lang)}`,
      href,
      status:
        state === 'revoked'
          ? { label: t('statusRevoked'), tone: 'red' }
          : state === 'expired'
            ? { label: t('statusExpired'), tone: 'yellow' }
            : { label: t('statusValid'), tone: 'green' },
    });
    if (c.revokedAt)
      out.push({
        date: localDate(c.revokedAt),
        kind: 'certificate_revoked',
        kindLabel: t('timelineKind_certificate'),
        tone: 'red',
        title: t('timelineRevoked', { number: c.number }),
        detail: c.revokeReason ?? undefined,
        href,
      });
  }
  return out;
};
