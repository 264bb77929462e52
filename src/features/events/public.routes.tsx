/**
 * Pages without sign-in: the self-registration link and the check-in links (door QR and personal).
 * GET pages never change anything (a chat app previewing a link must not check anyone in); the one
 * tap is a POST.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { clientIp, type AppEnv, type Ctx } from '../../platform/context.ts';
import { NotFoundError, ruleViolation } from '../../platform/errors.ts';
import { handleForm } from '../../platform/forms.ts';
import { translator } from '../../platform/i18n.ts';
import { errorPage } from '../../platform/ui/error-page.tsx';
import { listKabkota } from '../regions/regions.service.ts';
import {
  attendanceOf,
  eventByDoorToken,
  findInvitation,
  participantByTokens,
  participantForUser,
  selfCheckIn,
} from './attendance.service.ts';
import { Identify, SelfRegistration } from './events.forms.ts';
import { eventRules, eventsText } from './events.messages.ts';
import type { EventRow } from './events.service.ts';
import { eventByRegistrationToken, registrationAccepting, selfRegister } from './participants.service.ts';
import {
  CheckedInPage,
  DoorCheckinPage,
  PersonalCheckinPage,
  RegisteredPage,
  RegisterPage,
} from './public.views.tsx';
import { personalPath, personalUrl, registrationUrl } from './events.urls.ts';

export const publicEventRoutes = new Hono<AppEnv>();

const text = (c: Ctx) => translator(eventsText, c.get('lang'));
const meta = (c: Ctx) => ({ ip: clientIp(c), requestId: c.get('requestId'), lang: c.get('lang') });

async function venueName(c: Ctx, event: EventRow): Promise<string> {
  const kab = await listKabkota(c.var.deps.db, event.provinceCode);
  return kab.find((k) => k.code === event.venueKabkotaCode)?.name ?? '';
}

/** An unknown or forged code gets its own page (404), saying nothing was recorded. */
async function unknownCode<T>(c: Ctx, run: () => Promise<T>): Promise<T | Response> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof NotFoundError)
      return errorPage(c, 404, text(c)('unknownCodeTitle'), text(c)('unknownCodeBody'));
    throw err;
  }
}

// Self-registration -----------------------------------------------------------------------------------

async function registerPage(
  c: Ctx,
  event: EventRow,
  values: Record<string, unknown> = {},
  errors?: Record<string, string>,
) {
  const kab = await listKabkota(c.var.deps.db, event.provinceCode);
  return c.render(
    <RegisterPage
      event={event}
      venueName={kab.find((k) => k.code === event.venueKabkotaCode)?.name ?? ''}
      kabkota={kab}
      action={`/daftar/${event.registrationToken}`}
      values={values}
      errors={errors}
      open={registrationAccepting(event)}
    />,
    { title: text(c)('registerTitle') },
  );
}

publicEventRoutes.get('/daftar/:token', async (c) => {
  const event = await eventByRegistrationToken(c.var.deps.db, c.req.param('token'));
  const user = c.get('user');
  return registerPage(
    c,
    event,
    user
      ? {
          name: user.name,
          email: user.email,
          phone: user.phone ?? '',
          institution: user.institution ?? '',
          kabkotaCode: user.regionCode ?? '',
        }
      : {},
  );
});

publicEventRoutes.post('/daftar/:token', async (c) => {
  const token = c.req.param('token');
  const event = await eventByRegistrationToken(c.var.deps.db, token);
  return handleForm(c, SelfRegistration, {
    valid: async (data) => {
      const p = await selfRegister(c.var.deps.db, token, data, c.get('actor'), meta(c));
      const link = personalUrl(c, event, p)!;
      return c.render(
        <RegisteredPage
          event={event}
          venueName={await venueName(c, event)}
          name={p.name}
          seq={p.seq}
          link={link}
        />,
        { title: text(c)('registeredTitle') },
      );
    },
    // Re-read: the link may have been closed while the form was open, and the page should say so.
    invalid: async ({ values, errors }) =>
      registerPage(c, await eventByRegistrationToken(c.var.deps.db, token), values, errors),
  });
});

// Check-in -----------------------------------------------------------------------------------------

async function doorPage(
  c: Ctx,
  event: EventRow,
  values: Record<string, unknown> = {},
  errors?: Record<string, string>,
) {
  const actor = c.get('actor');
  let listedAs: { name: string; checkedInAt: Date | null } | undefined;
  if (actor?.userId) {
    const p = await participantForUser(c.var.deps.db, event.id, actor.userId);
    if (p) {
      listedAs = {
        name: p.name,
        checkedInAt: (await attendanceOf(c.var.deps.db, p.id))?.checkedInAt ?? null,
      };
    }
  }
  const here = new URL(c.req.url).pathname;
  return c.render(
    <DoorCheckinPage
      event={event}
      venueName={await venueName(c, event)}
      action={here}
      listedAs={listedAs}
      signedIn={actor !== null}
      registrationUrl={registrationAccepting(event) ? registrationUrl(c, event) : null}
      loginUrl={`/login?next=${encodeURIComponent(here)}`}
      values={values}
      errors={errors}
    />,
    { title: text(c)('hereTitle') },
  );
}

publicEventRoutes.get('/hadir/:door', (c) =>
  unknownCode(c, async () => doorPage(c, await eventByDoorToken(c.var.deps.db, c.req.param('door')))),
);

const DoorPost = z.union([z.object({ self: z.literal('1') }), Identify]);

publicEventRoutes.post('/hadir/:door', (c) =>
  unknownCode(c, async () => {
    const event = await eventByDoorToken(c.var.deps.db, c.req.param('door'));
    return handleForm(c, DoorPost, {
      valid: async (data) => {
        const actor = c.get('actor');
        if ('self' in data) {
          const p = actor?.userId
            ? await participantForUser(c.var.deps.db, event.id, actor.userId)
            : undefined;
          if (!p) throw ruleViolation('contact', eventRules.phoneOrEmail);
          return checkedIn(c, event, p.checkinToken);
        }
        const p = await findInvitation(c.var.deps.db, event.id, data.contact);
        if (!p) return doorPage(c, event, { contact: data.contact }, { contact: text(c)('notFoundInvite') });
        return c.redirect(personalPath(event, p.checkinToken), 303);
      },
      invalid: ({ values, errors }) => doorPage(c, event, values, errors),
    });
  }),
);

async function checkedIn(c: Ctx, event: EventRow, checkinToken: string): Promise<Response> {
  const r = await selfCheckIn(c.var.deps.db, event.doorToken, checkinToken, c.get('actor'), meta(c));
  return c.render(
    <CheckedInPage
      event={event}
      venueName={await venueName(c, event)}
      name={r.participant.name}
      at={r.checkedInAt}
      already={r.already}
    />,
    { title: text(c)('hereTitle') },
  );
}

async function personalPage(c: Ctx, errors?: Record<string, string>) {
  const { event, participant } = await participantByTokens(
    c.var.deps.db,
    c.req.param('door')!,
    c.req.param('person')!,
  );
  const a = await attendanceOf(c.var.deps.db, participant.id);
  return c.render(
    <PersonalCheckinPage
      event={event}
      venueName={await venueName(c, event)}
      name={participant.name}
      action={new URL(c.req.url).pathname}
      checkedInAt={a?.checkedInAt ?? null}
      errors={errors}
    />,
    { title: text(c)('hereTitle') },
  );
}

publicEventRoutes.get('/hadir/:door/:person', (c) => unknownCode(c, () => personalPage(c)));

publicEventRoutes.post('/hadir/:door/:person', (c) =>
  unknownCode(c, async () => {
    const { event } = await participantByTokens(c.var.deps.db, c.req.param('door'), c.req.param('person'));
    return handleForm(c, z.object({}), {
      valid: () => checkedIn(c, event, c.req.param('person')),
      invalid: ({ errors }) => personalPage(c, errors),
    });
  }),
);
