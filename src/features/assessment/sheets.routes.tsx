/**
 * The assessor's pages: "Penugasan saya", an assigned nomination with its documents, and the score
 * sheet (save draft / submit without script; sheet.js autosaves the draft), its evidence photos and
 * printable PDFs. Anything not assigned to the signed-in assessor answers 404.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { actorOf, type AppEnv, type Ctx } from '../../platform/context.ts';
import { DomainError, NotFoundError, ruleFieldErrors, StaleVersionError } from '../../platform/errors.ts';
import { fileResponse } from '../../platform/files.ts';
import { formatNumber } from '../../platform/format.ts';
import { handleForm } from '../../platform/forms.ts';
import { formBody, redirectWithFlash, requirePermission } from '../../platform/http.ts';
import { render, translator } from '../../platform/i18n.ts';
import { validate } from '../../platform/validation.ts';
import { nominationEnv } from '../nominations/nominations.env.ts';
import { SheetForm, sheetInputFromForm } from './sheets.forms.ts';
import { sheetErrors, sheetsText } from './sheets.messages.ts';
import {
  addEvidence,
  assessorDocument,
  assessorNomination,
  getOwnSheet,
  myAssignments,
  ownEvidence,
  type SheetRow,
  saveSheet,
  submitSheet,
} from './sheets.service.ts';
import { AssessorNominationPage, MyAssignmentsPage, SheetPage, sheetValues } from './sheets.views.tsx';

export const sheetsRoutes = new Hono<AppEnv>();

const self = requirePermission('assessment.self');
const text = (c: Ctx) => translator(sheetsText, c.get('lang'));

function idParam(c: Ctx, name: string): string {
  const parsed = z.uuid().safeParse(c.req.param(name));
  if (!parsed.success) throw new NotFoundError(name);
  return parsed.data;
}

sheetsRoutes.get('/assessment/assignments', self, async (c) => {
  const rows = await myAssignments(c.var.deps.db, actorOf(c));
  return c.render(<MyAssignmentsPage rows={rows} />, { title: text(c)('myAssignments') });
});

sheetsRoutes.get('/assessment/assignments/:nominationId', self, async (c) => {
  const data = await assessorNomination(c.var.deps.db, actorOf(c), idParam(c, 'nominationId'));
  return c.render(<AssessorNominationPage {...data} />, { title: data.nomination.product });
});

sheetsRoutes.get('/assessment/assignments/:nominationId/documents/:documentId', self, async (c) => {
  const doc = await assessorDocument(
    c.var.deps.db,
    actorOf(c),
    idParam(c, 'nominationId'),
    idParam(c, 'documentId'),
  );
  return fileResponse(c.var.deps.files, {
    sha256: doc.fileSha256,
    mime: doc.fileMime,
    filename: doc.fileName,
  });
});

async function sheetPage(
  c: Ctx,
  sheetId: string,
  values?: Record<string, unknown>,
  errors?: Record<string, string>,
  current?: SheetRow,
) {
  const view = await getOwnSheet(c.var.deps.db, actorOf(c), sheetId);
  // A locked sheet always shows what was submitted, whatever was posted.
  const shown = view.sheet.status === 'submitted' || !values ? sheetValues(view) : values;
  return c.render(<SheetPage view={view} values={shown} errors={errors} current={current} />, {
    title: text(c)('sheetTitle', { product: view.nomination.product }),
  });
}

sheetsRoutes.get('/assessment/sheets/:id', self, (c) => sheetPage(c, idParam(c, 'id')));

sheetsRoutes.post('/assessment/sheets/:id', self, async (c) => {
  const id = idParam(c, 'id');
  const { db } = c.var.deps;
  return handleForm<typeof SheetForm, SheetRow>(c, SheetForm, {
    valid: async (data, values) => {
      const input = sheetInputFromForm(data, values);
      if (values.intent === 'submit') {
        const { sheet } = await submitSheet(db, nominationEnv(c.var.deps), actorOf(c), id, input);
        return redirectWithFlash(
          c,
          `/assessment/sheets/${id}`,
          text(c)('submitted', { total: formatNumber(sheet.total ?? 0, c.get('lang')) }),
        );
      }
      await saveSheet(db, actorOf(c), id, input);
      return redirectWithFlash(c, `/assessment/sheets/${id}`, text(c)('saved'));
    },
    invalid: ({ values, errors, current }) =>
      sheetPage(c, id, current ? { ...values, version: String(current.version) } : values, errors, current),
  });
});

/** The autosave of sheet.js: the same form, answered in JSON (the new version, or the message). */
sheetsRoutes.post('/assessment/sheets/:id/autosave', self, async (c) => {
  const id = idParam(c, 'id');
  const lang = c.get('lang');
  const values = await formBody(c);
  const parsed = await validate(SheetForm, values, lang);
  if (!parsed.ok) return c.json({ ok: false, message: Object.values(parsed.errors).join(' ') }, 422);
  try {
    const sheet = await saveSheet(c.var.deps.db, actorOf(c), id, sheetInputFromForm(parsed.data, values));
    return c.json({ ok: true, version: sheet.version, savedAt: sheet.updatedAt.toISOString() });
  } catch (err) {
    if (err instanceof DomainError)
      return c.json({ ok: false, message: Object.values(ruleFieldErrors(err, lang)).join(' ') }, err.status);
    if (err instanceof StaleVersionError)
      return c.json({ ok: false, stale: true, message: render(sheetsText.staleTitle, lang) }, 409);
    throw err;
  }
});

sheetsRoutes.post('/assessment/sheets/:id/evidence', self, async (c) => {
  const id = idParam(c, 'id');
  const values = await formBody(c);
  const photo = values.photo;
  const criterion =
    typeof values.criterionCode === 'string' && values.criterionCode ? values.criterionCode : null;
  try {
    if (!(photo instanceof File) || photo.size === 0)
      throw new DomainError(
        sheetErrors.evidenceMissing,
        {},
        { photo: render(sheetErrors.evidenceMissing, c.get('lang')) },
        422,
      );
    await addEvidence(c.var.deps.db, c.var.deps.files, actorOf(c), id, {
      name: photo.name,
      bytes: new Uint8Array(await photo.arrayBuffer()),
      criterionCode: criterion,
      maxBytes: c.var.deps.config.UPLOAD_MAX_MB * 1024 * 1024,
    });
  } catch (err) {
    if (err instanceof DomainError) {
      const errors = ruleFieldErrors(err, c.get('lang'));
      if (errors._form && !errors.photo) errors.photo = errors._form;
      delete errors._form;
      const res = await sheetPage(c, id, undefined, errors);
      return new Response(res.body, { status: err.status, headers: res.headers });
    }
    throw err;
  }
  return redirectWithFlash(c, `/assessment/sheets/${id}`, text(c)('evidenceAdded'));
});

sheetsRoutes.get('/assessment/sheets/:id/evidence/:evidenceId', self, async (c) => {
  const ev = await ownEvidence(c.var.deps.db, actorOf(c), idParam(c, 'id'), idParam(c, 'evidenceId'));
  return fileResponse(c.var.deps.files, { sha256: ev.fileSha256, mime: 'image/webp', filename: ev.fileName });
});

sheetsRoutes.get('/assessment/sheets/:id/:kind{(blank|filled)\\.pdf}', self, async (c) => {
  const view = await getOwnSheet(c.var.deps.db, actorOf(c), idParam(c, 'id'));
  const mode = c.req.param('kind').startsWith('filled') ? 'filled' : 'blank';
  const lang = c.get('lang');
  if (mode === 'filled' && view.sheet.status !== 'submitted') {
    const res = await sheetPage(c, view.sheet.id, undefined, {
      _form: render(sheetErrors.pdfNotSubmitted, lang),
    });
    return new Response(res.body, { status: 409, headers: res.headers });
  }
  const { sheetPdf } = await import('./sheets.pdf.ts');
  const { pdfResponse } = await import('../../platform/pdf.ts');
  const bytes = await sheetPdf(view, lang, mode);
  const slug = view.nomination.product.replace(/[^\p{L}\p{N}]+/gu, '-').toLowerCase();
  return pdfResponse(bytes, `${mode === 'blank' ? 'lembar-kosong' : 'lembar-penilaian'}-${slug}.pdf`);
});
