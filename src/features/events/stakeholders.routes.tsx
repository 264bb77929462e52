/** Pages of the stakeholder register: list, organisation, contacts and commitments. */
import { Hono } from 'hono';
import { z } from 'zod';
import { actorOf, type AppEnv, type Ctx } from '../../platform/context.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { handleForm } from '../../platform/forms.ts';
import { redirectWithFlash, requirePermission } from '../../platform/http.ts';
import { translator } from '../../platform/i18n.ts';
import { validate } from '../../platform/validation.ts';
import { findRegion, listKabkota } from '../regions/regions.service.ts';
import {
  CommitmentInput,
  CommitmentUpdate,
  ContactInput,
  StakeholderFilter,
  StakeholderInput,
  StakeholderUpdate,
} from './events.forms.ts';
import { stakeholderText } from './events.messages.ts';
import { eventsOfStakeholder, recentEvents } from './events.service.ts';
import {
  addCommitment,
  addContact,
  archiveContact,
  type CommitmentRow,
  createStakeholder,
  getCommitment,
  getStakeholder,
  listCommitments,
  listContacts,
  listStakeholders,
  type StakeholderRow,
  updateCommitment,
  updateStakeholder,
} from './stakeholders.service.ts';
import {
  CommitmentFormPage,
  StakeholderFormPage,
  StakeholderListPage,
  StakeholderPage,
} from './stakeholders.views.tsx';

export const stakeholderRoutes = new Hono<AppEnv>();
stakeholderRoutes.use('/stakeholders', requirePermission('stakeholders.read'));
stakeholderRoutes.use('/stakeholders/*', requirePermission('stakeholders.read'));
const manage = requirePermission('stakeholders.manage');

const text = (c: Ctx) => translator(stakeholderText, c.get('lang'));
const kabkota = (c: Ctx) => listKabkota(c.var.deps.db, c.var.deps.config.PROVINCE_CODE);

function uuidParam(c: Ctx, name: string): string {
  const parsed = z.uuid().safeParse(c.req.param(name));
  if (!parsed.success) throw new NotFoundError(name);
  return parsed.data;
}

/** The form's values from a row: money and dates as the inputs show them. */
function commitmentValues(c: CommitmentRow): Record<string, unknown> {
  return {
    ...c,
    valueRp: c.valueRp === null ? '' : c.valueRp.toString(),
    endDate: c.endDate ?? '',
    eventId: c.eventId ?? '',
  };
}

stakeholderRoutes.get('/stakeholders', async (c) => {
  const parsed = await validate(StakeholderFilter, c.req.query(), c.get('lang'));
  const filter = parsed.ok ? parsed.data : StakeholderFilter.parse({});
  const page = await listStakeholders(c.var.deps.db, filter);
  return c.render(<StakeholderListPage page={page} filter={filter} />, { title: text(c)('title') });
});

stakeholderRoutes.get('/stakeholders/new', manage, async (c) =>
  c.render(<StakeholderFormPage values={{}} kabkota={await kabkota(c)} />, {
    title: text(c)('newStakeholder'),
  }),
);

stakeholderRoutes.post('/stakeholders', manage, (c) =>
  handleForm(c, StakeholderInput, {
    valid: async (data) => {
      const s = await createStakeholder(c.var.deps.db, actorOf(c), data, c.var.deps.config.PROVINCE_CODE);
      return redirectWithFlash(c, `/stakeholders/${s.id}`, text(c)('created', { name: s.name }));
    },
    invalid: async ({ values, errors }) =>
      c.render(<StakeholderFormPage values={values} errors={errors} kabkota={await kabkota(c)} />, {
        title: text(c)('newStakeholder'),
      }),
  }),
);

async function stakeholderPage(
  c: Ctx,
  s: StakeholderRow,
  extra: {
    values?: Record<string, unknown>;
    errors?: Record<string, string>;
    form?: 'contact' | 'commitment';
  } = {},
) {
  const { db } = c.var.deps;
  const [contacts, commitments, events, eventOptions, region] = await Promise.all([
    listContacts(db, s.id),
    listCommitments(db, s.id),
    eventsOfStakeholder(db, s.id),
    recentEvents(db),
    s.kabkotaCode ? findRegion(db, s.kabkotaCode) : Promise.resolve(undefined),
  ]);
  return c.render(
    <StakeholderPage
      stakeholder={s}
      kabkotaName={region?.name ?? null}
      contacts={contacts}
      commitments={commitments}
      events={events}
      eventOptions={eventOptions}
      values={extra.values}
      errors={extra.errors}
      form={extra.form}
    />,
    { title: s.name, wide: true },
  );
}

stakeholderRoutes.get('/stakeholders/:id', async (c) =>
  stakeholderPage(c, await getStakeholder(c.var.deps.db, uuidParam(c, 'id'))),
);

stakeholderRoutes.get('/stakeholders/:id/edit', manage, async (c) => {
  const s = await getStakeholder(c.var.deps.db, uuidParam(c, 'id'));
  return c.render(<StakeholderFormPage stakeholder={s} values={s} kabkota={await kabkota(c)} />, {
    title: text(c)('editStakeholder'),
  });
});

stakeholderRoutes.post('/stakeholders/:id', manage, async (c) => {
  const s = await getStakeholder(c.var.deps.db, uuidParam(c, 'id'));
  return handleForm<typeof StakeholderUpdate, StakeholderRow>(c, StakeholderUpdate, {
    valid: async (data) => {
      await updateStakeholder(c.var.deps.db, actorOf(c), s.id, data);
      return redirectWithFlash(c, `/stakeholders/${s.id}`, text(c)('updated'));
    },
    invalid: async ({ values, errors, current }) =>
      c.render(
        <StakeholderFormPage
          stakeholder={current ?? s}
          values={values}
          errors={errors}
          current={current}
          kabkota={await kabkota(c)}
        />,
        { title: text(c)('editStakeholder') },
      ),
  });
});

stakeholderRoutes.post('/stakeholders/:id/contacts', manage, async (c) => {
  const s = await getStakeholder(c.var.deps.db, uuidParam(c, 'id'));
  return handleForm(c, ContactInput, {
    valid: async (data) => {
      const contact = await addContact(c.var.deps.db, actorOf(c), s.id, data);
      return redirectWithFlash(
        c,
        `/stakeholders/${s.id}#contacts`,
        text(c)('contactAdded', { name: contact.name }),
      );
    },
    invalid: ({ values, errors }) => stakeholderPage(c, s, { values, errors, form: 'contact' }),
  });
});

stakeholderRoutes.post('/stakeholders/:id/contacts/:cid/remove', manage, async (c) => {
  const s = await getStakeholder(c.var.deps.db, uuidParam(c, 'id'));
  const contact = await archiveContact(c.var.deps.db, actorOf(c), s.id, uuidParam(c, 'cid'));
  return redirectWithFlash(
    c,
    `/stakeholders/${s.id}#contacts`,
    text(c)('contactRemoved', { name: contact.name }),
  );
});

stakeholderRoutes.post('/stakeholders/:id/commitments', manage, async (c) => {
  const s = await getStakeholder(c.var.deps.db, uuidParam(c, 'id'));
  return handleForm(c, CommitmentInput, {
    valid: async (data) => {
      await addCommitment(c.var.deps.db, actorOf(c), s.id, data);
      return redirectWithFlash(c, `/stakeholders/${s.id}#commitments`, text(c)('commitmentAdded'));
    },
    invalid: ({ values, errors }) => stakeholderPage(c, s, { values, errors, form: 'commitment' }),
  });
});

stakeholderRoutes.get('/stakeholders/:id/commitments/:cid', manage, async (c) => {
  const { db } = c.var.deps;
  const s = await getStakeholder(db, uuidParam(c, 'id'));
  const commitment = await getCommitment(db, s.id, uuidParam(c, 'cid'));
  return c.render(
    <CommitmentFormPage
      stakeholder={s}
      commitment={commitment}
      values={commitmentValues(commitment)}
      events={await recentEvents(db)}
    />,
    { title: text(c)('editCommitment') },
  );
});

stakeholderRoutes.post('/stakeholders/:id/commitments/:cid', manage, async (c) => {
  const { db } = c.var.deps;
  const s = await getStakeholder(db, uuidParam(c, 'id'));
  const commitment = await getCommitment(db, s.id, uuidParam(c, 'cid'));
  return handleForm<typeof CommitmentUpdate, CommitmentRow>(c, CommitmentUpdate, {
    valid: async (data) => {
      await updateCommitment(db, actorOf(c), s.id, commitment.id, data);
      return redirectWithFlash(c, `/stakeholders/${s.id}#commitments`, text(c)('commitmentUpdated'));
    },
    invalid: async ({ values, errors, current }) =>
      c.render(
        <CommitmentFormPage
          stakeholder={s}
          commitment={current ?? commitment}
          values={values}
          errors={errors}
          current={current}
          events={await recentEvents(db)}
        />,
        { title: text(c)('editCommitment') },
      ),
  });
});
