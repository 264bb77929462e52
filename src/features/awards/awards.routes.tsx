/**
 * The awards' pages. Staff: cycles, the publication preview and publishing, certificates (PDF, labels,
 * revocation, bulk ZIP with progress), settings. Public (no sign-in, no script, both languages):
 * /verifikasi/<code> (and /en/verify/<code>) and the results of published cycles at /hasil/<cycle>.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Hono, type MiddlewareHandler } from 'hono';
import { type AppEnv, actorOf, type Ctx } from '../../platform/context.ts';
import { can } from '../../platform/authz.ts';
import { LANGS, type Lang } from '../../platform/domain.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { fileResponse } from '../../platform/files.ts';
import { handleForm } from '../../platform/forms.ts';
import { redirectWithFlash, requirePermission } from '../../platform/http.ts';
import { translator } from '../../platform/i18n.ts';
import { UUID_RE } from '../../platform/ids.ts';
import type { Panel } from '../../platform/region-panels.ts';
import { type PublicMeta, renderPublic, siteOrigin } from '../catalog/catalog.layout.tsx';
import { catalogText } from '../catalog/catalog.messages.ts';
import { alternatesOf, catalogPaths } from '../catalog/catalog.paths.ts';
import { sitemapXml } from '../catalog/catalog.seo.ts';
import { NotFoundPage } from '../catalog/catalog.views.tsx';
import { nominationEnv } from '../nominations/nominations.env.ts';
import type { NominationPanelSubject } from '../nominations/nominations.panels.ts';
import type { IkmRow } from '../registry/ikm.service.ts';
import { uploadOf } from '../registry/uploads.ts';
import { PublishForm, ResultsFilter, RevokeForm, SettingsForm } from './awards.forms.ts';
import { awardsText } from './awards.messages.ts';
import { awardPaths, ResultsIndexPage, ResultsPage, VerifyFormPage, VerifyPage } from './awards.public.tsx';
import {
  awardCycles,
  type CertificateView,
  certificateForNomination,
  certificatesOfCycle,
  certificatesOfIkm,
  certificatesOfOwner,
  certificateState,
  issuedCertificateOf,
  getCertificate,
  publicationPreview,
  publishCycle,
  publishedCycleBySlug,
  publishedCycles,
  publishedResults,
  revokeCertificate,
  verificationPath,
  verifyCode,
} from './awards.service.ts';
import { type AwardSettings, getAwardSettings, updateAwardSettings } from './awards.settings.ts';
import {
  AwardsHome,
  CyclePage,
  IkmCertificatesPanel,
  JobPage,
  NominationCertificatePanel,
  OwnerCertificatesPage,
  RevokePage,
  SettingsPage,
} from './awards.views.tsx';
import {
  type CertificateJobEnv,
  getCertificateJob,
  jobFilePath,
  recentCertificateJobs,
  startCertificateJob,
} from './certificate-jobs.service.ts';
import { certificateFileName, certificatePdf } from './certificate.pdf.ts';
import { LABEL_SIZES_MM, type LabelInput, labelPng, labelSvg } from './label.ts';

export const awardsRoutes = new Hono<AppEnv>();

const text = (c: Ctx) => translator(awardsText, c.get('lang'));
const province = (c: Ctx) => c.get('deps').config.PROVINCE_CODE;

function idParam(c: Ctx, name = 'id'): string {
  const id = c.req.param(name) ?? '';
  if (!UUID_RE.test(id)) throw new NotFoundError('award');
  return id;
}

export function jobEnv(c: Ctx): CertificateJobEnv {
  const deps = c.get('deps');
  return { store: deps.files, dir: path.join(deps.config.dataDir, 'certificates'), origin: siteOrigin(c) };
}

/** The absolute verification URL of a code (what the QR codes hold). */
const verifyUrl = (c: Ctx, code: string) => `${siteOrigin(c)}${verificationPath(code)}`;

// Staff: cycles and publication ---------------------------------------------------------------------------

const read = requirePermission('certificates.read');
const manage = requirePermission('certificates.manage');
/** Staff in scope and the IKM's own owner (the service says which certificate is theirs). */
const download = requirePermission('certificates.download');

awardsRoutes.get('/awards/mine', requirePermission('certificates.own'), async (c) => {
  const rows = await certificatesOfOwner(c.var.deps.db, actorOf(c));
  return c.render(<OwnerCertificatesPage rows={rows} />, { title: text(c)('mineTitle') });
});

awardsRoutes.get('/awards', read, async (c) => {
  const cycles = await awardCycles(c.var.deps.db, province(c));
  return c.render(<AwardsHome cycles={cycles} />, { title: text(c)('awards') });
});

async function cyclePage(
  c: Ctx,
  cycleId: string,
  form?: { values: Record<string, unknown>; errors: Record<string, string> },
) {
  const db = c.var.deps.db;
  const actor = actorOf(c);
  const preview = await publicationPreview(db, cycleId);
  const [certs, jobs] = await Promise.all([
    certificatesOfCycle(db, actor, cycleId),
    can(actor, 'certificates.manage') ? recentCertificateJobs(db, cycleId) : Promise.resolve([]),
  ]);
  return c.render(
    <CyclePage
      preview={preview}
      certificates={certs}
      jobs={jobs}
      canManage={can(actor, 'awards.publish')}
      errors={form?.errors}
      values={form?.values ?? {}}
    />,
    { title: preview.cycle.name, wide: true },
  );
}

awardsRoutes.get('/awards/cycles/:id', read, (c) => cyclePage(c, idParam(c)));

awardsRoutes.post('/awards/cycles/:id/publish', requirePermission('awards.publish'), (c) => {
  const cycleId = idParam(c);
  return handleForm(c, PublishForm, {
    valid: async (data) => {
      const done = await publishCycle(c.var.deps.db, nominationEnv(c.var.deps), actorOf(c), cycleId, data);
      return redirectWithFlash(
        c,
        `/awards/cycles/${cycleId}`,
        text(c)('published', { n: done.nominations, certs: done.certificates }),
      );
    },
    invalid: ({ values, errors }) => cyclePage(c, cycleId, { values, errors }),
  });
});

// Staff: certificates --------------------------------------------------------------------------------------

async function labelInput(c: Ctx, cert: CertificateView): Promise<LabelInput> {
  const id = translator(awardsText, 'id');
  const en = translator(awardsText, 'en');
  return {
    stars: cert.stars,
    starMax: cert.starMax,
    cycleName: cert.cycleName,
    url: verifyUrl(c, cert.code),
    starLine: `${id('labelStars', { n: cert.stars, max: cert.starMax })} · ${en('labelStars', { n: cert.stars, max: cert.starMax })}`,
    scanLine: `${id('labelScan')} · ${en('labelScan')}`,
    title: `${id('labelTitle')}: ${cert.productName}, ${id('labelStars', { n: cert.stars, max: cert.starMax })}`,
  };
}

async function pdfOf(c: Ctx, cert: CertificateView): Promise<Response> {
  const deps = c.var.deps;
  const settings = await getAwardSettings(deps.db);
  const bytes = await certificatePdf(cert, settings, deps.files, verifyUrl(c, cert.code));
  const { pdfResponse } = await import('../../platform/pdf.ts');
  return pdfResponse(bytes, certificateFileName(cert));
}

/**
 * A certificate whose files the actor may download: staff in scope, or the IKM's owner while the star
 * is not revoked (a label printed from a revoked star would only ever verify as revoked).
 */
async function downloadable(c: Ctx): Promise<CertificateView> {
  const actor = actorOf(c);
  const cert = await getCertificate(c.var.deps.db, actor, idParam(c));
  if (actor.role === 'pemilik_ikm' && certificateState(cert) === 'revoked')
    throw new NotFoundError('certificate');
  return cert;
}

awardsRoutes.get('/awards/certificates/:id/certificate.pdf', download, async (c) =>
  pdfOf(c, await downloadable(c)),
);

/** A nomination's certificate: refused (409, with the reason) when it has no decided, published star. */
awardsRoutes.get('/awards/nominations/:id/certificate.pdf', read, async (c) =>
  pdfOf(c, await certificateForNomination(c.var.deps.db, actorOf(c), idParam(c))),
);

awardsRoutes.get('/awards/certificates/:id/label.svg', download, async (c) => {
  const cert = await downloadable(c);
  const svg = await labelSvg(await labelInput(c, cert), '50mm');
  return new Response(svg, {
    headers: {
      'content-type': 'image/svg+xml; charset=utf-8',
      'content-disposition': `attachment; filename="label-${cert.number.replace(/[^A-Za-z0-9]+/g, '-').toLowerCase()}.svg"`,
      'cache-control': 'private, no-cache',
      'x-content-type-options': 'nosniff',
    },
  });
});

awardsRoutes.get('/awards/certificates/:id/label.png', download, async (c) => {
  const cert = await downloadable(c);
  const asked = Number(c.req.query('mm') ?? 50);
  const mm = (LABEL_SIZES_MM as readonly number[]).includes(asked) ? asked : 50;
  const png = await labelPng(await labelInput(c, cert), mm);
  return new Response(png as unknown as BodyInit, {
    headers: {
      'content-type': 'image/png',
      'content-length': String(png.byteLength),
      'content-disposition': `attachment; filename="label-${mm}mm-${cert.number.replace(/[^A-Za-z0-9]+/g, '-').toLowerCase()}.png"`,
      'cache-control': 'private, no-cache',
    },
  });
});

awardsRoutes.get('/awards/certificates/:id/revoke', manage, async (c) => {
  const cert = await getCertificate(c.var.deps.db, actorOf(c), idParam(c));
  return c.render(<RevokePage c={cert} />, { title: text(c)('revokeTitle', { number: cert.number }) });
});

awardsRoutes.post('/awards/certificates/:id/revoke', manage, async (c) => {
  const id = idParam(c);
  const db = c.var.deps.db;
  const cert = await getCertificate(db, actorOf(c), id);
  return handleForm(c, RevokeForm, {
    valid: async (data) => {
      await revokeCertificate(db, actorOf(c), id, data);
      return redirectWithFlash(
        c,
        `/awards/cycles/${cert.cycleId}`,
        text(c)('revoked', { number: cert.number }),
      );
    },
    invalid: ({ values, errors }) =>
      c.render(<RevokePage c={cert} values={values} errors={errors} />, {
        title: text(c)('revokeTitle', { number: cert.number }),
      }),
  });
});

// Staff: bulk ZIP ------------------------------------------------------------------------------------------

awardsRoutes.post('/awards/cycles/:id/zip', manage, async (c) => {
  const { job } = await startCertificateJob(c.var.deps.db, jobEnv(c), actorOf(c), idParam(c));
  return c.redirect(`/awards/jobs/${job.id}`, 303);
});

awardsRoutes.get('/awards/jobs/:id', manage, async (c) => {
  const job = await getCertificateJob(c.var.deps.db, idParam(c));
  c.header('cache-control', 'no-store');
  return c.render(<JobPage job={job} />, { title: text(c)('jobTitle') });
});

awardsRoutes.get('/awards/jobs/:id/download', manage, async (c) => {
  const job = await getCertificateJob(c.var.deps.db, idParam(c));
  const file = jobFilePath(jobEnv(c), job.id);
  if (job.status !== 'done' || !fs.existsSync(file)) throw new NotFoundError('certificate_job');
  const bytes = await fs.promises.readFile(file);
  return new Response(new Uint8Array(bytes), {
    headers: {
      'content-type': 'application/zip',
      'content-length': String(bytes.byteLength),
      'content-disposition': `attachment; filename="${job.fileName}"`,
      'cache-control': 'no-store',
    },
  });
});

// Staff: settings ------------------------------------------------------------------------------------------

function settingsValues(s: AwardSettings): Record<string, unknown> {
  return {
    provinceName: s.provinceName,
    officeName: s.officeName,
    signatoryName: s.signatoryName,
    signatoryTitle: s.signatoryTitle,
    signatoryNip: s.signatoryNip,
    validityYears: String(s.validityYears),
    version: String(s.version),
  };
}

awardsRoutes.get('/awards/settings', manage, async (c) => {
  const settings = await getAwardSettings(c.var.deps.db);
  return c.render(<SettingsPage settings={settings} values={settingsValues(settings)} />, {
    title: text(c)('settings'),
  });
});

awardsRoutes.post('/awards/settings', manage, async (c) => {
  const deps = c.var.deps;
  const settings = await getAwardSettings(deps.db);
  return handleForm<typeof SettingsForm, AwardSettings>(c, SettingsForm, {
    valid: async (data, values) => {
      await updateAwardSettings(deps.db, deps.files, actorOf(c), data, {
        signature: await uploadOf(values.signature),
        logo: await uploadOf(values.logo),
      });
      return redirectWithFlash(c, '/awards/settings', text(c)('settingsSaved'));
    },
    invalid: ({ values, errors, current }) =>
      c.render(
        <SettingsPage
          settings={current ?? settings}
          values={current ? { ...values, version: String(current.version) } : values}
          errors={errors}
        />,
        { title: text(c)('settings') },
      ),
  });
});

awardsRoutes.get('/awards/settings/:which{signature|logo}', manage, async (c) => {
  const settings = await getAwardSettings(c.var.deps.db);
  const image = settings[c.req.param('which') as 'signature' | 'logo'];
  if (!image) throw new NotFoundError('image');
  return fileResponse(c.var.deps.files, image);
});

// Public: verification and results --------------------------------------------------------------------------

const inLang =
  (lang: Lang): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    c.set('lang', lang);
    await next();
  };

async function publicNotFound(c: Ctx): Promise<Response> {
  const t = translator(catalogText, c.get('lang'));
  return renderPublic(
    c,
    {
      title: t('notFoundTitle'),
      description: t('notFoundBody'),
      alternates: alternatesOf((l) => catalogPaths.home(l)),
      noindex: true,
    },
    <NotFoundPage />,
    404,
  );
}

const STATUS = { valid: 200, revoked: 200, expired: 200, not_found: 404, malformed: 400 } as const;

for (const lang of LANGS) {
  const here = inLang(lang);
  const verifyBase = awardPaths.verifyForm(lang);

  awardsRoutes.get(verifyBase, here, async (c) => {
    const code = (c.req.query('code') ?? '').trim();
    if (code) return c.redirect(awardPaths.verify(lang, code.slice(0, 100)), 303);
    const t = text(c);
    return renderPublic(
      c,
      {
        title: t('verifyTitle'),
        description: t('verifyTitle'),
        alternates: alternatesOf((l) => awardPaths.verifyForm(l)),
      },
      <VerifyFormPage />,
    );
  });

  awardsRoutes.get(`${verifyBase}/:code`, here, async (c) => {
    const code = c.req.param('code') ?? '';
    const db = c.var.deps.db;
    const [result, settings] = await Promise.all([verifyCode(db, code), getAwardSettings(db)]);
    const t = text(c);
    const meta: PublicMeta = {
      title: t('verifyTitle'),
      description: t('verifyTitle'),
      alternates: alternatesOf((l) => awardPaths.verify(l, code)),
      noindex: true,
    };
    const res = await renderPublic(
      c,
      meta,
      <VerifyPage result={result} office={settings.officeName} code={code} />,
      STATUS[result.state],
    );
    // A revocation must show at once: caches revalidate every time.
    res.headers.set('cache-control', 'no-cache');
    return res;
  });

  awardsRoutes.get(awardPaths.results(lang), here, async (c) => {
    const cycles = await publishedCycles(c.var.deps.db, province(c));
    const t = text(c);
    return renderPublic(
      c,
      {
        title: t('resultsIndexTitle'),
        description: t('resultsIndexLead'),
        alternates: alternatesOf((l) => awardPaths.results(l)),
      },
      <ResultsIndexPage cycles={cycles} />,
    );
  });

  awardsRoutes.get(`${awardPaths.results(lang)}/:slug`, here, async (c) => {
    const db = c.var.deps.db;
    try {
      const cycle = await publishedCycleBySlug(db, province(c), c.req.param('slug') ?? '');
      const all = await publishedResults(db, cycle.id);
      const parsed = ResultsFilter.safeParse(c.req.query());
      const t = text(c);
      return await renderPublic(
        c,
        {
          title: t('resultsTitle', { cycle: cycle.name }),
          description: t('resultsLead', {
            date: cycle.publishedAt.toISOString().slice(0, 10),
            n: all.length,
          }),
          alternates: alternatesOf((l) => awardPaths.cycleResults(l, cycle.slug)),
        },
        <ResultsPage cycle={cycle} all={all} filter={parsed.success ? parsed.data : {}} />,
      );
    } catch (err) {
      if (err instanceof NotFoundError) return publicNotFound(c);
      throw err;
    }
  });
}

/** The results pages of published cycles for search engines, both languages naming each other (the sitemap index lists this file). */
awardsRoutes.get('/sitemap-results.xml', async (c) => {
  const cycles = await publishedCycles(c.var.deps.db, province(c));
  const slugs = [...new Set(cycles.map((y) => y.slug))];
  const lastmod = new Map(cycles.map((y) => [y.slug, y.publishedAt] as const));
  const body = sitemapXml(siteOrigin(c), [
    ...(cycles.length ? [{ alternates: alternatesOf((l) => awardPaths.results(l)) }] : []),
    ...slugs.map((slug) => ({
      alternates: alternatesOf((l) => awardPaths.cycleResults(l, slug)),
      lastmod: lastmod.get(slug),
    })),
  ]);
  return new Response(body, {
    headers: { 'content-type': 'application/xml; charset=utf-8', 'cache-control': 'public, max-age=3600' },
  });
});

// Hooks for other features' pages ---------------------------------------------------------------------------

/** The IKM profile's certificates section: staff who may read certificates in their scope, and the IKM's owner. */
export const awardsIkmPanel: Panel<IkmRow> = async (c, ikm) => {
  const actor = c.get('actor');
  if (!actor) return null;
  const owner = actor.role === 'pemilik_ikm' && !!actor.userId && ikm.ownerUserId === actor.userId;
  if (!owner && !can(actor, 'certificates.read')) return null;
  if (actor.role === 'petugas_kabkota' && actor.regionCode !== ikm.kabkotaCode) return null;
  const rows = await certificatesOfIkm(c.var.deps.db, ikm.id);
  if (rows.length === 0) return null;
  return <IkmCertificatesPanel rows={rows} owner={owner} />;
};

/** The nomination page's certificate section, once a certificate is issued (staff in scope). */
export const awardsNominationPanel: Panel<NominationPanelSubject> = async (c, nomination) => {
  const actor = c.get('actor');
  if (!actor || !can(actor, 'certificates.read')) return null;
  const cert = await issuedCertificateOf(c.var.deps.db, actor, nomination.id);
  return cert ? <NominationCertificatePanel c={cert} /> : null;
};
