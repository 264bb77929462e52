/** Pages of events, participants, attendance and coverage for signed-in staff. */
import { listCycles } from '../cycles/cycles.service.ts';
import { Hono } from 'hono';
import { z } from 'zod';
import { can } from '../../platform/authz.ts';
import { actorOf, type AppEnv, type Ctx } from '../../platform/context.ts';
import { DomainError, NotFoundError, ruleViolation } from '../../platform/errors.ts';
import { fileResponse } from '../../platform/files.ts';
import { handleForm } from '../../platform/forms.ts';
import { redirectWithFlash, requirePermission } from '../../platform/http.ts';
import { render, translator } from '../../platform/i18n.ts';
import { validate } from '../../platform/validation.ts';
import { listKabkota } from '../regions/regions.service.ts';
import { deskCheckIn, recordSheet, undoCheckIn } from './attendance.service.ts';
import { coverageAcross, eventCoverage } from './coverage.service.ts';
import { CoverageAcrossPage } from './coverage.views.tsx';
import { attendanceSheetPdf, doorPosterPdf, eventReportPdf } from './events.documents.ts';
import { attendanceXlsx, participantsXlsx } from './events.exports.ts';
import {
  CheckinFilter,
  CoverageFilter,
  EventFilter,
  EventInput,
  EventStakeholderLink,
  EventStatusInput,
  EventUpdate,
  FileInput,
  FollowUpCreate,
  GuestInput,
  InviteContacts,
  InviteUsers,
  MinutesInput,
  SheetInput,
  SpeakerInput,
} from './events.forms.ts';
import { phaseLabel, timeOf } from './events.labels.ts';
import { eventRules, eventsText, followUpText } from './events.messages.ts';
import { eventPhase } from './events.rules.ts';
import {
  addEventFile,
  addSpeaker,
  archiveEventFile,
  createEvent,
  type EventRow,
  eventStakeholderLinks,
  getEvent,
  getEventFile,
  linkStakeholder,
  listEventFiles,
  listEvents,
  listSpeakers,
  removeSpeaker,
  saveMinutes,
  setEventStatus,
  setRegistrationOpen,
  updateEvent,
} from './events.service.ts';
import { doorUrl, personalUrl, registrationUrl } from './events.urls.ts';
import { EventFormPage, EventList, EventPage, MinutesPage } from './events.views.tsx';
import { createFollowUps, followUpsOfEvent } from './followups.service.ts';
import {
  addGuest,
  allParticipants,
  invitableContacts,
  invitableUsers,
  inviteContacts,
  inviteUsers,
  listParticipants,
  type ParticipantView,
  participantCounts,
  withdrawParticipant,
} from './participants.service.ts';
import { CheckinPage, DoorPage, ParticipantsPage, SheetPage } from './participants.views.tsx';
import { stakeholderOptions } from './stakeholders.service.ts';

export const eventsRoutes = new Hono<AppEnv>();
eventsRoutes.use('/events', requirePermission('events.read'));
eventsRoutes.use('/events/*', requirePermission('events.read'));
const manage = requirePermission('events.manage');

const text = (c: Ctx) => translator(eventsText, c.get('lang'));
const kabkota = (c: Ctx) => listKabkota(c.var.deps.db, c.var.deps.config.PROVINCE_CODE);
/** The OVOP rounds an event may serve; empty until the cycles feature provides them. */
/** The OVOP rounds an event can serve (the latest 50). */
const cycleOptions = async (c: Ctx): Promise<{ id: string; name: string }[]> =>
  (await listCycles(c.var.deps.db, {}, 50)).rows.map((r) => ({ id: r.id, name: r.name }));

function uuidParam(c: Ctx, name: string): string {
  const parsed = z.uuid().safeParse(c.req.param(name));
  if (!parsed.success) throw new NotFoundError(name);
  return parsed.data;
}

const eventOf = (c: Ctx) => getEvent(c.var.deps.db, uuidParam(c, 'id'));

// List, create, edit ---------------------------------------------------------------------------------

eventsRoutes.get('/events', async (c) => {
  const parsed = await validate(EventFilter, c.req.query(), c.get('lang'));
  const filter = parsed.ok ? parsed.data : EventFilter.parse({});
  const page = await listEvents(c.var.deps.db, filter);
  return c.render(<EventList page={page} filter={filter} kabkota={await kabkota(c)} />, {
    title: text(c)('title'),
  });
});

eventsRoutes.get('/events/coverage', async (c) => {
  const lang = c.get('lang');
  const query = c.req.query();
  const parsed = await validate(CoverageFilter, query, lang);
  const filter = parsed.ok ? parsed.data : {};
  const data = await coverageAcross(c.var.deps.db, c.var.deps.config.PROVINCE_CODE, filter);
  const qs = new URLSearchParams(parsed.ok ? (query as Record<string, string>) : {}).toString();
  return c.render(
    <CoverageAcrossPage
      data={data}
      filter={filter}
      values={query}
      errors={parsed.ok ? undefined : parsed.errors}
      mapUrl={`/events/coverage.svg${qs ? `?${qs}` : ''}`}
    />,
    { title: text(c)('coverageAcrossTitle'), wide: true },
  );
});

eventsRoutes.get('/events/coverage.svg', async (c) => {
  const parsed = await validate(CoverageFilter, c.req.query(), c.get('lang'));
  const data = await coverageAcross(
    c.var.deps.db,
    c.var.deps.config.PROVINCE_CODE,
    parsed.ok ? parsed.data : {},
  );
  return coverageMap(c, data.rows);
});

async function coverageMap(
  c: Ctx,
  rows: { code: string; name: string; attended: number }[],
): Promise<Response> {
  const { kabkotaShapes, mapMessages, regionMapSvg, svgResponse } = await import(
    '../../platform/regionmap.ts'
  );
  const lang = c.get('lang');
  const t = text(c);
  const width = 480;
  const height = 260;
  const shapes = await kabkotaShapes(width, height);
  const styles = Object.fromEntries(
    rows.map((r) => [
      r.code,
      {
        fill: r.attended > 0 ? '#0b735a' : '#e5e7e8',
        label: t('coverageMapLabel', { name: r.name, count: r.attended }),
      },
    ]),
  );
  return svgResponse(
    regionMapSvg(shapes, {
      width,
      height,
      title: t('coverageMapTitle'),
      styles,
      attribution: render(mapMessages.attribution, lang),
    }),
  );
}

eventsRoutes.get('/events/new', manage, async (c) =>
  c.render(
    <EventFormPage
      values={{ organiser: text(c)('defaultOrganiser') }}
      kabkota={await kabkota(c)}
      cycles={await cycleOptions(c)}
    />,
    { title: text(c)('newEvent') },
  ),
);

eventsRoutes.post('/events', manage, (c) =>
  handleForm(c, EventInput, {
    valid: async (data) => {
      const event = await createEvent(c.var.deps.db, actorOf(c), data, c.var.deps.config.PROVINCE_CODE);
      return redirectWithFlash(c, `/events/${event.id}`, text(c)('created', { title: event.title }));
    },
    invalid: async ({ values, errors }) =>
      c.render(
        <EventFormPage
          values={values}
          errors={errors}
          kabkota={await kabkota(c)}
          cycles={await cycleOptions(c)}
        />,
        {
          title: text(c)('newEvent'),
        },
      ),
  }),
);

/** The event page, optionally re-rendered with a sub-form's input and messages. */
async function eventPage(
  c: Ctx,
  event: EventRow,
  extra: { values?: Record<string, unknown>; errors?: Record<string, string> } = {},
) {
  const { db, config } = c.var.deps;
  const actor = actorOf(c);
  const [kab, speakers, materials, photos, coverage, counts, followUps, links, options] = await Promise.all([
    kabkota(c),
    listSpeakers(db, event.id),
    listEventFiles(db, event.id, 'material'),
    listEventFiles(db, event.id, 'photo'),
    eventCoverage(db, event),
    participantCounts(db, event.id),
    followUpsOfEvent(db, actor, event.id),
    eventStakeholderLinks(db, event.id),
    can(actor, 'events.manage') ? stakeholderOptions(db) : Promise.resolve([]),
  ]);
  return c.render(
    <EventPage
      event={event}
      kabkota={kab}
      speakers={speakers}
      materials={materials}
      photos={photos}
      coverage={coverage}
      counts={counts}
      followUps={followUps}
      links={links}
      stakeholderOptions={options}
      registrationUrl={registrationUrl(c, event)}
      uploadMaxMb={config.UPLOAD_MAX_MB}
      values={extra.values}
      errors={extra.errors}
    />,
    { title: event.title },
  );
}

eventsRoutes.get('/events/:id', async (c) => eventPage(c, await eventOf(c)));

eventsRoutes.get('/events/:id/edit', manage, async (c) => {
  const event = await eventOf(c);
  return c.render(
    <EventFormPage event={event} values={event} kabkota={await kabkota(c)} cycles={await cycleOptions(c)} />,
    {
      title: text(c)('editEvent'),
    },
  );
});

eventsRoutes.post('/events/:id', manage, async (c) => {
  const event = await eventOf(c);
  return handleForm<typeof EventUpdate, EventRow>(c, EventUpdate, {
    valid: async (data) => {
      await updateEvent(c.var.deps.db, actorOf(c), event.id, data);
      return redirectWithFlash(c, `/events/${event.id}`, text(c)('updated'));
    },
    invalid: async ({ values, errors, current }) =>
      c.render(
        <EventFormPage
          event={current ?? event}
          values={values}
          errors={errors}
          current={current}
          kabkota={await kabkota(c)}
          cycles={await cycleOptions(c)}
        />,
        { title: text(c)('editEvent') },
      ),
  });
});

eventsRoutes.post('/events/:id/status', manage, async (c) => {
  const event = await eventOf(c);
  return handleForm(c, EventStatusInput, {
    valid: async ({ status }) => {
      const after = await setEventStatus(c.var.deps.db, actorOf(c), event.id, status);
      return redirectWithFlash(
        c,
        `/events/${event.id}`,
        text(c)('statusChanged', { status: phaseLabel(eventPhase(after), c.get('lang')) }),
      );
    },
    invalid: ({ values, errors }) => eventPage(c, event, { values, errors }),
  });
});

eventsRoutes.post('/events/:id/registration', manage, async (c) => {
  const event = await eventOf(c);
  return handleForm(c, z.object({ open: z.enum(['0', '1']) }), {
    valid: async ({ open }) => {
      await setRegistrationOpen(c.var.deps.db, actorOf(c), event.id, open === '1');
      return redirectWithFlash(
        c,
        `/events/${event.id}#attendance`,
        open === '1' ? text(c)('registrationOpened') : text(c)('registrationClosedDone'),
      );
    },
    invalid: ({ values, errors }) => eventPage(c, event, { values, errors }),
  });
});

eventsRoutes.get('/events/:id/minutes', manage, async (c) => {
  const event = await eventOf(c);
  return c.render(<MinutesPage event={event} values={event} />, { title: text(c)('editMinutes') });
});

eventsRoutes.post('/events/:id/minutes', manage, async (c) => {
  const event = await eventOf(c);
  return handleForm<typeof MinutesInput, EventRow>(c, MinutesInput, {
    valid: async (data) => {
      await saveMinutes(c.var.deps.db, actorOf(c), event.id, data);
      return redirectWithFlash(c, `/events/${event.id}#minutes`, text(c)('minutesSaved'));
    },
    invalid: ({ values, errors, current }) =>
      c.render(<MinutesPage event={current ?? event} values={values} errors={errors} current={current} />, {
        title: text(c)('editMinutes'),
      }),
  });
});

// Speakers, files, stakeholders --------------------------------------------------------------------

eventsRoutes.post('/events/:id/speakers', manage, async (c) => {
  const event = await eventOf(c);
  return handleForm(c, SpeakerInput, {
    valid: async (data) => {
      const s = await addSpeaker(c.var.deps.db, actorOf(c), event.id, data);
      return redirectWithFlash(c, `/events/${event.id}#speakers`, text(c)('speakerAdded', { name: s.name }));
    },
    invalid: ({ values, errors }) => eventPage(c, event, { values, errors }),
  });
});

eventsRoutes.post('/events/:id/speakers/:sid/delete', manage, async (c) => {
  const event = await eventOf(c);
  const s = await removeSpeaker(c.var.deps.db, actorOf(c), event.id, uuidParam(c, 'sid'));
  return redirectWithFlash(c, `/events/${event.id}#speakers`, text(c)('speakerRemoved', { name: s.name }));
});

/** A stored-file refusal (type, size), shown beside the file field in the user's language. */
function besideField(err: unknown, field: string, lang: 'id' | 'en'): never {
  if (err instanceof DomainError && Object.keys(err.fields).length === 0)
    throw new DomainError(
      err.userMessage,
      err.params,
      { [field]: render(err.userMessage, lang, err.params) },
      err.status,
    );
  throw err;
}

for (const kind of ['material', 'photo'] as const) {
  eventsRoutes.post(`/events/:id/${kind}s`, manage, async (c) => {
    const event = await eventOf(c);
    return handleForm(c, FileInput, {
      valid: async (data, values) => {
        const file = values[kind];
        if (!(file instanceof File) || file.size === 0) throw ruleViolation(kind, eventRules.fileMissing);
        const { db, files, config } = c.var.deps;
        const row = await addEventFile(
          db,
          files,
          actorOf(c),
          event.id,
          kind,
          { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()), caption: data.caption },
          config.UPLOAD_MAX_MB * 1024 * 1024,
        ).catch((err) => besideField(err, kind, c.get('lang')));
        return redirectWithFlash(
          c,
          `/events/${event.id}#${kind}s`,
          text(c)('uploaded', { name: row.filename }),
        );
      },
      invalid: ({ values, errors }) => eventPage(c, event, { values, errors }),
    });
  });
}

eventsRoutes.get('/events/:id/files/:fid', async (c) => {
  const event = await eventOf(c);
  const file = await getEventFile(c.var.deps.db, event.id, uuidParam(c, 'fid'));
  const size = c.req.query('size');
  const sha = size === 'thumb' ? file.thumbSha256 : size === 'display' ? file.displaySha256 : null;
  if (sha)
    return fileResponse(c.var.deps.files, {
      sha256: sha,
      mime: 'image/webp',
      filename: `${file.filename}.webp`,
    });
  return fileResponse(
    c.var.deps.files,
    { sha256: file.sha256, mime: file.mime, filename: file.filename },
    { download: c.req.query('download') === '1' || !file.mime.startsWith('image/') },
  );
});

eventsRoutes.post('/events/:id/files/:fid/remove', manage, async (c) => {
  const event = await eventOf(c);
  const row = await archiveEventFile(c.var.deps.db, actorOf(c), event.id, uuidParam(c, 'fid'));
  return redirectWithFlash(
    c,
    `/events/${event.id}#${row.kind}s`,
    text(c)('fileRemoved', { name: row.filename }),
  );
});

eventsRoutes.post('/events/:id/stakeholders', manage, async (c) => {
  const event = await eventOf(c);
  return handleForm(c, EventStakeholderLink, {
    valid: async (data) => {
      const s = await linkStakeholder(c.var.deps.db, actorOf(c), event.id, data.stakeholderId, data.role);
      return redirectWithFlash(
        c,
        `/events/${event.id}#stakeholders`,
        text(c)('stakeholderLinked', { name: s.name }),
      );
    },
    invalid: ({ values, errors }) => eventPage(c, event, { values, errors }),
  });
});

eventsRoutes.post('/events/:id/follow-ups', requirePermission('followups.manage'), async (c) => {
  const event = await eventOf(c);
  return handleForm(c, FollowUpCreate, {
    valid: async (data) => {
      const rows = await createFollowUps(c.var.deps.db, actorOf(c), event.id, data);
      return redirectWithFlash(
        c,
        `/events/${event.id}#follow-ups`,
        translator(followUpText, c.get('lang'))('created', { count: rows.length }),
      );
    },
    invalid: ({ values, errors }) => eventPage(c, event, { values, errors }),
  });
});

// Participants --------------------------------------------------------------------------------------

async function participantsPage(
  c: Ctx,
  event: EventRow,
  extra: { values?: Record<string, unknown>; errors?: Record<string, string> } = {},
) {
  const { db } = c.var.deps;
  const actor = actorOf(c);
  const q = c.req.query('q');
  const manageIt = can(actor, 'events.manage');
  const [page, counts, kab, officers, contacts] = await Promise.all([
    listParticipants(db, actor, event.id, { q, after: c.req.query('after'), before: c.req.query('before') }),
    participantCounts(db, event.id),
    kabkota(c),
    manageIt ? invitableUsers(db, event.id) : Promise.resolve([]),
    manageIt ? invitableContacts(db, event.id) : Promise.resolve([]),
  ]);
  return c.render(
    <ParticipantsPage
      event={event}
      page={page}
      counts={counts}
      kabkota={kab}
      officers={officers}
      contacts={contacts}
      personalUrl={(p: ParticipantView) => personalUrl(c, event, p)}
      q={q}
      values={extra.values}
      errors={extra.errors}
    />,
    { title: text(c)('participantsTitle', { title: event.title }), wide: true },
  );
}

eventsRoutes.get('/events/:id/participants', async (c) => participantsPage(c, await eventOf(c)));

eventsRoutes.post('/events/:id/participants/users', manage, async (c) => {
  const event = await eventOf(c);
  return handleForm(c, InviteUsers, {
    valid: async ({ userIds }) => {
      const n = await inviteUsers(c.var.deps.db, actorOf(c), event.id, userIds);
      return redirectWithFlash(c, `/events/${event.id}/participants`, text(c)('invited', { count: n }));
    },
    invalid: ({ values, errors }) => participantsPage(c, event, { values, errors }),
  });
});

eventsRoutes.post('/events/:id/participants/guests', manage, async (c) => {
  const event = await eventOf(c);
  return handleForm(c, GuestInput, {
    valid: async (data) => {
      const p = await addGuest(c.var.deps.db, actorOf(c), event.id, data);
      return redirectWithFlash(
        c,
        `/events/${event.id}/participants`,
        text(c)('guestAdded', { name: p.name }),
      );
    },
    invalid: ({ values, errors }) => participantsPage(c, event, { values, errors }),
  });
});

eventsRoutes.post('/events/:id/participants/contacts', manage, async (c) => {
  const event = await eventOf(c);
  return handleForm(c, InviteContacts, {
    valid: async ({ contactIds }) => {
      const n = await inviteContacts(c.var.deps.db, actorOf(c), event.id, contactIds);
      return redirectWithFlash(c, `/events/${event.id}/participants`, text(c)('invited', { count: n }));
    },
    invalid: ({ values, errors }) => participantsPage(c, event, { values, errors }),
  });
});

eventsRoutes.post('/events/:id/participants/:pid/withdraw', manage, async (c) => {
  const event = await eventOf(c);
  const p = await withdrawParticipant(c.var.deps.db, actorOf(c), event.id, uuidParam(c, 'pid'));
  return redirectWithFlash(c, `/events/${event.id}/participants`, text(c)('withdrawn', { name: p.name }));
});

// Check-in at the desk ------------------------------------------------------------------------------

const checkin = requirePermission('events.checkin');

async function checkinPage(c: Ctx, event: EventRow, errors?: Record<string, string>) {
  const { db } = c.var.deps;
  const parsed = await validate(CheckinFilter, c.req.query(), c.get('lang'));
  const q = parsed.ok ? parsed.data.q : undefined;
  const [page, counts, kab] = await Promise.all([
    listParticipants(db, actorOf(c), event.id, {
      q,
      after: c.req.query('after'),
      before: c.req.query('before'),
      limit: 60,
    }),
    participantCounts(db, event.id),
    kabkota(c),
  ]);
  return c.render(
    <CheckinPage event={event} page={page} counts={counts} kabkota={kab} q={q} errors={errors} />,
    {
      title: text(c)('checkinTitle', { title: event.title }),
    },
  );
}

const backToList = (c: Ctx, event: EventRow) => {
  const q = c.req.query('q');
  return `/events/${event.id}/checkin${q ? `?q=${encodeURIComponent(q)}` : ''}`;
};

eventsRoutes.get('/events/:id/checkin', checkin, async (c) => checkinPage(c, await eventOf(c)));

eventsRoutes.post('/events/:id/checkin/:pid', checkin, async (c) => {
  const event = await eventOf(c);
  const pid = uuidParam(c, 'pid');
  return handleForm(c, z.object({}), {
    valid: async () => {
      const r = await deskCheckIn(c.var.deps.db, actorOf(c), event.id, pid);
      const t = text(c);
      const time = timeOf(r.checkedInAt, c.get('lang'));
      return redirectWithFlash(
        c,
        backToList(c, event),
        r.already
          ? t('alreadyCheckedIn', { name: r.participant.name, time })
          : t('checkedIn', { name: r.participant.name }),
        r.already ? 'info' : 'success',
      );
    },
    invalid: ({ errors }) => checkinPage(c, event, errors),
  });
});

eventsRoutes.post('/events/:id/checkin/:pid/undo', checkin, async (c) => {
  const event = await eventOf(c);
  const pid = uuidParam(c, 'pid');
  return handleForm(c, z.object({}), {
    valid: async () => {
      const p = await undoCheckIn(c.var.deps.db, actorOf(c), event.id, pid);
      return redirectWithFlash(c, backToList(c, event), text(c)('checkinUndone', { name: p.name }), 'info');
    },
    invalid: ({ errors }) => checkinPage(c, event, errors),
  });
});

// Door QR, sheets, exports ---------------------------------------------------------------------------

eventsRoutes.get('/events/:id/door', manage, async (c) => {
  const event = await eventOf(c);
  const names = new Map((await kabkota(c)).map((k) => [k.code, k.name]));
  return c.render(
    <DoorPage event={event} url={doorUrl(c, event)} venueName={names.get(event.venueKabkotaCode) ?? ''} />,
    {
      title: text(c)('doorTitle'),
    },
  );
});

eventsRoutes.get('/events/:id/door-qr.svg', manage, async (c) => {
  const event = await eventOf(c);
  const { qrSvg } = await import('../../platform/qr.ts');
  const { svgResponse } = await import('../../platform/regionmap.ts');
  return svgResponse(
    await qrSvg(doorUrl(c, event), { level: 'Q', title: text(c)('doorQrAlt', { title: event.title }) }),
    'private, no-store',
  );
});

eventsRoutes.get('/events/:id/door-qr.png', manage, async (c) => {
  const event = await eventOf(c);
  const { qrPng, pngResponse } = await import('../../platform/qr.ts');
  return pngResponse(await qrPng(doorUrl(c, event), { size: 600, level: 'Q' }), 'private, no-store');
});

eventsRoutes.get('/events/:id/door.pdf', manage, async (c) => {
  const event = await eventOf(c);
  const { pdfResponse } = await import('../../platform/pdf.ts');
  const bytes = await doorPosterPdf(c.var.deps.db, event, doorUrl(c, event), c.get('lang'));
  return pdfResponse(bytes, `qr-hadir-${event.id.slice(-8)}.pdf`, { inline: true });
});

eventsRoutes.get('/events/:id/attendance-sheet.pdf', manage, async (c) => {
  const event = await eventOf(c);
  const { pdfResponse } = await import('../../platform/pdf.ts');
  const bytes = await attendanceSheetPdf(c.var.deps.db, event, c.get('lang'));
  return pdfResponse(bytes, `daftar-hadir-${event.id.slice(-8)}.pdf`, { inline: true });
});

async function sheetPage(
  c: Ctx,
  event: EventRow,
  values: Record<string, unknown> = {},
  errors?: Record<string, string>,
) {
  const [people, kab] = await Promise.all([allParticipants(c.var.deps.db, event.id), kabkota(c)]);
  return c.render(<SheetPage event={event} people={people} kabkota={kab} values={values} errors={errors} />, {
    title: text(c)('typeBack'),
  });
}

eventsRoutes.get('/events/:id/sheet', manage, async (c) => sheetPage(c, await eventOf(c)));

eventsRoutes.post('/events/:id/sheet', manage, async (c) => {
  const event = await eventOf(c);
  return handleForm(c, SheetInput, {
    valid: async (data) => {
      const r = await recordSheet(c.var.deps.db, actorOf(c), event.id, data);
      return redirectWithFlash(c, `/events/${event.id}/participants`, text(c)('sheetSaved', r));
    },
    invalid: ({ values, errors }) => sheetPage(c, event, values, errors),
  });
});

eventsRoutes.get('/events/:id/participants.xlsx', manage, async (c) => {
  const event = await eventOf(c);
  return participantsXlsx(c.var.deps.db, event, c.get('lang'), (p) => personalUrl(c, event, p) ?? '');
});

eventsRoutes.get('/events/:id/attendance.xlsx', manage, async (c) => {
  const event = await eventOf(c);
  return attendanceXlsx(c.var.deps.db, event, c.get('lang'));
});

eventsRoutes.get('/events/:id/report.pdf', async (c) => {
  const event = await eventOf(c);
  const { pdfResponse } = await import('../../platform/pdf.ts');
  const { db, files } = c.var.deps;
  const bytes = await eventReportPdf(db, files, actorOf(c), event, c.get('lang'));
  return pdfResponse(bytes, `laporan-kegiatan-${event.id.slice(-8)}.pdf`);
});

eventsRoutes.get('/events/:id/coverage.svg', async (c) => {
  const event = await eventOf(c);
  const coverage = await eventCoverage(c.var.deps.db, event);
  return coverageMap(c, coverage.rows);
});
