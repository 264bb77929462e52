import { EVENT_KINDS, EVENT_STAKEHOLDER_ROLES } from '../../db/schema/events.ts';
import { can } from '../../platform/authz.ts';
import { formatDate, formatNumber, toLocalInput } from '../../platform/format.ts';
import { str } from '../../platform/forms.ts';
import type { Page } from '../../platform/keyset.ts';
import {
  BackLink,
  Button,
  Checkbox,
  EmptyState,
  ErrorSummary,
  FileInput,
  Form,
  LinkButton,
  PageHeading,
  Pagination,
  Panel,
  Select,
  SummaryList,
  Table,
  Tag,
  TextArea,
  TextInput,
} from '../../platform/ui/components.tsx';
import { useView } from '../../platform/ui/view.ts';
import type { FieldErrors } from '../../platform/validation.ts';
import type { Region } from '../regions/regions.service.ts';
import type { EventCoverage } from './coverage.service.ts';
import type { EventFilter } from './events.forms.ts';
import {
  eventWhen,
  followUpStatusLabel,
  followUpTone,
  kindLabel,
  phaseLabel,
  phaseTone,
  stakeholderRoleLabel,
} from './events.labels.ts';
import { eventLabels, eventsText, followUpText } from './events.messages.ts';
import { eventPhase } from './events.rules.ts';
import type { EventFileRow, EventRow, SpeakerRow, StakeholderLink } from './events.service.ts';
import type { FollowUpView } from './followups.service.ts';
import { CoverageGrid, CoverageTable } from './coverage.views.tsx';

export function PhaseTag(props: { event: EventRow }) {
  const v = useView();
  const phase = eventPhase(props.event);
  return <Tag tone={phaseTone[phase]}>{phaseLabel(phase, v.lang)}</Tag>;
}

export function OverdueTag() {
  const v = useView();
  return <Tag tone="red">{v.tr(eventLabels)('overdue')}</Tag>;
}

export function FollowUpStatusTag(props: { action: FollowUpView }) {
  const v = useView();
  return (
    <>
      <Tag tone={followUpTone[props.action.status]}>{followUpStatusLabel(props.action.status, v.lang)}</Tag>
      {props.action.overdue && (
        <>
          {' '}
          <OverdueTag />
        </>
      )}
    </>
  );
}

export function EventList(props: { page: Page<EventRow>; filter: EventFilter; kabkota: Region[] }) {
  const v = useView();
  const t = v.tr(eventsText);
  const names = new Map(props.kabkota.map((k) => [k.code, k.name]));
  const f = props.filter;
  return (
    <>
      <PageHeading title={t('title')}>
        <p class="lead">{t('intro')}</p>
        <p class="action-row">
          {can(v.actor, 'events.manage') && (
            <LinkButton href="/events/new" variant="primary">
              {t('newEvent')}
            </LinkButton>
          )}
          <LinkButton href="/events/coverage">{t('coverageAcrossTitle')}</LinkButton>
        </p>
      </PageHeading>
      <Form action="/events" method="get" class="filters">
        <TextInput name="q" type="search" label={t('searchEvents')} value={f.q} width="medium" />
        <Select
          name="kind"
          label={t('kind')}
          value={f.kind}
          emptyLabel={t('allKinds')}
          options={EVENT_KINDS.map((k) => ({ value: k, label: kindLabel(k, v.lang) }))}
        />
        <Select
          name="when"
          label={t('status')}
          value={f.when}
          emptyLabel={t('allPhases')}
          options={[
            { value: 'upcoming', label: v.tr(eventLabels)('phase_upcoming') },
            { value: 'past', label: v.tr(eventLabels)('phase_finished') },
            { value: 'cancelled', label: v.tr(eventLabels)('phase_cancelled') },
          ]}
        />
        <Button variant="secondary">{v.t('filter')}</Button>
      </Form>
      {props.page.rows.length === 0 ? (
        <EmptyState>{t('noEvents')}</EmptyState>
      ) : (
        <Table
          caption={t('eventList')}
          columns={[
            { label: t('eventTitle') },
            { label: t('kind') },
            { label: t('when') },
            { label: t('venue') },
            { label: t('status') },
          ]}
        >
          {props.page.rows.map((e) => (
            <tr>
              <td>
                <a href={`/events/${e.id}`}>{e.title}</a>
              </td>
              <td>{kindLabel(e.kind, v.lang)}</td>
              <td>{eventWhen(e, v.lang)}</td>
              <td>
                {e.venue}
                <br />
                <span class="muted">{names.get(e.venueKabkotaCode) ?? e.venueKabkotaCode}</span>
              </td>
              <td>
                <PhaseTag event={e} />
              </td>
            </tr>
          ))}
        </Table>
      )}
      <Pagination next={props.page.next} prev={props.page.prev} />
    </>
  );
}

function EventFields(props: {
  values: Record<string, unknown>;
  errors: FieldErrors | undefined;
  kabkota: Region[];
  cycles: { id: string; name: string }[];
}) {
  const v = useView();
  const t = v.tr(eventsText);
  const { values, errors } = props;
  const instantValue = (key: string) => {
    const raw = values[key];
    return raw instanceof Date ? toLocalInput(raw) : str(values, key);
  };
  return (
    <>
      <TextInput name="title" label={t('eventTitle')} value={str(values, 'title')} error={errors?.title} />
      <Select
        name="kind"
        label={t('kind')}
        value={str(values, 'kind')}
        error={errors?.kind}
        emptyLabel=""
        options={EVENT_KINDS.map((k) => ({ value: k, label: kindLabel(k, v.lang) }))}
      />
      <TextInput
        name="startsAt"
        type="datetime-local"
        label={t('startsAt')}
        hint={t('timeHint')}
        value={instantValue('startsAt')}
        error={errors?.startsAt}
        width="medium"
      />
      <TextInput
        name="endsAt"
        type="datetime-local"
        label={t('endsAt')}
        hint={t('timeHint')}
        value={instantValue('endsAt')}
        error={errors?.endsAt}
        width="medium"
      />
      <TextInput name="venue" label={t('venue')} value={str(values, 'venue')} error={errors?.venue} />
      <Select
        name="venueKabkotaCode"
        label={t('venueKabkota')}
        value={str(values, 'venueKabkotaCode')}
        error={errors?.venueKabkotaCode}
        emptyLabel=""
        options={props.kabkota.map((k) => ({ value: k.code, label: k.name }))}
      />
      <TextInput
        name="organiser"
        label={t('organiser')}
        hint={t('organiserHint')}
        value={str(values, 'organiser')}
        error={errors?.organiser}
      />
      {props.cycles.length > 0 && (
        <Select
          name="cycleId"
          label={t('cycle')}
          value={str(values, 'cycleId')}
          error={errors?.cycleId}
          emptyLabel={t('noCycle')}
          options={props.cycles.map((c) => ({ value: c.id, label: c.name }))}
        />
      )}
      <TextArea
        name="description"
        label={t('description')}
        value={str(values, 'description')}
        error={errors?.description}
        rows={4}
        optional
      />
      <TextArea
        name="agenda"
        label={t('agenda')}
        hint={t('agendaHint')}
        value={str(values, 'agenda')}
        error={errors?.agenda}
        rows={6}
        optional
      />
    </>
  );
}

export function EventFormPage(props: {
  event?: EventRow;
  values: Record<string, unknown>;
  errors?: FieldErrors | undefined;
  kabkota: Region[];
  cycles: { id: string; name: string }[];
  current?: EventRow | undefined;
}) {
  const v = useView();
  const t = v.tr(eventsText);
  const { event } = props;
  const title = event ? t('editEvent') : t('newEvent');
  const names = new Map(props.kabkota.map((k) => [k.code, k.name]));
  return (
    <>
      <BackLink href={event ? `/events/${event.id}` : '/events'} />
      <PageHeading title={title} caption={event?.title} />
      {props.current && (
        <Panel title={v.t('staleTitle')} tone="warning">
          <p>{v.t('staleBody')}</p>
          <div class="compare">
            <div>
              <h3>{v.t('theirVersion')}</h3>
              <SummaryList
                rows={[
                  { key: t('eventTitle'), value: props.current.title },
                  { key: t('kind'), value: kindLabel(props.current.kind, v.lang) },
                  { key: t('when'), value: eventWhen(props.current, v.lang) },
                  {
                    key: t('venue'),
                    value: `${props.current.venue}, ${names.get(props.current.venueKabkotaCode) ?? ''}`,
                  },
                  { key: t('organiser'), value: props.current.organiser },
                ]}
              />
            </div>
            <div>
              <h3>{v.t('yourVersion')}</h3>
              <SummaryList
                rows={[
                  { key: t('eventTitle'), value: str(props.values, 'title') },
                  {
                    key: t('when'),
                    value: `${str(props.values, 'startsAt')} – ${str(props.values, 'endsAt')}`,
                  },
                  { key: t('venue'), value: str(props.values, 'venue') },
                  { key: t('organiser'), value: str(props.values, 'organiser') },
                ]}
              />
            </div>
          </div>
        </Panel>
      )}
      <ErrorSummary errors={props.errors} />
      <Form action={event ? `/events/${event.id}` : '/events'}>
        {event && (
          <input type="hidden" name="version" value={String(props.current?.version ?? event.version)} />
        )}
        <EventFields
          values={props.values}
          errors={props.errors}
          kabkota={props.kabkota}
          cycles={props.cycles}
        />
        <Button>{event ? v.t('save') : t('newEvent')}</Button>
      </Form>
    </>
  );
}

export function MinutesPage(props: {
  event: EventRow;
  values: Record<string, unknown>;
  errors?: FieldErrors | undefined;
  current?: EventRow | undefined;
}) {
  const v = useView();
  const t = v.tr(eventsText);
  const { event } = props;
  return (
    <>
      <BackLink href={`/events/${event.id}`} />
      <PageHeading title={t('editMinutes')} caption={event.title} />
      {props.current && (
        <Panel title={v.t('staleTitle')} tone="warning">
          <p>{v.t('staleBody')}</p>
          <h3>{v.t('theirVersion')}</h3>
          <p class="pre">{props.current.minutes ?? ''}</p>
        </Panel>
      )}
      <ErrorSummary errors={props.errors} />
      <Form action={`/events/${event.id}/minutes`}>
        <input type="hidden" name="version" value={String(props.current?.version ?? event.version)} />
        <TextArea
          name="minutes"
          label={t('minutes')}
          hint={t('minutesHint')}
          value={str(props.values, 'minutes')}
          error={props.errors?.minutes}
          rows={18}
        />
        <Button>{v.t('save')}</Button>
      </Form>
    </>
  );
}

export interface EventPageData {
  event: EventRow;
  kabkota: Region[];
  speakers: SpeakerRow[];
  materials: EventFileRow[];
  photos: EventFileRow[];
  coverage: EventCoverage;
  counts: { listed: number; present: number };
  followUps: FollowUpView[];
  links: StakeholderLink[];
  stakeholderOptions: { id: string; name: string }[];
  registrationUrl: string;
  uploadMaxMb: number;
  errors?: FieldErrors | undefined;
  values?: Record<string, unknown>;
}

function bytes(n: number): string {
  return n >= 1048576
    ? `${formatNumber(Math.round(n / 104857.6) / 10)} MB`
    : `${formatNumber(Math.ceil(n / 1024))} KB`;
}

/** An event's page: details, speakers, materials, photos, attendance, coverage, minutes, follow-ups. */
export function EventPage(props: EventPageData) {
  const v = useView();
  const t = v.tr(eventsText);
  const ft = v.tr(followUpText);
  const { event } = props;
  const manage = can(v.actor, 'events.manage');
  const names = new Map(props.kabkota.map((k) => [k.code, k.name]));
  const base = `/events/${event.id}`;
  const values = props.values ?? {};
  const errors = props.errors;
  return (
    <>
      <BackLink href="/events" label={t('title')} />
      <PageHeading title={event.title} caption={kindLabel(event.kind, v.lang)}>
        <p>
          <PhaseTag event={event} />{' '}
          {manage && <a href={`/admin/audit?objectType=event&objectId=${event.id}`}>{t('auditTrail')}</a>}
        </p>
      </PageHeading>
      <ErrorSummary errors={errors} />
      {manage && (
        <div class="action-row">
          {event.status !== 'cancelled' && <LinkButton href={`${base}/edit`}>{t('editEvent')}</LinkButton>}
          {event.status === 'scheduled' && (
            <Form action={`${base}/status`} class="inline">
              <input type="hidden" name="status" value="finished" />
              <Button variant="secondary">{t('finishEvent')}</Button>
            </Form>
          )}
          {event.status === 'scheduled' && (
            <Form action={`${base}/status`} class="inline">
              <input type="hidden" name="status" value="cancelled" />
              <Button variant="warning">{t('cancelEvent')}</Button>
            </Form>
          )}
          {event.status !== 'scheduled' && (
            <Form action={`${base}/status`} class="inline">
              <input type="hidden" name="status" value="scheduled" />
              <Button variant="secondary">{t('reopenEvent')}</Button>
            </Form>
          )}
        </div>
      )}
      <SummaryList
        rows={[
          { key: t('when'), value: eventWhen(event, v.lang) },
          {
            key: t('venue'),
            value: `${event.venue}, ${names.get(event.venueKabkotaCode) ?? event.venueKabkotaCode}`,
          },
          { key: t('organiser'), value: event.organiser },
          {
            key: t('sectionParticipants'),
            value: t('participantsCount', { listed: props.counts.listed, present: props.counts.present }),
          },
        ]}
      />
      {event.description && <p class="pre-line">{event.description}</p>}

      <h2 id="attendance">{t('sectionAttendance')}</h2>
      <ul class="link-list">
        <li>
          <a href={`${base}/participants`}>{t('participantList')}</a>
        </li>
        {can(v.actor, 'events.checkin') && (
          <li>
            <a href={`${base}/checkin`}>{t('checkinList')}</a>
          </li>
        )}
        {manage && (
          <>
            <li>
              <a href={`${base}/door`}>{t('doorTitle')}</a>
            </li>
            <li>
              <a href={`${base}/attendance-sheet.pdf`}>{t('sheetPdf')}</a>
            </li>
            <li>
              <a href={`${base}/sheet`}>{t('typeBack')}</a>
            </li>
          </>
        )}
      </ul>
      {manage && (
        <div class="panel panel-info registration-panel">
          <h3>
            {t('registration')}:{' '}
            {event.registrationOpen ? (
              <Tag tone="green">{t('registrationOpen')}</Tag>
            ) : (
              <Tag tone="grey">{t('registrationClosed')}</Tag>
            )}
          </h3>
          {event.registrationOpen && (
            <>
              <p class="hint">{t('registrationLinkHint')}</p>
              <p>
                <code class="copyable">{props.registrationUrl}</code>
              </p>
            </>
          )}
          {event.status === 'scheduled' && (
            <Form action={`${base}/registration`} class="inline">
              <input type="hidden" name="open" value={event.registrationOpen ? '0' : '1'} />
              <Button variant="secondary">
                {event.registrationOpen ? t('closeRegistration') : t('openRegistration')}
              </Button>
            </Form>
          )}
        </div>
      )}

      <h2 id="coverage">{t('sectionCoverage')}</h2>
      <p class="lead">
        <strong>
          {t('coverageLine', { present: props.coverage.present, total: props.coverage.total })}.
        </strong>{' '}
        {props.coverage.missing.length
          ? t('coverageMissing', { names: props.coverage.missing.join(', ') })
          : t('coverageAllPresent')}
      </p>
      <div class="coverage-layout">
        <CoverageGrid rows={props.coverage.rows} />
        <figure class="coverage-map">
          <img
            src={`${base}/coverage.svg`}
            alt={t('coverageMapTitle')}
            width="480"
            height="276"
            loading="lazy"
          />
        </figure>
      </div>
      <CoverageTable coverage={props.coverage} />

      <h2 id="speakers">{t('sectionSpeakers')}</h2>
      {props.speakers.length === 0 ? (
        <EmptyState>{t('noSpeakers')}</EmptyState>
      ) : (
        <Table
          caption={t('sectionSpeakers')}
          captionHidden
          columns={[
            { label: t('speakerName') },
            { label: t('speakerInstitution') },
            { label: t('speakerTopic') },
            ...(manage ? [{ label: '' }] : []),
          ]}
        >
          {props.speakers.map((s) => (
            <tr>
              <td>{s.name}</td>
              <td>{s.institution ?? ''}</td>
              <td>{s.topic ?? ''}</td>
              {manage && (
                <td>
                  <Form action={`${base}/speakers/${s.id}/delete`} class="inline">
                    <button type="submit" class="link-button">
                      {t('removeSpeaker')}
                    </button>
                  </Form>
                </td>
              )}
            </tr>
          ))}
        </Table>
      )}
      {manage && event.status !== 'cancelled' && (
        <details class="add-block" open={Boolean(errors?.name)}>
          <summary>{t('addSpeaker')}</summary>
          <Form action={`${base}/speakers`}>
            <TextInput
              name="name"
              label={t('speakerName')}
              value={str(values, 'name')}
              error={errors?.name}
            />
            <TextInput
              name="institution"
              label={t('speakerInstitution')}
              value={str(values, 'institution')}
              optional
            />
            <TextInput name="topic" label={t('speakerTopic')} value={str(values, 'topic')} optional />
            {props.stakeholderOptions.length > 0 && (
              <Select
                name="stakeholderId"
                label={v.tr(eventsText)('linkStakeholder')}
                value={str(values, 'stakeholderId')}
                emptyLabel={v.t('none')}
                options={props.stakeholderOptions.map((s) => ({ value: s.id, label: s.name }))}
                optional
              />
            )}
            <Button variant="secondary">{t('addSpeaker')}</Button>
          </Form>
        </details>
      )}

      {event.agenda && (
        <>
          <h2 id="agenda">{t('agenda')}</h2>
          <ol class="agenda">
            {event.agenda
              .split(/\r?\n/)
              .filter((l) => l.trim())
              .map((l) => (
                <li>{l}</li>
              ))}
          </ol>
        </>
      )}

      <h2 id="materials">{t('sectionMaterials')}</h2>
      {props.materials.length === 0 ? (
        <EmptyState>{t('noMaterials')}</EmptyState>
      ) : (
        <ul class="file-list">
          {props.materials.map((m) => (
            <li>
              <a href={`${base}/files/${m.id}?download=1`}>{m.filename}</a>{' '}
              <span class="muted">
                ({m.mime.split('/')[1]?.split('.').pop()?.toUpperCase()}, {bytes(m.size)})
              </span>
              {m.caption && <> — {m.caption}</>}
              {manage && (
                <Form action={`${base}/files/${m.id}/remove`} class="inline">
                  {' '}
                  <button type="submit" class="link-button">
                    {t('removeFile')}
                  </button>
                </Form>
              )}
            </li>
          ))}
        </ul>
      )}
      {manage && (
        <details class="add-block" open={Boolean(errors?.material)}>
          <summary>{t('uploadMaterial')}</summary>
          <Form action={`${base}/materials`} multipart>
            <FileInput
              name="material"
              label={t('file')}
              hint={t('materialHint', { max: props.uploadMaxMb })}
              error={errors?.material}
              accept=".pdf,.pptx,.docx,.jpg,.jpeg,.png,.webp"
            />
            <TextInput name="caption" label={t('caption')} optional />
            <Button variant="secondary">{t('uploadMaterial')}</Button>
          </Form>
        </details>
      )}

      <h2 id="photos">{t('sectionPhotos')}</h2>
      {props.photos.length === 0 ? (
        <EmptyState>{t('noPhotos')}</EmptyState>
      ) : (
        <ul class="photo-grid">
          {props.photos.map((p) => (
            <li>
              <a href={`${base}/files/${p.id}?size=display`}>
                <img
                  src={`${base}/files/${p.id}?size=thumb`}
                  alt={p.caption ?? p.filename}
                  loading="lazy"
                  width="160"
                />
              </a>
              {p.caption && <span>{p.caption}</span>}
              {manage && (
                <Form action={`${base}/files/${p.id}/remove`} class="inline">
                  <button type="submit" class="link-button">
                    {t('removeFile')}
                  </button>
                </Form>
              )}
            </li>
          ))}
        </ul>
      )}
      {manage && (
        <details class="add-block" open={Boolean(errors?.photo)}>
          <summary>{t('uploadPhoto')}</summary>
          <Form action={`${base}/photos`} multipart>
            <FileInput
              name="photo"
              label={t('file')}
              hint={t('photoHint', { max: props.uploadMaxMb })}
              error={errors?.photo}
              accept="image/jpeg,image/png,image/webp"
            />
            <TextInput name="caption" label={t('caption')} optional />
            <Button variant="secondary">{t('uploadPhoto')}</Button>
          </Form>
        </details>
      )}

      <h2 id="minutes">{t('minutes')}</h2>
      {event.minutes ? (
        <div class="minutes pre-line">{event.minutes}</div>
      ) : (
        <EmptyState>{t('noMinutes')}</EmptyState>
      )}
      {manage && (
        <p>
          <a href={`${base}/minutes`}>{t('editMinutes')}</a>
        </p>
      )}

      <h2 id="follow-ups">{t('sectionFollowUps')}</h2>
      {props.followUps.length === 0 ? (
        <EmptyState>{ft('none')}</EmptyState>
      ) : (
        <Table
          caption={t('sectionFollowUps')}
          captionHidden
          columns={[
            { label: t('kabkota') },
            { label: ft('action') },
            { label: ft('dueDate') },
            { label: ft('status') },
          ]}
        >
          {props.followUps.map((a) => (
            <tr>
              <td>{names.get(a.kabkotaCode) ?? a.kabkotaCode}</td>
              <td>
                <a href={`/follow-ups/${a.id}`}>{a.title}</a>
              </td>
              <td class="nowrap">{formatDate(a.dueDate, v.lang)}</td>
              <td>
                <FollowUpStatusTag action={a} />
              </td>
            </tr>
          ))}
        </Table>
      )}
      {can(v.actor, 'followups.manage') && (
        <details class="add-block" open={Boolean(errors?.title || errors?.dueDate || errors?.kabkotaCodes)}>
          <summary>{ft('add')}</summary>
          <Form action={`${base}/follow-ups`}>
            <TextInput
              name="title"
              label={ft('actionTitle')}
              hint={ft('actionTitleHint')}
              value={str(values, 'title')}
              error={errors?.title}
            />
            <TextArea
              name="description"
              label={ft('description')}
              value={str(values, 'description')}
              rows={3}
              optional
            />
            <TextInput
              name="dueDate"
              type="date"
              label={ft('dueDate')}
              value={str(values, 'dueDate')}
              error={errors?.dueDate}
              width="medium"
            />
            <TextInput name="ownerName" label={ft('ownerName')} value={str(values, 'ownerName')} optional />
            <fieldset class={errors?.kabkotaCodes ? 'field field-error' : 'field'} id="f-kabkotaCodes">
              <legend>{ft('kabkotas')}</legend>
              <div class="hint">{ft('kabkotasHint')}</div>
              {errors?.kabkotaCodes && <p class="error-message">{errors.kabkotaCodes}</p>}
              <div class="checkbox-columns">
                {props.kabkota.map((k) => (
                  <Checkbox
                    name="kabkotaCodes"
                    value={k.code}
                    label={k.name}
                    checked={!('title' in values) || [values.kabkotaCodes].flat().includes(k.code)}
                  />
                ))}
              </div>
            </fieldset>
            <Button variant="secondary">{ft('add')}</Button>
          </Form>
        </details>
      )}

      <h2 id="stakeholders">{t('sectionStakeholders')}</h2>
      {props.links.length === 0 ? (
        <EmptyState>{t('noStakeholders')}</EmptyState>
      ) : (
        <ul class="link-list">
          {props.links.map((l) => (
            <li>
              <a href={`/stakeholders/${l.stakeholderId}`}>{l.name}</a> —{' '}
              {stakeholderRoleLabel(l.role, v.lang)}
            </li>
          ))}
        </ul>
      )}
      {manage && props.stakeholderOptions.length > 0 && (
        <Form action={`${base}/stakeholders`} class="filters">
          <Select
            name="stakeholderId"
            label={t('linkStakeholder')}
            emptyLabel=""
            error={errors?.stakeholderId}
            options={props.stakeholderOptions.map((s) => ({ value: s.id, label: s.name }))}
          />
          <Select
            name="role"
            label={t('stakeholderRole')}
            options={EVENT_STAKEHOLDER_ROLES.map((r) => ({
              value: r,
              label: stakeholderRoleLabel(r, v.lang),
            }))}
          />
          <Button variant="secondary">{t('linkStakeholder')}</Button>
        </Form>
      )}

      <h2 id="downloads">{t('sectionExports')}</h2>
      <ul class="link-list">
        <li>
          <a href={`${base}/report.pdf`}>{t('exportReport')}</a>
        </li>
        {manage && (
          <>
            <li>
              <a href={`${base}/participants.xlsx`}>{t('exportParticipants')}</a>
            </li>
            <li>
              <a href={`${base}/attendance.xlsx`}>{t('exportAttendance')}</a>
            </li>
          </>
        )}
      </ul>
    </>
  );
}

/** The dashboard's notice of overdue follow-up actions (for the dashboard feature to place). */
export function OverdueActionsNotice(props: {
  count: number;
  rows: FollowUpView[];
  kabkotaNames: Map<string, string>;
}) {
  const v = useView();
  const t = v.tr(eventsText);
  if (props.count === 0) return null;
  return (
    <div class="panel panel-warning overdue-notice" role="status">
      <h2>{t('overdueNotice', { count: props.count })}</h2>
      <ul>
        {props.rows.slice(0, 5).map((a) => (
          <li>
            <a href={`/follow-ups/${a.id}`}>{a.title}</a> —{' '}
            {props.kabkotaNames.get(a.kabkotaCode) ?? a.kabkotaCode}, {formatDate(a.dueDate, v.lang)}
          </li>
        ))}
      </ul>
      <p>
        <a href="/follow-ups?overdue=on">{t('overdueLink')}</a>
      </p>
    </div>
  );
}
