/** The IKM timeline page and the coaching section of the IKM profile. */
import { formatDate, formatNumber } from '../../platform/format.ts';
import type { TimelineEntry, TrajectoryPoint } from '../../platform/timeline.ts';
import { BackLink, EmptyState, LinkButton, PageHeading, Tag } from '../../platform/ui/components.tsx';
import { useView } from '../../platform/ui/view.ts';
import { outcomeLabel } from './coaching.labels.ts';
import { coachingText } from './coaching.messages.ts';
import { kindText, programmeDates } from './coaching.views.tsx';
import type { IkmParticipation } from './participants.service.ts';
import { TrajectoryCharts } from './trajectory.chart.tsx';

/** Entries grouped by year, newest year first (the entries come newest first). */
export function byYear(entries: TimelineEntry[]): [string, TimelineEntry[]][] {
  const groups = new Map<string, TimelineEntry[]>();
  for (const e of entries) {
    const year = e.date.slice(0, 4);
    groups.set(year, [...(groups.get(year) ?? []), e]);
  }
  return [...groups];
}

export function TimelinePage(props: {
  ikm: { id: string; name: string };
  entries: TimelineEntry[];
  points: TrajectoryPoint[];
}) {
  const v = useView();
  const t = v.tr(coachingText);
  return (
    <>
      <BackLink href={`/registry/ikm/${props.ikm.id}`} label={t('backToIkm')} />
      <PageHeading title={t('timelineTitle', { name: props.ikm.name })}>
        <p class="lead">{t('timelineIntro')}</p>
      </PageHeading>
      <section aria-labelledby="trajectory-title">
        <h2 id="trajectory-title">{t('trajectoryTitle')}</h2>
        <TrajectoryCharts points={props.points} lang={v.lang} />
      </section>
      {props.entries.length === 0 ? (
        <EmptyState>{t('timelineEmpty')}</EmptyState>
      ) : (
        byYear(props.entries).map(([year, entries]) => (
          <section aria-labelledby={`year-${year}`}>
            <h2 id={`year-${year}`}>{t('year_heading', { year })}</h2>
            <ol class="timeline">
              {entries.map((e) => (
                <li class={`timeline-entry timeline-${e.kind}`}>
                  <time datetime={e.date}>{formatDate(e.date, v.lang)}</time>
                  <div>
                    <Tag tone={e.tone ?? 'grey'}>{e.kindLabel}</Tag>{' '}
                    {e.href ? <a href={e.href}>{e.title}</a> : <strong>{e.title}</strong>}
                    {e.status && (
                      <>
                        {' '}
                        <Tag tone={e.status.tone}>{e.status.label}</Tag>
                      </>
                    )}
                    {e.detail && <div class="muted">{e.detail}</div>}
                  </div>
                </li>
              ))}
            </ol>
          </section>
        ))
      )}
    </>
  );
}

/** The IKM profile's coaching section: programmes taken part in, open recommendations, the timeline. */
export function CoachingPanel(props: {
  ikmId: string;
  participations: IkmParticipation[];
  openRecommendations: number | null;
  linkProgrammes: boolean;
  canRecommend: boolean;
}) {
  const v = useView();
  const t = v.tr(coachingText);
  return (
    <section class="coaching-panel" aria-labelledby="coaching-panel-title">
      <h2 id="coaching-panel-title">{t('panelTitle')}</h2>
      {props.participations.length === 0 ? (
        <p class="muted">{t('panelNone')}</p>
      ) : (
        <ul class="link-list">
          {props.participations.map((p) => (
            <li>
              {props.linkProgrammes ? (
                <a href={`/coaching/programmes/${p.programme.id}`}>{p.programme.title}</a>
              ) : (
                <strong>{p.programme.title}</strong>
              )}{' '}
              <span class="muted">
                {kindText(p.programme, v.lang)} · {programmeDates(p.programme, v.lang)}
              </span>
              {p.outcomes.length > 0 && (
                <div>
                  {t('outcomes')}:{' '}
                  {p.outcomes
                    .map((o) =>
                      o.evidenceNumber
                        ? `${outcomeLabel(o.kind, v.lang)} (${o.evidenceNumber})`
                        : outcomeLabel(o.kind, v.lang),
                    )
                    .join('; ')}
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {props.openRecommendations !== null && props.openRecommendations > 0 && (
        <p>
          <a href={`/coaching/recommendations?ikm=${props.ikmId}`}>
            {t('openRecommendations', { count: formatNumber(props.openRecommendations, v.lang) })}
          </a>
        </p>
      )}
      <p class="action-row">
        <LinkButton href={`/registry/ikm/${props.ikmId}/timeline`}>{t('viewTimeline')}</LinkButton>
        {props.canRecommend && (
          <LinkButton href={`/coaching/recommendations/new?ikm=${props.ikmId}`}>
            {t('newRecommendation')}
          </LinkButton>
        )}
      </p>
    </section>
  );
}
