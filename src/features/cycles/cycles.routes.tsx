import { Hono } from 'hono';
import { z } from 'zod';
import { ApiRouter } from '../../platform/api.ts';
import { can } from '../../platform/authz.ts';
import { actorOf, type AppEnv, type Ctx } from '../../platform/context.ts';
import {
  ChecklistDocumentKindEnum,
  type Commodity,
  CommodityEnum,
  CyclePhaseEnum,
  CycleKindEnum,
} from '../../platform/domain.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { handleForm } from '../../platform/forms.ts';
import { formatDateTime } from '../../platform/format.ts';
import { formBody, redirectWithFlash, requirePermission } from '../../platform/http.ts';
import { translator } from '../../platform/i18n.ts';
import { ui } from '../../platform/ui/messages.ts';
import { listKabkota } from '../regions/regions.service.ts';
import { newCycleValues } from './cycles.defaults.ts';
import {
  ChecklistFormUpdate,
  CycleFilter,
  CycleFormCreate,
  CycleFormUpdate,
  CycleInput,
  CycleUpdate,
  ExtensionInput,
  FileKindEnum,
} from './cycles.forms.ts';
import { cyclesText } from './cycles.messages.ts';
import {
  type CycleConfig,
  type CycleRow,
  createCycle,
  getCycleConfig,
  listConfigVersions,
  listCycles,
  listExtensions,
  setExtension,
  updateChecklist,
  updateCycle,
} from './cycles.service.ts';
import {
  ChecklistForm,
  CycleForm,
  CycleFormPage,
  CycleList,
  CycleView,
  checklistToValues,
  configToValues,
} from './cycles.views.tsx';
import { commodityLabel } from '../../platform/ui/commodity-labels.ts';
import { rubricRefLabels } from './rubric-refs.ts';

export const cyclesRoutes = new Hono<AppEnv>();

const text = (c: Ctx) => translator(cyclesText, c.get('lang'));
const kabkota = (c: Ctx) => listKabkota(c.var.deps.db, c.var.deps.config.PROVINCE_CODE);

function cycleId(c: Ctx): string {
  const parsed = z.uuid().safeParse(c.req.param('id'));
  if (!parsed.success) throw new NotFoundError('cycle');
  return parsed.data;
}

/** "Add rows" asks for 3 more blank requirement rows, keeping the input (no JavaScript needed). */
const EXTRA_STEP = 3;
function extraRowsFrom(values: Record<string, unknown>): number {
  const prev = Math.min(Number(values._extra) || 0, 30);
  return values.addRows ? prev + EXTRA_STEP : prev;
}

/** Each commodity's rubric version by name (the reference itself means nothing to a reader). */
async function rubricRefs(c: Ctx, config?: CycleConfig) {
  const commodities = config?.commodities ?? [];
  const labels = await rubricRefLabels(
    c.var.deps.db,
    commodities.map((x) => x.rubricVersionRef),
    c.get('lang'),
  );
  return Object.fromEntries(
    commodities.map((x) => [
      x.commodity,
      x.rubricVersionRef ? (labels.get(x.rubricVersionRef)?.label ?? x.rubricVersionRef) : null,
    ]),
  ) as Partial<Record<Commodity, string | null>>;
}

cyclesRoutes.get('/cycles', requirePermission('cycles.read'), async (c) => {
  const parsed = CycleFilter.safeParse(c.req.query());
  const page = await listCycles(c.var.deps.db, parsed.success ? parsed.data : {});
  return c.render(<CycleList page={page} canManage={can(c.get('actor'), 'cycles.manage')} />, {
    title: text(c)('title'),
  });
});

cyclesRoutes.get('/cycles/new', requirePermission('cycles.manage'), async (c) =>
  c.render(
    <CycleFormPage title={text(c)('newCycle')} back="/cycles">
      <CycleForm
        action="/cycles"
        values={newCycleValues()}
        kabkota={await kabkota(c)}
        submitLabel={text(c)('newCycle')}
      />
    </CycleFormPage>,
    { title: text(c)('newCycle') },
  ),
);

cyclesRoutes.post('/cycles', requirePermission('cycles.manage'), async (c) => {
  const form = async (values: Record<string, unknown>, errors?: Record<string, string>) =>
    c.render(
      <CycleFormPage title={text(c)('newCycle')} back="/cycles" errors={errors}>
        <CycleForm
          action="/cycles"
          values={values}
          errors={errors}
          kabkota={await kabkota(c)}
          submitLabel={text(c)('newCycle')}
        />
      </CycleFormPage>,
      { title: text(c)('newCycle') },
    );
  return handleForm(c, CycleFormCreate, {
    valid: async (data) => {
      const cycle = await createCycle(c.var.deps.db, actorOf(c), data, c.var.deps.config.PROVINCE_CODE);
      return redirectWithFlash(c, `/cycles/${cycle.id}`, text(c)('created', { name: cycle.name }));
    },
    invalid: ({ values, errors }) => form(values, errors),
  });
});

async function viewPage(
  c: Ctx,
  id: string,
  extension?: { values: Record<string, unknown>; errors: Record<string, string> },
) {
  const { db } = c.var.deps;
  const config = await getCycleConfig(db, id);
  const rubricLabels = await rubricRefLabels(
    db,
    config.commodities.map((x) => x.rubricVersionRef),
    c.get('lang'),
  );
  return c.render(
    <CycleView
      config={config}
      rubricLabels={rubricLabels}
      versions={await listConfigVersions(db, id)}
      extensions={await listExtensions(db, id)}
      kabkota={await kabkota(c)}
      canManage={can(c.get('actor'), 'cycles.manage')}
      extensionValues={extension?.values}
      extensionErrors={extension?.errors}
      now={new Date()}
    />,
    { title: config.cycle.name },
  );
}

cyclesRoutes.get('/cycles/:id', requirePermission('cycles.read'), (c) => viewPage(c, cycleId(c)));

cyclesRoutes.get('/cycles/:id/edit', requirePermission('cycles.manage'), async (c) => {
  const id = cycleId(c);
  const config = await getCycleConfig(c.var.deps.db, id);
  const regions = await kabkota(c);
  return c.render(
    <CycleFormPage title={text(c)('editCycle')} back={`/cycles/${id}`}>
      <CycleForm
        action={`/cycles/${id}`}
        values={configToValues(config, regions)}
        kabkota={regions}
        cycle={config.cycle}
        rubricRefs={await rubricRefs(c, config)}
        submitLabel={translator(ui, c.get('lang'))('save')}
      />
    </CycleFormPage>,
    { title: config.cycle.name },
  );
});

cyclesRoutes.post('/cycles/:id', requirePermission('cycles.manage'), async (c) => {
  const id = cycleId(c);
  const config = await getCycleConfig(c.var.deps.db, id);
  const form = async (values: Record<string, unknown>, errors?: Record<string, string>, current?: CycleRow) =>
    c.render(
      <CycleFormPage title={text(c)('editCycle')} back={`/cycles/${id}`} errors={errors} current={current}>
        <CycleForm
          action={`/cycles/${id}`}
          values={values}
          errors={errors}
          kabkota={await kabkota(c)}
          cycle={current ?? config.cycle}
          rubricRefs={await rubricRefs(c, config)}
          submitLabel={translator(ui, c.get('lang'))('save')}
        />
      </CycleFormPage>,
      { title: config.cycle.name },
    );
  return handleForm<typeof CycleFormUpdate, CycleRow>(c, CycleFormUpdate, {
    valid: async (data) => {
      const { cycle, newVersion } = await updateCycle(
        c.var.deps.db,
        actorOf(c),
        id,
        data,
        c.var.deps.config.PROVINCE_CODE,
      );
      const message = newVersion
        ? text(c)('newVersionSaved', { name: cycle.name, version: cycle.configVersion })
        : text(c)('updated', { name: cycle.name });
      return redirectWithFlash(c, `/cycles/${id}`, message);
    },
    invalid: ({ values, errors, current }) => form(values, errors, current),
  });
});

function commodityParam(c: Ctx): Commodity {
  const parsed = CommodityEnum.safeParse(c.req.param('commodity'));
  if (!parsed.success) throw new NotFoundError('cycle_commodity');
  return parsed.data;
}

async function checklistPage(
  c: Ctx,
  config: CycleConfig,
  commodity: Commodity,
  values: Record<string, unknown>,
  errors?: Record<string, string>,
  current?: CycleRow,
) {
  const title = text(c)('checklistFor', { commodity: commodityLabel(commodity, c.get('lang')) });
  return c.render(
    <CycleFormPage title={title} back={`/cycles/${config.cycle.id}`} errors={errors} current={current}>
      <ChecklistForm
        cycle={current ?? config.cycle}
        commodity={commodity}
        values={values}
        errors={errors}
        extraRows={extraRowsFrom(values)}
      />
    </CycleFormPage>,
    { title },
  );
}

async function coveredConfig(c: Ctx, id: string, commodity: Commodity): Promise<CycleConfig> {
  const config = await getCycleConfig(c.var.deps.db, id);
  if (!config.commodities.some((x) => x.commodity === commodity)) throw new NotFoundError('cycle_commodity');
  return config;
}

cyclesRoutes.get('/cycles/:id/checklist/:commodity', requirePermission('cycles.manage'), async (c) => {
  const commodity = commodityParam(c);
  const config = await coveredConfig(c, cycleId(c), commodity);
  return checklistPage(
    c,
    config,
    commodity,
    checklistToValues(config.checklist.filter((i) => i.commodity === commodity)),
  );
});

cyclesRoutes.post('/cycles/:id/checklist/:commodity', requirePermission('cycles.manage'), async (c) => {
  const id = cycleId(c);
  const commodity = commodityParam(c);
  const config = await coveredConfig(c, id, commodity);
  const flat = await formBody(c);
  if (flat.addRows) return checklistPage(c, config, commodity, flat);
  return handleForm<typeof ChecklistFormUpdate, CycleRow>(c, ChecklistFormUpdate, {
    valid: async (data) => {
      const { cycle, newVersion } = await updateChecklist(c.var.deps.db, actorOf(c), id, commodity, data);
      const label = commodityLabel(commodity, c.get('lang'));
      const message = newVersion
        ? text(c)('newVersionSaved', { name: cycle.name, version: cycle.configVersion })
        : text(c)('checklistSaved', { commodity: label });
      return redirectWithFlash(c, `/cycles/${id}`, message);
    },
    invalid: ({ values, errors, current }) => checklistPage(c, config, commodity, values, errors, current),
  });
});

cyclesRoutes.post('/cycles/:id/extensions', requirePermission('cycles.manage'), async (c) => {
  const id = cycleId(c);
  return handleForm(c, ExtensionInput, {
    valid: async (data) => {
      const ext = await setExtension(c.var.deps.db, actorOf(c), id, data, c.var.deps.config.PROVINCE_CODE);
      const region = (await kabkota(c)).find((r) => r.code === ext.kabkotaCode);
      return redirectWithFlash(
        c,
        `/cycles/${id}#extensions`,
        text(c)('extensionSaved', {
          regency: region?.name ?? ext.kabkotaCode,
          when: formatDateTime(ext.endsAt, c.get('lang')),
        }),
      );
    },
    invalid: ({ values, errors }) => viewPage(c, id, { values, errors }),
  });
});

// JSON API -----------------------------------------------------------------------------------

const ChecklistItemOut = z.object({
  id: z.uuid(),
  commodity: CommodityEnum,
  code: z.string(),
  labelId: z.string(),
  labelEn: z.string(),
  required: z.boolean(),
  fileKinds: z.array(FileKindEnum),
  validOnDeadline: z.boolean(),
  satisfiedBy: z.array(ChecklistDocumentKindEnum),
});

const CycleSummaryOut = z.object({
  id: z.uuid(),
  name: z.string(),
  year: z.number().int(),
  kind: CycleKindEnum,
  starScale: z.number().int(),
  configVersion: z.number().int(),
  frozen: z.boolean(),
  frozenAt: z.string().nullable(),
  version: z.number().int(),
});

const CycleOut = CycleSummaryOut.extend({
  bands: z.array(z.object({ stars: z.number().int(), min: z.number(), max: z.number() })),
  phases: z.array(z.object({ phase: CyclePhaseEnum, startsAt: z.string(), endsAt: z.string() })),
  commodities: z.array(z.object({ commodity: CommodityEnum, rubricVersionRef: z.string().nullable() })),
  checklist: z.array(ChecklistItemOut),
  quotas: z.array(z.object({ kabkotaCode: z.string(), quota: z.number().int() })),
  extensions: z.array(z.object({ kabkotaCode: z.string(), endsAt: z.string(), reason: z.string() })),
});

const summaryOut = (cycle: CycleRow): z.infer<typeof CycleSummaryOut> => ({
  id: cycle.id,
  name: cycle.name,
  year: cycle.year,
  kind: cycle.kind,
  starScale: cycle.starScale,
  configVersion: cycle.configVersion,
  frozen: cycle.frozenAt !== null,
  frozenAt: cycle.frozenAt?.toISOString() ?? null,
  version: cycle.version,
});

async function cycleOut(c: Ctx, id: string): Promise<z.infer<typeof CycleOut>> {
  const { db } = c.var.deps;
  const config = await getCycleConfig(db, id);
  const extensions = await listExtensions(db, id);
  return {
    ...summaryOut(config.cycle),
    bands: config.bands,
    phases: config.phases.map((p) => ({
      phase: p.phase,
      startsAt: p.startsAt.toISOString(),
      endsAt: p.endsAt.toISOString(),
    })),
    commodities: config.commodities,
    checklist: config.checklist.map((i) => ({
      id: i.id,
      commodity: i.commodity,
      code: i.code,
      labelId: i.labelId,
      labelEn: i.labelEn,
      required: i.required,
      fileKinds: i.fileKinds as z.infer<typeof FileKindEnum>[],
      validOnDeadline: i.validOnDeadline,
      satisfiedBy: i.satisfiedBy as z.infer<typeof ChecklistDocumentKindEnum>[],
    })),
    quotas: config.quotas,
    extensions: extensions.map((x) => ({
      kabkotaCode: x.kabkotaCode,
      endsAt: x.endsAt.toISOString(),
      reason: x.reason,
    })),
  };
}

export const cyclesApi = new ApiRouter()
  .endpoint(
    {
      method: 'get',
      path: '/cycles',
      tag: 'cycles',
      summary: 'Assessment rounds, newest year first (keyset: ?after=)',
      permission: 'cycles.read',
      query: CycleFilter,
      response: z.object({ rows: z.array(CycleSummaryOut), next: z.string().nullable() }),
    },
    async ({ query, c }) => {
      const page = await listCycles(c.var.deps.db, query);
      return { rows: page.rows.map(summaryOut), next: page.next };
    },
  )
  .endpoint(
    {
      method: 'get',
      path: '/cycles/:id',
      tag: 'cycles',
      summary:
        "A round's whole configuration: bands, phases (instants, UTC), commodities, checklists, quotas, extensions",
      permission: 'cycles.read',
      params: z.object({ id: z.uuid() }),
      response: CycleOut,
      errors: [404],
    },
    async ({ params, c }) => cycleOut(c, params.id),
  )
  .endpoint(
    {
      method: 'post',
      path: '/cycles',
      tag: 'cycles',
      summary: 'Create a round (province admin). Phase times: ISO instants, or local WIT "2026-06-30T23:59"',
      permission: 'cycles.manage',
      body: CycleInput,
      response: CycleOut,
      errors: [422],
    },
    async ({ body, actor, c }) => {
      const cycle = await createCycle(c.var.deps.db, actor!, body, c.var.deps.config.PROVINCE_CODE);
      return cycleOut(c, cycle.id);
    },
  )
  .endpoint(
    {
      method: 'put',
      path: '/cycles/:id',
      tag: 'cycles',
      summary:
        "Replace a round's configuration (with the version read; a frozen round needs `reason` and gets a new configuration version)",
      permission: 'cycles.manage',
      params: z.object({ id: z.uuid() }),
      body: CycleUpdate,
      response: CycleOut,
      errors: [404, 409, 422],
    },
    async ({ params, body, actor, c }) => {
      await updateCycle(c.var.deps.db, actor!, params.id, body, c.var.deps.config.PROVINCE_CODE);
      return cycleOut(c, params.id);
    },
  )
  .endpoint(
    {
      method: 'post',
      path: '/cycles/:id/extensions',
      tag: 'cycles',
      summary: 'Extend the proposal deadline of one regency/city, with a reason (audited)',
      permission: 'cycles.manage',
      params: z.object({ id: z.uuid() }),
      body: ExtensionInput,
      response: z.object({ kabkotaCode: z.string(), endsAt: z.string(), reason: z.string() }),
      errors: [404, 422],
    },
    async ({ params, body, actor, c }) => {
      const ext = await setExtension(c.var.deps.db, actor!, params.id, body, c.var.deps.config.PROVINCE_CODE);
      return { kabkotaCode: ext.kabkotaCode, endsAt: ext.endsAt.toISOString(), reason: ext.reason };
    },
  );
