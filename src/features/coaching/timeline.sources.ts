/**
 * The timeline sources that exist today: events the IKM was listed for, the programmes it took part
 * in and their outcomes, and its legal documents. Each reads through its feature's service; app.ts
 * registers them on `ikmTimeline` beside the sources later features add (nominations, scores, stars).
 */
import { can } from '../../platform/authz.ts';
import { formatDate, localDate } from '../../platform/format.ts';
import { translator } from '../../platform/i18n.ts';
import type { TimelineEntry, TimelineSource } from '../../platform/timeline.ts';
import { eventsOfIkm } from '../events/ikm-history.service.ts';
import { documentLabel } from '../registry/registry.messages.ts';
import { ikmProfile } from '../registry/ikm.service.ts';
import { kindLabel, outcomeLabel } from './coaching.labels.ts';
import { coachingText } from './coaching.messages.ts';
import { participationsOfIkm } from './participants.service.ts';

/** Events the IKM's owner was listed for: attended, did not attend, invited (still to come), cancelled. */
export const eventsTimelineSource: TimelineSource = async (ctx, ikm) => {
  const t = translator(coachingText, ctx.lang);
  const today = localDate();
  const linked = can(ctx.actor, 'events.read');
  return (await eventsOfIkm(ctx.db, ikm.id)).map((e): TimelineEntry => {
    const date = localDate(e.startsAt);
    const status =
      e.status === 'cancelled'
        ? { label: t('cancelledEvent'), tone: 'grey' as const }
        : e.attendedAt
          ? { label: t('attended'), tone: 'green' as const }
          : localDate(e.endsAt) < today
            ? { label: t('notAttended'), tone: 'yellow' as const }
            : { label: t('invited'), tone: 'blue' as const };
    return {
      date,
      kind: 'event',
      kindLabel: t('timelineKind_event'),
      tone: 'purple',
      title: e.title,
      detail: e.venue,
      href: linked ? `/events/${e.eventId}` : undefined,
      status,
    };
  });
};

/** The programmes the IKM took part in (at their start) and each outcome (on the day it was achieved). */
export const coachingTimelineSource: TimelineSource = async (ctx, ikm) => {
  const t = translator(coachingText, ctx.lang);
  const linked = can(ctx.actor, 'coaching.read');
  const out: TimelineEntry[] = [];
  for (const p of await participationsOfIkm(ctx.db, ikm.id)) {
    const href = linked ? `/coaching/programmes/${p.programme.id}` : undefined;
    out.push({
      date: p.programme.startDate,
      kind: 'programme',
      kindLabel: t('timelineKind_programme'),
      tone: 'blue',
      title: t('programmeEntry', { title: p.programme.title }),
      detail: [
        kindLabel(p.programme.kind, ctx.lang),
        p.programme.certificationKind ? documentLabel(p.programme.certificationKind, ctx.lang) : null,
        p.programme.endDate
          ? `${formatDate(p.programme.startDate, ctx.lang)} – ${formatDate(p.programme.endDate, ctx.lang)}`
          : formatDate(p.programme.startDate, ctx.lang),
      ]
        .filter(Boolean)
        .join(' · '),
      href,
    });
    for (const o of p.outcomes) {
      const what = o.documentKind
        ? `${outcomeLabel(o.kind, ctx.lang)}: ${documentLabel(o.documentKind, ctx.lang)}`
        : outcomeLabel(o.kind, ctx.lang);
      out.push({
        date: o.achievedOn,
        kind: 'outcome',
        kindLabel: t('timelineKind_outcome'),
        tone: 'green',
        title: o.evidenceNumber ? `${what} (${o.evidenceNumber})` : what,
        detail: [o.description, p.programme.title].filter(Boolean).join(' · '),
        href,
      });
    }
  }
  return out;
};

/** The IKM's legal documents, on the day each was issued (or recorded, when the issue date is unknown). */
export const legalDocumentsTimelineSource: TimelineSource = async (ctx, ikm) => {
  const t = translator(coachingText, ctx.lang);
  const profile = await ikmProfile(ctx.db, ctx.actor, ikm.id);
  const today = localDate();
  return profile.documents.map((d): TimelineEntry => {
    const expired = d.expiryDate !== null && d.expiryDate < today;
    return {
      date: d.issueDate ?? localDate(d.createdAt),
      kind: 'legal_document',
      kindLabel: t('timelineKind_legal_document'),
      tone: 'grey',
      title: t('documentEntry', { kind: documentLabel(d.kind, ctx.lang), number: d.number }),
      detail: [
        d.issuer,
        d.expiryDate
          ? t('documentValidUntil', { date: formatDate(d.expiryDate, ctx.lang) })
          : t('documentNoExpiry'),
      ]
        .filter(Boolean)
        .join(' · '),
      href: `/registry/ikm/${ikm.id}#documents`,
      status: expired ? { label: t('expired'), tone: 'red' } : undefined,
    };
  });
};
