/** Pages for people without an account: self-registration and one-tap check-in. */
import { formatDateTime } from '../../platform/format.ts';
import {
  Button,
  ErrorSummary,
  Form,
  PageHeading,
  Panel,
  SummaryList,
  TextInput,
} from '../../platform/ui/components.tsx';
import { useView } from '../../platform/ui/view.ts';
import type { FieldErrors } from '../../platform/validation.ts';
import type { Region } from '../regions/regions.service.ts';
import { eventWhen, kindLabel } from './events.labels.ts';
import { eventsText } from './events.messages.ts';
import type { EventRow } from './events.service.ts';
import { GuestFields } from './participants.views.tsx';

function EventFacts(props: { event: EventRow; venueName: string }) {
  const v = useView();
  const t = v.tr(eventsText);
  const { event } = props;
  return (
    <SummaryList
      rows={[
        { key: t('kind'), value: kindLabel(event.kind, v.lang) },
        { key: t('when'), value: eventWhen(event, v.lang) },
        { key: t('venue'), value: `${event.venue}, ${props.venueName}` },
        { key: t('organiser'), value: event.organiser },
      ]}
    />
  );
}

export function RegisterPage(props: {
  event: EventRow;
  venueName: string;
  kabkota: Region[];
  action: string;
  values: Record<string, unknown>;
  errors?: FieldErrors | undefined;
  open: boolean;
}) {
  const v = useView();
  const t = v.tr(eventsText);
  return (
    <div class="narrow">
      <PageHeading title={t('registerTitle')} caption={props.event.title} />
      <EventFacts event={props.event} venueName={props.venueName} />
      <ErrorSummary errors={props.errors} />
      {props.open ? (
        <>
          <p>{t('registerLead')}</p>
          <Form action={props.action}>
            <GuestFields values={props.values} errors={props.errors} kabkota={props.kabkota} publicForm />
            <Button>{t('register')}</Button>
          </Form>
        </>
      ) : (
        <Panel title={t('closedTitle')} tone="warning">
          <p>{t('closedBody')}</p>
        </Panel>
      )}
    </div>
  );
}

export function RegisteredPage(props: {
  event: EventRow;
  venueName: string;
  name: string;
  seq: number;
  link: string;
}) {
  const v = useView();
  const t = v.tr(eventsText);
  return (
    <div class="narrow">
      <Panel title={t('registeredTitle')} tone="success">
        <p>{t('registeredBody', { name: props.name, seq: props.seq })}</p>
        <p>
          <a href={props.link}>{t('personalLink')}</a>
        </p>
        <p>
          <code class="copyable">{props.link}</code>
        </p>
      </Panel>
      <EventFacts event={props.event} venueName={props.venueName} />
    </div>
  );
}

/** What the door QR code opens: one tap for a signed-in invitee, otherwise find one's invitation. */
export function DoorCheckinPage(props: {
  event: EventRow;
  venueName: string;
  action: string;
  /** The signed-in user's own place on the list, when they have one. */
  listedAs?: { name: string; checkedInAt: Date | null } | undefined;
  signedIn: boolean;
  registrationUrl: string | null;
  loginUrl: string;
  values: Record<string, unknown>;
  errors?: FieldErrors | undefined;
}) {
  const v = useView();
  const t = v.tr(eventsText);
  const listed = props.listedAs;
  return (
    <div class="narrow">
      <PageHeading title={t('hereTitle')} caption={props.event.title} />
      <EventFacts event={props.event} venueName={props.venueName} />
      <ErrorSummary errors={props.errors} />
      {listed?.checkedInAt ? (
        <Panel title={t('attended')} tone="success">
          <p>{t('hereAlready', { name: listed.name, time: formatDateTime(listed.checkedInAt, v.lang) })}</p>
        </Panel>
      ) : listed ? (
        <Form action={props.action} class="one-tap">
          <input type="hidden" name="self" value="1" />
          <p>{t('hereFor', { name: listed.name })}</p>
          <Button>{t('hereButton')}</Button>
        </Form>
      ) : (
        <>
          <p>{t('identifyLead')}</p>
          <Form action={props.action}>
            <TextInput
              name="contact"
              label={t('phoneOrEmail')}
              value={typeof props.values.contact === 'string' ? props.values.contact : ''}
              error={props.errors?.contact}
              autocomplete="tel"
              width="medium"
            />
            <Button>{t('findMe')}</Button>
          </Form>
          {!props.signedIn && (
            <p>
              <a href={props.loginUrl}>{t('signInForOneTap')}</a>
            </p>
          )}
          {props.registrationUrl && (
            <p>
              <a href={props.registrationUrl}>{t('notInvitedRegister')}</a>
            </p>
          )}
        </>
      )}
    </div>
  );
}

/** A personal link: the person's name and one button. */
export function PersonalCheckinPage(props: {
  event: EventRow;
  venueName: string;
  name: string;
  action: string;
  checkedInAt: Date | null;
  errors?: FieldErrors | undefined;
}) {
  const v = useView();
  const t = v.tr(eventsText);
  return (
    <div class="narrow">
      <PageHeading title={t('hereTitle')} caption={props.event.title} />
      <ErrorSummary errors={props.errors} />
      {props.checkedInAt ? (
        <Panel title={t('attended')} tone="success">
          <p>{t('hereAlready', { name: props.name, time: formatDateTime(props.checkedInAt, v.lang) })}</p>
        </Panel>
      ) : (
        <Form action={props.action} class="one-tap">
          <p class="lead">{t('hereFor', { name: props.name })}</p>
          <Button>{t('hereButton')}</Button>
        </Form>
      )}
      <EventFacts event={props.event} venueName={props.venueName} />
    </div>
  );
}

export function CheckedInPage(props: {
  event: EventRow;
  venueName: string;
  name: string;
  at: Date;
  already: boolean;
}) {
  const v = useView();
  const t = v.tr(eventsText);
  const time = formatDateTime(props.at, v.lang);
  return (
    <div class="narrow">
      <Panel title={t('attended')} tone="success">
        <p class="lead">
          {props.already
            ? t('hereAlready', { name: props.name, time })
            : t('hereDone', { name: props.name, time })}
        </p>
      </Panel>
      <EventFacts event={props.event} venueName={props.venueName} />
    </div>
  );
}
