/**
 * Rubric pages: the list, a version in both languages, its history and printable view (admin and
 * assessors), the draft editor and publishing (admin), and a cycle's choice of versions (admin).
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { actorOf, type AppEnv, type Ctx } from '../../platform/context.ts';
import { type Commodity, CommodityEnum } from '../../platform/domain.ts';
import { DomainError, NotFoundError, ruleFieldErrors, StaleVersionError } from '../../platform/errors.ts';
import { nestValues } from '../../platform/form-rows.ts';
import { handleForm } from '../../platform/forms.ts';
import { formBody, redirectWithFlash, requirePermission } from '../../platform/http.ts';
import { can } from '../../platform/authz.ts';
import { translator } from '../../platform/i18n.ts';
import { optionalText } from '../../platform/fields.ts';
import { commodityLabel } from '../../platform/ui/commodity-labels.ts';
import type { FieldErrors } from '../../platform/validation.ts';
import { diffRubric } from './rubric.diff.ts';
import {
  applyCriterion,
  applyOverview,
  CriterionForm,
  criterionOp,
  criterionValues,
  OverviewForm,
  overviewOp,
  overviewValues,
} from './rubric.forms.ts';
import { rubricsText } from './rubrics.messages.ts';
import {
  criterionPath,
  cycleRubricChoices,
  findDraft,
  getDraft,
  getVersion,
  latestPublished,
  linkCycleRubrics,
  listRubrics,
  listVersions,
  publishDraft,
  type RubricVersionRow,
  saveCriterion,
  saveOverview,
  discardDraft,
  startDraft,
  versionUsage,
  versionViolations,
} from './rubrics.service.ts';
import {
  CriterionPage,
  CycleRubricsPage,
  draftPath,
  HistoryPage,
  OverviewPage,
  PrintPage,
  PublishPage,
  RubricList,
  versionPath,
  VersionPage,
} from './rubrics.views.tsx';

export const rubricsRoutes = new Hono<AppEnv>();

const text = (c: Ctx) => translator(rubricsText, c.get('lang'));

function commodityOf(c: Ctx): Commodity {
  const parsed = CommodityEnum.safeParse(c.req.param('commodity'));
  if (!parsed.success) throw new NotFoundError('rubric');
  return parsed.data;
}

function numberOf(c: Ctx): number {
  const raw = c.req.param('number') ?? '';
  if (!/^\d{1,6}$/.test(raw)) throw new NotFoundError('rubric_version');
  return Number(raw);
}

const read = requirePermission('rubrics.read');
const manage = requirePermission('rubrics.manage');

rubricsRoutes.get('/rubrics', read, async (c) => {
  const rows = await listRubrics(c.var.deps.db, actorOf(c));
  return c.render(<RubricList rows={rows} canManage={can(c.get('actor'), 'rubrics.manage')} />, {
    title: text(c)('title'),
  });
});

async function versionPage(c: Ctx, row: RubricVersionRow) {
  const { db } = c.var.deps;
  const actor = actorOf(c);
  const versions = await listVersions(db, actor, row.commodity);
  const summary = versions.find((x) => x.id === row.id)!;
  const usage = (await versionUsage(db, [row.id])).get(row.id) ?? [];
  const draft = can(actor, 'rubrics.manage') ? await findDraft(db, row.commodity) : undefined;
  return c.render(
    <VersionPage
      row={row}
      summary={summary}
      usage={usage}
      others={versions}
      canManage={can(actor, 'rubrics.manage')}
      draftNumber={draft?.number ?? null}
    />,
    { title: `${commodityLabel(row.commodity, c.get('lang'))} · ${text(c)('versionN', { n: row.number })}` },
  );
}

rubricsRoutes.get('/rubrics/:commodity', read, async (c) =>
  versionPage(c, await latestPublished(c.var.deps.db, commodityOf(c))),
);

rubricsRoutes.get('/rubrics/:commodity/versions/:number', read, async (c) =>
  versionPage(c, await getVersion(c.var.deps.db, actorOf(c), commodityOf(c), numberOf(c))),
);

rubricsRoutes.get('/rubrics/:commodity/versions/:number/print', read, async (c) => {
  const row = await getVersion(c.var.deps.db, actorOf(c), commodityOf(c), numberOf(c));
  return c.render(<PrintPage row={row} />, {
    title: `${commodityLabel(row.commodity, c.get('lang'))} · ${text(c)('versionN', { n: row.number })}`,
    wide: true,
  });
});

rubricsRoutes.get('/rubrics/:commodity/history', read, async (c) => {
  const { db } = c.var.deps;
  const actor = actorOf(c);
  const commodity = commodityOf(c);
  const versions = await listVersions(db, actor, commodity);
  // Each version against the one it was made from; contents are read once each.
  const contents = new Map<number, RubricVersionRow>();
  for (const ver of versions) contents.set(ver.number, await getVersion(db, actor, commodity, ver.number));
  const withChanges = versions.map((ver) => {
    const row = contents.get(ver.number)!;
    const against = ver.basedOn ?? null;
    const base = against !== null ? contents.get(against) : undefined;
    return { ...ver, against, changes: base ? diffRubric(base, row) : null };
  });
  const usage = await versionUsage(
    db,
    versions.map((x) => x.id),
  );
  return c.render(<HistoryPage commodity={commodity} versions={withChanges} usage={usage} />, {
    title: `${text(c)('history')} · ${commodityLabel(commodity, c.get('lang'))}`,
  });
});

// Draft editor ----------------------------------------------------------------------------------------

rubricsRoutes.post('/rubrics/:commodity/edit', manage, async (c) => {
  const commodity = commodityOf(c);
  const { db } = c.var.deps;
  const existing = await findDraft(db, commodity);
  if (existing) return c.redirect(draftPath(commodity), 303);
  const from = c.req.query('from');
  const draft = await startDraft(
    db,
    actorOf(c),
    commodity,
    from && /^\d+$/.test(from) ? Number(from) : undefined,
  );
  return redirectWithFlash(
    c,
    draftPath(commodity),
    text(c)('draftStarted', { n: draft.number, from: draft.basedOn ?? '' }),
  );
});

async function overviewPage(
  c: Ctx,
  draft: RubricVersionRow,
  values: Record<string, unknown>,
  errors?: FieldErrors,
  stale?: ReturnType<typeof diffRubric>,
) {
  return c.render(
    <OverviewPage
      draft={draft}
      values={values}
      errors={errors}
      open={versionViolations(draft)}
      stale={stale}
    />,
    { title: text(c)('editorTitle', { n: draft.number }), wide: true },
  );
}

rubricsRoutes.get('/rubrics/:commodity/draft', manage, async (c) => {
  const draft = await getDraft(c.var.deps.db, commodityOf(c));
  return overviewPage(c, draft, overviewValues(draft.content, draft.weightRule, draft.version));
});

/** The posted form's values without the button that was pressed. */
async function postedForm(c: Ctx): Promise<{ values: Record<string, unknown>; op: string }> {
  const values = { ...(await formBody(c)) };
  const op = typeof values._op === 'string' ? values._op : 'save';
  delete values._op;
  return { values, op };
}

const OverviewFlat = z.preprocess((v) => nestValues(v as Record<string, unknown>), OverviewForm);
const CriterionFlat = z.preprocess((v) => nestValues(v as Record<string, unknown>), CriterionForm);

rubricsRoutes.post('/rubrics/:commodity/draft', manage, async (c) => {
  const commodity = commodityOf(c);
  const { db } = c.var.deps;
  const draft = await getDraft(db, commodity);
  const { values, op } = await postedForm(c);
  if (op !== 'save' && !op.startsWith('saveGo:')) {
    const next = overviewOp(values, op);
    return overviewPage(c, draft, next ?? values);
  }
  return handleForm<typeof OverviewFlat, RubricVersionRow>(c, OverviewFlat, {
    valid: async (input) => {
      const { draft: saved, open } = await saveOverview(db, actorOf(c), commodity, input);
      if (op.startsWith('saveGo:')) {
        const code = op.slice('saveGo:'.length);
        if (saved.content.aspects.some((a) => a.criteria.some((x) => x.code === code)))
          return c.redirect(`${draftPath(commodity)}/criteria/${encodeURIComponent(code)}`, 303);
      }
      const message = open.length
        ? text(c)('draftSavedOpen', { n: saved.number, count: open.length })
        : text(c)('draftSaved', { n: saved.number });
      return redirectWithFlash(c, draftPath(commodity), message, open.length ? 'warning' : 'success');
    },
    invalid: ({ errors, current }) => {
      if (current) {
        const parsed = OverviewFlat.safeParse(values);
        const mine = parsed.success ? applyOverview(current.content, parsed.data) : null;
        const changes = mine ? diffRubric(current, mine) : [];
        return overviewPage(c, current, { ...values, version: String(current.version) }, undefined, changes);
      }
      return overviewPage(c, draft, values, errors);
    },
  });
});

async function criterionPage(
  c: Ctx,
  draft: RubricVersionRow,
  code: string,
  values: Record<string, unknown>,
  errors?: FieldErrors,
  stale?: ReturnType<typeof diffRubric>,
) {
  const { aspect } = criterionPath(draft.content, code);
  const criterion = draft.content.aspects.flatMap((a) => a.criteria).find((x) => x.code === code)!;
  return c.render(
    <CriterionPage
      draft={draft}
      code={code}
      aspect={aspect}
      weight={criterion.weight}
      values={values}
      errors={errors}
      stale={stale}
    />,
    { title: text(c)('criterionTitle', { code }) },
  );
}

rubricsRoutes.get('/rubrics/:commodity/draft/criteria/:code', manage, async (c) => {
  const draft = await getDraft(c.var.deps.db, commodityOf(c));
  const code = c.req.param('code');
  criterionPath(draft.content, code);
  const criterion = draft.content.aspects.flatMap((a) => a.criteria).find((x) => x.code === code)!;
  return criterionPage(c, draft, code, criterionValues(criterion, draft.version, draft.weightRule.minLevels));
});

rubricsRoutes.post('/rubrics/:commodity/draft/criteria/:code', manage, async (c) => {
  const commodity = commodityOf(c);
  const { db } = c.var.deps;
  const draft = await getDraft(db, commodity);
  const code = c.req.param('code');
  criterionPath(draft.content, code);
  const { values, op } = await postedForm(c);
  if (op !== 'save') {
    const next = criterionOp(values, op);
    return criterionPage(c, draft, code, next ?? values);
  }
  return handleForm<typeof CriterionFlat, RubricVersionRow>(c, CriterionFlat, {
    valid: async (input) => {
      await saveCriterion(db, actorOf(c), commodity, code, input);
      return redirectWithFlash(c, draftPath(commodity), text(c)('criterionSaved', { code }));
    },
    invalid: ({ errors, current }) => {
      if (current) {
        const parsed = CriterionFlat.safeParse(values);
        const has = current.content.aspects.some((a) => a.criteria.some((x) => x.code === code));
        if (!has) throw new NotFoundError('rubric_criterion');
        const changes = parsed.success
          ? diffRubric(current, { ...current, content: applyCriterion(current.content, code, parsed.data) })
          : [];
        return criterionPage(
          c,
          current,
          code,
          { ...values, version: String(current.version) },
          undefined,
          changes,
        );
      }
      return criterionPage(c, draft, code, values, errors);
    },
  });
});

async function publishPage(
  c: Ctx,
  draft: RubricVersionRow,
  values: Record<string, unknown> = {},
  errors?: FieldErrors,
) {
  const actor = actorOf(c);
  const base =
    draft.basedOn !== null ? await getVersion(c.var.deps.db, actor, draft.commodity, draft.basedOn) : null;
  return c.render(
    <PublishPage
      draft={draft}
      violations={versionViolations(draft)}
      changes={base ? diffRubric(base, draft) : null}
      values={values}
      errors={errors}
    />,
    { title: text(c)('publishTitle', { n: draft.number }) },
  );
}

rubricsRoutes.get('/rubrics/:commodity/draft/publish', manage, async (c) =>
  publishPage(c, await getDraft(c.var.deps.db, commodityOf(c))),
);

const PublishForm = z.object({ version: z.coerce.number().int().min(1), changeNote: optionalText(2000) });

rubricsRoutes.post('/rubrics/:commodity/draft/publish', manage, async (c) => {
  const commodity = commodityOf(c);
  const { db } = c.var.deps;
  await getDraft(db, commodity);
  return handleForm<typeof PublishForm, RubricVersionRow>(c, PublishForm, {
    valid: async (input) => {
      const row = await publishDraft(db, actorOf(c), commodity, input);
      return redirectWithFlash(
        c,
        versionPath(commodity, row.number),
        text(c)('published', { n: row.number, commodity: commodityLabel(commodity, c.get('lang')) }),
      );
    },
    invalid: async ({ values, errors, current }) =>
      publishPage(c, current ?? (await getDraft(db, commodity)), values, current ? undefined : errors),
  });
});

rubricsRoutes.post('/rubrics/:commodity/draft/discard', manage, async (c) => {
  const commodity = commodityOf(c);
  const values = await formBody(c);
  const version = Number(values.version);
  const row = await discardDraft(
    c.var.deps.db,
    actorOf(c),
    commodity,
    Number.isInteger(version) ? version : -1,
  ).catch(async (err) => {
    if (err instanceof StaleVersionError) return null;
    throw err;
  });
  if (!row) return c.redirect(draftPath(commodity), 303);
  return redirectWithFlash(c, `/rubrics/${commodity}`, text(c)('discarded', { n: row.number }));
});

// A cycle's rubric versions ---------------------------------------------------------------------------

function cycleIdOf(c: Ctx): string {
  const parsed = z.uuid().safeParse(c.req.param('id'));
  if (!parsed.success) throw new NotFoundError('cycle');
  return parsed.data;
}

async function cycleRubricsPage(
  c: Ctx,
  cycleId: string,
  values?: Record<string, unknown>,
  errors?: FieldErrors,
) {
  const choices = await cycleRubricChoices(c.var.deps.db, cycleId);
  const current = Object.fromEntries(choices.rows.map((r) => [`rubrics.${r.commodity}`, r.current ?? '']));
  return c.render(
    <CycleRubricsPage
      cycle={choices.config.cycle}
      frozen={choices.frozen}
      rows={choices.rows}
      values={values ?? current}
      errors={errors}
    />,
    { title: text(c)('cycleRubricsTitle', { cycle: choices.config.cycle.name }) },
  );
}

rubricsRoutes.get('/cycles/:id/rubrics', requirePermission('cycles.manage'), async (c) =>
  cycleRubricsPage(c, cycleIdOf(c)),
);

rubricsRoutes.post('/cycles/:id/rubrics', requirePermission('cycles.manage'), async (c) => {
  const id = cycleIdOf(c);
  const values = await formBody(c);
  const choices: Partial<Record<Commodity, string | null>> = {};
  for (const [k, v] of Object.entries(values)) {
    const m = /^rubrics\.([a-z_]+)$/.exec(k);
    const commodity = m ? CommodityEnum.safeParse(m[1]) : null;
    if (commodity?.success && typeof v === 'string') choices[commodity.data] = v || null;
  }
  const reason = typeof values.reason === 'string' ? values.reason : undefined;
  try {
    const changed = await linkCycleRubrics(c.var.deps.db, actorOf(c), id, { choices, reason });
    const { config } = await cycleRubricChoices(c.var.deps.db, id);
    return redirectWithFlash(
      c,
      `/cycles/${id}`,
      changed.length
        ? text(c)('cycleRubricsSaved', { cycle: config.cycle.name })
        : text(c)('cycleRubricsUnchanged'),
      changed.length ? 'success' : 'info',
    );
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    const res = await cycleRubricsPage(c, id, values, ruleFieldErrors(err, c.get('lang')));
    return new Response(res.body, { status: err.status, headers: res.headers });
  }
});
