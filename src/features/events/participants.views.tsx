import { can, isProvinceWide } from '../../platform/authz.ts';
import { formatDateTime } from '../../platform/format.ts';
import { str } from '../../platform/forms.ts';
import type { Page } from '../../platform/keyset.ts';
import {
  BackLink,
  Button,
  Checkbox,
  EmptyState,
  ErrorSummary,
  Form,
  LinkButton,
  PageHeading,
  Pagination,
  Select,
  Table,
  Tag,
  TextInput,
} from '../../platform/ui/components.tsx';
import { roleLabel } from '../../platform/ui/labels.ts';
import { useView } from '../../platform/ui/view.ts';
import type { FieldErrors } from '../../platform/validation.ts';
import type { Region } from '../regions/regions.service.ts';
import { WALK_IN_ROWS } from './events.forms.ts';
import { eventWhen, methodLabel, participantKindLabel, sourceLabel } from './events.labels.ts';
import { eventsText } from './events.messages.ts';
import type { EventRow } from './events.service.ts';
import type { ParticipantView } from './participants.service.ts';

function KabkotaSelect(props: {
  name: string;
  label: string;
  kabkota: Region[];
  value?: string;
  error?: string | undefined;
  hint?: string;
  emptyLabel: string;
}) {
  return (
    <Select
      name={props.name}
      label={props.label}
      hint={props.hint}
      value={props.value}
      error={props.error}
      emptyLabel={props.emptyLabel}
      options={props.kabkota.map((k) => ({ value: k.code, label: k.name }))}
    />
  );
}

/** Name, institution and kab/kota of a guest: the admin's form and the public registration share them. */
export function GuestFields(props: {
  values: Record<string, unknown>;
  errors: FieldErrors | undefined;
  kabkota: Region[];
  publicForm?: boolean;
}) {
  const v = useView();
  const t = v.tr(eventsText);
  const { values, errors } = props;
  return (
    <>
      <TextInput
        name="name"
        label={t('name')}
        value={str(values, 'name')}
        error={errors?.name}
        autocomplete="name"
      />
      <TextInput
        name="institution"
        label={t('institution')}
        value={str(values, 'institution')}
        error={errors?.institution}
        autocomplete="organization"
        optional
      />
      <TextInput
        name="position"
        label={t('position')}
        value={str(values, 'position')}
        error={errors?.position}
        autocomplete="organization-title"
        optional
      />
      <KabkotaSelect
        name="kabkotaCode"
        label={t('kabkota')}
        hint={props.publicForm ? t('registerKabkotaHint') : undefined}
        kabkota={props.kabkota}
        value={str(values, 'kabkotaCode')}
        error={errors?.kabkotaCode}
        emptyLabel={t('kabkotaNone')}
      />
      {props.publicForm && <p class="hint">{t('contactHint')}</p>}
      <TextInput
        name="phone"
        type="tel"
        label={t('phone')}
        value={str(values, 'phone')}
        error={errors?.phone}
        autocomplete="tel"
        width="medium"
        optional={!props.publicForm}
      />
      <TextInput
        name="email"
        type="email"
        label={t('email')}
        value={str(values, 'email')}
        error={errors?.email}
        autocomplete="email"
        spellcheck={false}
        optional={!props.publicForm}
      />
    </>
  );
}

function Present(props: { p: ParticipantView }) {
  const v = useView();
  const t = v.tr(eventsText);
  const a = props.p.attendance;
  if (!a) return <Tag tone="grey">{t('absent')}</Tag>;
  return (
    <>
      <Tag tone="green">{t('attended')}</Tag>{' '}
      <span class="muted nowrap">
        {formatDateTime(a.checkedInAt, v.lang).split(' ').slice(-2).join(' ')} ·{' '}
        {methodLabel(a.method, v.lang)}
      </span>
    </>
  );
}

export interface ParticipantsPageData {
  event: EventRow;
  page: Page<ParticipantView>;
  counts: { listed: number; present: number };
  kabkota: Region[];
  officers: {
    id: string;
    name: string;
    role: string;
    regionCode: string | null;
    institution: string | null;
  }[];
  contacts: { id: string; name: string; organisation: string; position: string | null }[];
  /** Personal check-in link of a participant, for the admin to send. */
  personalUrl: (p: ParticipantView) => string | null;
  q?: string | undefined;
  values?: Record<string, unknown>;
  errors?: FieldErrors | undefined;
}

export function ParticipantsPage(props: ParticipantsPageData) {
  const v = useView();
  const t = v.tr(eventsText);
  const { event } = props;
  const manage = can(v.actor, 'events.manage');
  const names = new Map(props.kabkota.map((k) => [k.code, k.name]));
  const base = `/events/${event.id}`;
  const values = props.values ?? {};
  const editable = manage && event.status !== 'cancelled';
  return (
    <>
      <BackLink href={base} label={event.title} />
      <PageHeading title={t('participantList')} caption={event.title}>
        <p class="lead">{t('participantsCount', props.counts)}</p>
      </PageHeading>
      <ErrorSummary errors={props.errors} />
      <Form action={`${base}/participants`} method="get" class="filters">
        <TextInput name="q" type="search" label={t('searchName')} value={props.q} width="medium" />
        <Button variant="secondary">{v.t('search')}</Button>
      </Form>
      {props.page.rows.length === 0 ? (
        <EmptyState>{t('noParticipants')}</EmptyState>
      ) : (
        <Table
          caption={t('participantList')}
          columns={[
            { label: t('no'), numeric: true },
            { label: t('name') },
            { label: t('institution') },
            { label: t('kabkota') },
            { label: t('phone') },
            { label: t('participantKind') },
            { label: t('attended') },
            ...(manage ? [{ label: '' }] : []),
          ]}
        >
          {props.page.rows.map((p) => {
            const link = manage ? props.personalUrl(p) : null;
            return (
              <tr>
                <td class="numeric">{p.seq}</td>
                <td>
                  {p.name}
                  {p.position && (
                    <>
                      <br />
                      <span class="muted">{p.position}</span>
                    </>
                  )}
                </td>
                <td>{p.institution ?? ''}</td>
                <td>{p.kabkotaCode ? (names.get(p.kabkotaCode) ?? p.kabkotaCode) : t('kabkotaNone')}</td>
                <td>
                  {p.contactHidden ? (
                    <span class="muted">({t('hidden')})</span>
                  ) : (
                    <>
                      {p.phone ?? ''}
                      {p.phone && p.email && <br />}
                      {p.email ?? ''}
                    </>
                  )}
                </td>
                <td>
                  {participantKindLabel(p.kind, v.lang)}
                  <br />
                  <span class="muted">{sourceLabel(p.source, v.lang)}</span>
                </td>
                <td>
                  <Present p={p} />
                </td>
                {manage && (
                  <td>
                    {link && (
                      <details class="personal-link">
                        <summary>{t('personalLink')}</summary>
                        <p class="hint">{t('personalLinkHint')}</p>
                        <code class="copyable">{link}</code>
                      </details>
                    )}
                    {editable && (
                      <Form action={`${base}/participants/${p.id}/withdraw`} class="inline">
                        <button type="submit" class="link-button">
                          {t('withdraw')}
                        </button>
                      </Form>
                    )}
                  </td>
                )}
              </tr>
            );
          })}
        </Table>
      )}
      <Pagination next={props.page.next} prev={props.page.prev} />
      {editable && (
        <>
          <h2>{t('inviteOfficers')}</h2>
          <p class="hint">{t('inviteOfficersHint')}</p>
          {props.officers.length === 0 ? (
            <EmptyState>{t('noOfficersLeft')}</EmptyState>
          ) : (
            <Form action={`${base}/participants/users`}>
              <div class="checkbox-columns" id="f-userIds">
                {props.officers.map((u) => (
                  <Checkbox
                    name="userIds"
                    value={u.id}
                    label={u.name}
                    hint={`${u.regionCode ? (names.get(u.regionCode) ?? u.regionCode) : roleLabel(u.role as 'admin_provinsi', v.lang)}${u.institution ? ` · ${u.institution}` : ''}`}
                  />
                ))}
              </div>
              {props.errors?.userIds && <p class="error-message">{props.errors.userIds}</p>}
              <Button variant="secondary">{t('inviteSelected')}</Button>
            </Form>
          )}
          <h2>{t('inviteGuest')}</h2>
          <p class="hint">{t('inviteGuestHint')}</p>
          <Form action={`${base}/participants/guests`}>
            <GuestFields values={values} errors={props.errors} kabkota={props.kabkota} />
            <Button variant="secondary">{t('inviteGuest')}</Button>
          </Form>
          <h2>{t('inviteContacts')}</h2>
          {props.contacts.length === 0 ? (
            <EmptyState>{t('noContactsLeft')}</EmptyState>
          ) : (
            <Form action={`${base}/participants/contacts`}>
              <div class="checkbox-columns" id="f-contactIds">
                {props.contacts.map((c) => (
                  <Checkbox
                    name="contactIds"
                    value={c.id}
                    label={c.name}
                    hint={[c.position, c.organisation].filter(Boolean).join(', ')}
                  />
                ))}
              </div>
              <Button variant="secondary">{t('inviteSelected')}</Button>
            </Form>
          )}
        </>
      )}
    </>
  );
}

/** The desk's check-in list: made for a phone, one button a person. */
export function CheckinPage(props: {
  event: EventRow;
  page: Page<ParticipantView>;
  counts: { listed: number; present: number };
  kabkota: Region[];
  q?: string | undefined;
  errors?: FieldErrors | undefined;
}) {
  const v = useView();
  const t = v.tr(eventsText);
  const { event } = props;
  const names = new Map(props.kabkota.map((k) => [k.code, k.name]));
  const base = `/events/${event.id}`;
  const back = props.q ? `?q=${encodeURIComponent(props.q)}` : '';
  // A kab/kota officer handles the people of their own kab/kota at the desk.
  const wide = v.actor ? isProvinceWide(v.actor) : false;
  const mine = (p: ParticipantView) =>
    wide || (p.kabkotaCode !== null && p.kabkotaCode === v.actor?.regionCode);
  return (
    <>
      <BackLink href={base} label={event.title} />
      <PageHeading title={t('checkinList')} caption={event.title}>
        <p class="lead">
          <strong>{t('presentCount', props.counts)}</strong>
        </p>
        <p class="hint">{t('checkinHint')}</p>
      </PageHeading>
      <ErrorSummary errors={props.errors} />
      <Form action={`${base}/checkin`} method="get" class="filters">
        <TextInput name="q" type="search" label={t('searchName')} value={props.q} width="medium" />
        <Button variant="secondary">{v.t('search')}</Button>
      </Form>
      {props.page.rows.length === 0 ? (
        <EmptyState>{t('noParticipants')}</EmptyState>
      ) : (
        <ul class="checkin-list">
          {props.page.rows.map((p) => (
            <li class={p.attendance ? 'is-present' : undefined}>
              <span class="checkin-seq">{p.seq}</span>
              <span class="checkin-who">
                <strong>{p.name}</strong>
                <span class="muted">
                  {[p.institution, p.kabkotaCode ? names.get(p.kabkotaCode) : t('kabkotaNone')]
                    .filter(Boolean)
                    .join(' · ')}
                </span>
              </span>
              <span class="checkin-action">
                {p.attendance ? (
                  <>
                    <Tag tone="green">{t('attended')}</Tag>
                    {mine(p) && (
                      <Form action={`${base}/checkin/${p.id}/undo${back}`} class="inline">
                        <button type="submit" class="link-button">
                          {t('undoCheckin')}
                        </button>
                      </Form>
                    )}
                  </>
                ) : mine(p) ? (
                  <Form action={`${base}/checkin/${p.id}${back}`} class="inline">
                    <Button>{t('markPresent')}</Button>
                  </Form>
                ) : (
                  <Tag tone="grey">{t('absent')}</Tag>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
      <Pagination next={props.page.next} prev={props.page.prev} />
    </>
  );
}

/** The door QR code, to show on a screen or print. */
export function DoorPage(props: { event: EventRow; url: string; venueName: string }) {
  const v = useView();
  const t = v.tr(eventsText);
  const { event } = props;
  const base = `/events/${event.id}`;
  return (
    <>
      <BackLink href={base} label={event.title} />
      <PageHeading title={t('doorTitle')} caption={event.title}>
        <p class="lead">{t('doorLead')}</p>
      </PageHeading>
      <div class="door-qr">
        <p class="door-when">
          {eventWhen(event, v.lang)} · {event.venue}, {props.venueName}
        </p>
        <img
          src={`${base}/door-qr.svg`}
          alt={t('doorQrAlt', { title: event.title })}
          width="320"
          height="320"
        />
        <p>
          <strong>{t('scanToCheckIn')}</strong>
        </p>
        <p>
          <code class="copyable">{props.url}</code>
        </p>
      </div>
      <p>
        <LinkButton href={`${base}/door.pdf`}>{t('doorPoster')}</LinkButton>
      </p>
    </>
  );
}

/** Typing back the signed paper sheet. */
export function SheetPage(props: {
  event: EventRow;
  people: ParticipantView[];
  kabkota: Region[];
  values: Record<string, unknown>;
  errors?: FieldErrors | undefined;
}) {
  const v = useView();
  const t = v.tr(eventsText);
  const { event } = props;
  const names = new Map(props.kabkota.map((k) => [k.code, k.name]));
  const base = `/events/${event.id}`;
  const ticked = new Set([props.values.seqs].flat().filter(Boolean).map(String));
  const walkIn = (key: string, i: number) => {
    const raw = props.values[key];
    return Array.isArray(raw) ? String(raw[i] ?? '') : i === 0 && typeof raw === 'string' ? raw : '';
  };
  return (
    <>
      <BackLink href={base} label={event.title} />
      <PageHeading title={t('typeBack')} caption={event.title}>
        <p class="lead">{t('typeBackLead')}</p>
        <p>
          <a href={`${base}/attendance-sheet.pdf`}>{t('sheetPdf')}</a>
        </p>
      </PageHeading>
      <ErrorSummary errors={props.errors} />
      <Form action={`${base}/sheet`}>
        <TextInput
          name="numbers"
          label={t('signedNumbers')}
          hint={t('signedNumbersHint')}
          value={str(props.values, 'numbers')}
          error={props.errors?.numbers}
          inputmode="numeric"
        />
        <div class="sheet-grid">
          {props.people.map((p) => (
            <div class="checkbox">
              <input
                id={`seq-${p.seq}`}
                type="checkbox"
                name="seqs"
                value={String(p.seq)}
                checked={ticked.has(String(p.seq)) || p.attendance !== null}
                disabled={p.attendance !== null}
              />
              <label for={`seq-${p.seq}`}>
                <strong>{p.seq}.</strong> {p.name}
                <span class="hint">
                  {p.kabkotaCode ? names.get(p.kabkotaCode) : t('kabkotaNone')}
                  {p.attendance ? ` · ${t('attended')}` : ''}
                </span>
              </label>
            </div>
          ))}
        </div>
        <fieldset class="field" id="f-walkInName">
          <legend>{t('walkIns')}</legend>
          <div class="hint">{t('walkInsHint')}</div>
          {props.errors?.walkInKabkota && <p class="error-message">{props.errors.walkInKabkota}</p>}
          <table class="table walk-ins">
            <thead>
              <tr>
                <th scope="col">{t('name')}</th>
                <th scope="col">{t('institution')}</th>
                <th scope="col">{t('kabkota')}</th>
              </tr>
            </thead>
            <tbody>
              {Array.from({ length: WALK_IN_ROWS }, (_, i) => (
                <tr>
                  <td>
                    <input
                      class="input"
                      name="walkInName"
                      aria-label={`${t('name')} ${i + 1}`}
                      value={walkIn('walkInName', i)}
                    />
                  </td>
                  <td>
                    <input
                      class="input"
                      name="walkInInstitution"
                      aria-label={`${t('institution')} ${i + 1}`}
                      value={walkIn('walkInInstitution', i)}
                    />
                  </td>
                  <td>
                    <select class="input" name="walkInKabkota" aria-label={`${t('kabkota')} ${i + 1}`}>
                      <option value="">{t('kabkotaNone')}</option>
                      {props.kabkota.map((k) => (
                        <option value={k.code} selected={walkIn('walkInKabkota', i) === k.code}>
                          {k.name}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </fieldset>
        <Button>{t('saveSheet')}</Button>
      </Form>
    </>
  );
}
