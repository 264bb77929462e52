/**
 * The public pages of the awards, in the catalog's shell (no script): the verification page of a
 * certificate code, and the published results of a cycle by kab/kota, commodity and star.
 */
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../platform/context.ts';
import type { Lang } from '../../platform/domain.ts';
import { formatDate } from '../../platform/format.ts';
import { translator } from '../../platform/i18n.ts';
import { COMMODITIES, type Commodity } from '../../platform/registry-domain.ts';
import { commodityLabel } from '../../platform/ui/commodity-labels.ts';
import { catalogPaths } from '../catalog/catalog.paths.ts';
import { awardsText } from './awards.messages.ts';
import type { PublicResult, PublishedCycle, Verification } from './awards.service.ts';

function useT() {
  const c = useRequestContext<AppEnv>();
  const lang = c.get('lang') ?? 'id';
  return { lang, t: translator(awardsText, lang) };
}

/** The public addresses of the awards' pages, Indonesian at the root and English under /en. */
export const awardPaths = {
  verify: (lang: Lang, code: string) =>
    lang === 'en' ? `/en/verify/${encodeURIComponent(code)}` : `/verifikasi/${encodeURIComponent(code)}`,
  verifyForm: (lang: Lang) => (lang === 'en' ? '/en/verify' : '/verifikasi'),
  results: (lang: Lang) => (lang === 'en' ? '/en/results' : '/hasil'),
  cycleResults: (lang: Lang, slug: string, query?: Record<string, string | undefined>) => {
    const base = lang === 'en' ? `/en/results/${slug}` : `/hasil/${slug}`;
    const qs = new URLSearchParams(
      Object.entries(query ?? {}).filter((e): e is [string, string] => Boolean(e[1])),
    ).toString();
    return qs ? `${base}?${qs}` : base;
  },
};

function StarText(props: { n: number; max: number }) {
  const { t } = useT();
  return (
    <span class="stars">
      <span aria-hidden="true">{'★'.repeat(props.n) + '☆'.repeat(Math.max(0, props.max - props.n))}</span>{' '}
      <span>{t('verifyStars', { n: props.n, max: props.max })}</span>
    </span>
  );
}

/** The verification page: one clear verdict first, then what the certificate says. */
export function VerifyPage(props: { result: Verification; office: string; code: string }) {
  const { t, lang } = useT();
  const r = props.result;
  const heading = {
    valid: t('verifyGenuine'),
    revoked: t('verifyRevoked'),
    expired: t('verifyExpired'),
    not_found: t('verifyNotFound'),
    malformed: t('verifyMalformed'),
  }[r.state];
  const tone =
    r.state === 'valid'
      ? 'verify-ok'
      : r.state === 'not_found' || r.state === 'malformed'
        ? 'verify-bad'
        : 'verify-warn';
  return (
    <section class="narrow verify">
      <p class="caption">{t('verifyTitle')}</p>
      <div class={`verdict ${tone}`} role="status">
        <h1>
          <span aria-hidden="true">{r.state === 'valid' ? '✓ ' : '✗ '}</span>
          {heading}
        </h1>
        {r.state === 'valid' && <p>{t('verifyGenuineLead', { office: props.office })}</p>}
        {r.state === 'revoked' && (
          <p>{t('verifyRevokedLead', { date: formatDate(r.certificate.revokedAt, lang) })}</p>
        )}
        {r.state === 'expired' && (
          <p>{t('verifyExpiredLead', { date: formatDate(r.certificate.validUntil, lang) })}</p>
        )}
        {r.state === 'not_found' && <p>{t('verifyNotFoundLead')}</p>}
        {r.state === 'malformed' && <p>{t('verifyMalformedLead')}</p>}
      </div>
      {'certificate' in r && (
        <dl class="summary-list">
          <div class="summary-row">
            <dt>{t('ikm')}</dt>
            <dd>{r.certificate.ikmName}</dd>
          </div>
          <div class="summary-row">
            <dt>{t('product')}</dt>
            <dd>
              {r.certificate.productSlug ? (
                <a href={catalogPaths.product(lang, r.certificate.productSlug)}>
                  {r.certificate.productName}
                </a>
              ) : (
                r.certificate.productName
              )}
            </dd>
          </div>
          <div class="summary-row">
            <dt>{t('regency')}</dt>
            <dd>{r.certificate.kabkotaName}</dd>
          </div>
          <div class="summary-row">
            <dt>{t('star')}</dt>
            <dd>
              <StarText n={r.certificate.stars} max={r.certificate.starMax} />
            </dd>
          </div>
          <div class="summary-row">
            <dt>{t('cycle')}</dt>
            <dd>{r.certificate.cycleName}</dd>
          </div>
          <div class="summary-row">
            <dt>{t('certificateNumber')}</dt>
            <dd>{r.certificate.number}</dd>
          </div>
          <div class="summary-row">
            <dt>{t('validFrom')}</dt>
            <dd>{formatDate(r.certificate.validFrom, lang)}</dd>
          </div>
          <div class="summary-row">
            <dt>{t('validUntil')}</dt>
            <dd>{formatDate(r.certificate.validUntil, lang)}</dd>
          </div>
          {r.certificate.revokedAt && (
            <div class="summary-row">
              <dt>{t('revokedOn')}</dt>
              <dd>{formatDate(r.certificate.revokedAt, lang)}</dd>
            </div>
          )}
        </dl>
      )}
      <p class="muted">
        {t('verifyCode')}: <code>{props.code.slice(0, 40)}</code>
      </p>
    </section>
  );
}

/** A form to type the code printed on a certificate. */
export function VerifyFormPage() {
  const { t, lang } = useT();
  return (
    <section class="narrow">
      <h1>{t('verifyTitle')}</h1>
      <form method="get" action={awardPaths.verifyForm(lang)} class="row">
        <div class="field">
          <label for="f-code">{t('verifyCode')}</label>
          <input id="f-code" class="input" name="code" maxlength={40} autocomplete="off" spellcheck={false} />
        </div>
        <button class="btn" type="submit">
          {t('verifyButton')}
        </button>
      </form>
    </section>
  );
}

export function ResultsIndexPage(props: { cycles: PublishedCycle[] }) {
  const { t, lang } = useT();
  return (
    <section>
      <h1>{t('resultsIndexTitle')}</h1>
      <p class="lead">{t('resultsIndexLead')}</p>
      {props.cycles.length === 0 ? (
        <p class="empty">{t('resultsNone')}</p>
      ) : (
        <ul class="plain">
          {props.cycles.map((c) => (
            <li>
              <a href={awardPaths.cycleResults(lang, c.slug)}>{c.name}</a>{' '}
              <span class="muted">
                {t('publishedAt')} {formatDate(c.publishedAt, lang)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export interface ResultsFilter {
  kabkota?: string | undefined;
  commodity?: Commodity | undefined;
  star?: number | undefined;
}

/** A published cycle's awarded products, filtered, grouped by kab/kota. */
export function ResultsPage(props: { cycle: PublishedCycle; all: PublicResult[]; filter: ResultsFilter }) {
  const { t, lang } = useT();
  const { cycle, all, filter } = props;
  const shown = all.filter(
    (r) =>
      (!filter.kabkota || r.kabkotaCode === filter.kabkota) &&
      (!filter.commodity || r.commodity === filter.commodity) &&
      (!filter.star || r.stars === filter.star),
  );
  const regions = [...new Map(all.map((r) => [r.kabkotaCode, r.kabkotaName])).entries()];
  const byRegion = new Map<string, PublicResult[]>();
  for (const r of shown) byRegion.set(r.kabkotaName, [...(byRegion.get(r.kabkotaName) ?? []), r]);
  const starCounts = Array.from({ length: cycle.starScale }, (_, i) => cycle.starScale - i).map((n) => ({
    n,
    count: all.filter((r) => r.stars === n).length,
  }));
  return (
    <section>
      <h1>{t('resultsTitle', { cycle: cycle.name })}</h1>
      <p class="lead">{t('resultsLead', { date: formatDate(cycle.publishedAt, lang), n: all.length })}</p>
      <h2 class="vh">{t('resultsByStar')}</h2>
      <ul class="chips" aria-label={t('resultsByStar')}>
        {starCounts.map((s) => (
          <li>
            <a href={awardPaths.cycleResults(lang, cycle.slug, { star: String(s.n) })}>
              {t('starsN', { n: s.n })}: {s.count}
            </a>
          </li>
        ))}
      </ul>
      <form method="get" action={awardPaths.cycleResults(lang, cycle.slug)} class="filters">
        <div class="field">
          <label for="f-kabkota">{t('regency')}</label>
          <select id="f-kabkota" name="kabkota" class="input">
            <option value="">{t('resultsAll')}</option>
            {regions.map(([code, name]) => (
              <option value={code} selected={filter.kabkota === code}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="f-commodity">{t('commodity')}</label>
          <select id="f-commodity" name="commodity" class="input">
            <option value="">{t('resultsAll')}</option>
            {COMMODITIES.map((c) => (
              <option value={c} selected={filter.commodity === c}>
                {commodityLabel(c, lang)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="f-star">{t('star')}</label>
          <select id="f-star" name="star" class="input">
            <option value="">{t('resultsAll')}</option>
            {Array.from({ length: cycle.starScale }, (_, i) => i + 1).map((n) => (
              <option value={String(n)} selected={filter.star === n}>
                {t('starsN', { n })}
              </option>
            ))}
          </select>
        </div>
        <button class="btn" type="submit">
          {t('resultsFilter')}
        </button>
      </form>
      {shown.length === 0 && <p class="empty">{t('resultsNoMatch')}</p>}
      {[...byRegion.entries()].map(([region, rows]) => (
        <section class="results-region">
          <h2>{region}</h2>
          <table class="results">
            <thead>
              <tr>
                <th scope="col">{t('ikm')}</th>
                <th scope="col">{t('product')}</th>
                <th scope="col">{t('commodity')}</th>
                <th scope="col">{t('star')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr>
                  <td>{r.ikmName}</td>
                  <td>
                    {r.productSlug ? (
                      <a href={catalogPaths.product(lang, r.productSlug)}>{r.productName}</a>
                    ) : (
                      r.productName
                    )}
                  </td>
                  <td>{commodityLabel(r.commodity, lang)}</td>
                  <td>
                    <StarText n={r.stars} max={cycle.starScale} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </section>
  );
}
