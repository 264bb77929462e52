/** The public catalog's pages: home, browse and search, product, IKM, regions, the inquiry's receipt. */
import type { Child } from 'hono/jsx';
import { str } from '../../platform/forms.ts';
import { formatDate, formatNumber, formatRupiah } from '../../platform/format.ts';
import type { Lang } from '../../platform/domain.ts';
import { mapMessages } from '../../platform/regionmap.ts';
import { COMMODITIES, type CapacityPeriod, type Commodity } from '../../platform/registry-domain.ts';
import { commodityLabel } from '../../platform/ui/commodity-labels.ts';
import {
  ErrorSummary,
  fieldId,
  Form,
  SummaryList,
  TextArea,
  TextInput,
} from '../../platform/ui/components.tsx';
import { useView } from '../../platform/ui/view.ts';
import type { FieldErrors } from '../../platform/validation.ts';
import { formatHsCode } from '../registry/identifiers.ts';
import { documentLabel, periodLabel } from '../registry/registry.messages.ts';
import { StoryText } from '../registry/story.tsx';
import type { PublicAward } from './awards-hook.ts';
import { CATALOG_CERTIFICATIONS, type CatalogFilter, INQUIRY_LIMITS } from './catalog.forms.ts';
import { type MapRegion, type MapShape, RegionMap } from './catalog.map.tsx';
import { catalogText, unitLabel } from './catalog.messages.ts';
import { catalogPaths } from './catalog.paths.ts';
import type {
  CatalogCard,
  PublicCertification,
  PublicIkm,
  PublicPhoto,
  PublicProduct,
  PublicRegion,
  RegionDetail,
} from './catalog.service.ts';

function useT() {
  const v = useView();
  return { v, t: v.tr(catalogText), lang: v.lang };
}

// Small pieces ------------------------------------------------------------------------------------

/** `Rp 25.000 – Rp 40.000`, `Rp 25.000`, or "price on request". */
export function priceText(lang: Lang, min: number | null, max: number | null): string | null {
  if (min === null && max === null) return null;
  if (min !== null && max !== null && max !== min)
    return `${formatRupiah(min, lang)} – ${formatRupiah(max, lang)}`;
  return formatRupiah(min ?? max, lang);
}

/** The thumbnail keeps the page-size image's proportions at ≤ 320 px wide (platform/images.ts). */
function thumbSize(photo: PublicPhoto): { width: number; height: number } {
  const width = Math.min(320, photo.width);
  return { width, height: Math.round((photo.height * width) / photo.width) };
}

/** A product photo in two sizes: the browser picks by the space it has; lazy unless first seen. */
export function Photo(props: { photo: PublicPhoto; alt: string; sizes: string; eager?: boolean }) {
  const { photo } = props;
  const thumb = thumbSize(photo);
  const display = Math.max(photo.width, thumb.width);
  return (
    <img
      src={catalogPaths.photo(photo.id, 'thumb')}
      srcset={`${catalogPaths.photo(photo.id, 'thumb')} ${thumb.width}w, ${catalogPaths.photo(photo.id, 'display')} ${display}w`}
      sizes={props.sizes}
      width={thumb.width}
      height={thumb.height}
      alt={props.alt}
      loading={props.eager ? undefined : 'lazy'}
      decoding="async"
    />
  );
}

/** ★★☆ with its meaning in words for screen readers. */
export function Stars(props: { award: PublicAward }) {
  const { t } = useT();
  const { stars, starMax } = props.award;
  return (
    <span class="stars">
      <span aria-hidden="true">{'★'.repeat(stars) + '☆'.repeat(Math.max(0, starMax - stars))}</span>
      <span class="vh">{t('awardStars', { n: stars, max: starMax })}</span>
    </span>
  );
}

export function ProductCard(props: { card: CatalogCard; eager?: boolean }) {
  const { t, lang } = useT();
  const c = props.card;
  const price = priceText(lang, c.priceMin, c.priceMax);
  return (
    <li class="card">
      <a href={catalogPaths.product(lang, c.slug)}>
        {c.photo ? (
          <Photo
            photo={c.photo}
            alt=""
            sizes="(min-width: 60em) 260px, (min-width: 30em) 45vw, 90vw"
            eager={props.eager}
          />
        ) : (
          <span class="nophoto">{t('noPhoto')}</span>
        )}
        <span class="name">{c.name}</span>
      </a>
      {c.award && <Stars award={c.award} />}
      <span class="meta">
        {c.ikmName} · {c.kabkotaName}
      </span>
      <span class="meta">
        {commodityLabel(c.commodity, lang)} · {price ?? t('priceOnRequest')}
      </span>
    </li>
  );
}

function Cards(props: { cards: CatalogCard[]; label: string; eagerFirst?: number }) {
  return (
    <ul class="cards" aria-label={props.label}>
      {props.cards.map((card, i) => (
        <ProductCard card={card} eager={i < (props.eagerFirst ?? 0)} />
      ))}
    </ul>
  );
}

function Crumbs(props: { items: { href?: string; label: string }[] }) {
  const { t } = useT();
  return (
    <nav class="crumbs" aria-label={t('breadcrumb')}>
      <ol>
        {props.items.map((item) =>
          item.href ? (
            <li>
              <a href={item.href}>{item.label}</a>
            </li>
          ) : (
            <li aria-current="page">{item.label}</li>
          ),
        )}
      </ol>
    </nav>
  );
}

function SearchForm(props: { q?: string | undefined; extra?: Child }) {
  const { t, lang } = useT();
  return (
    <form method="get" action={catalogPaths.browse(lang)} class="search" role="search">
      <label for="q">{t('searchLabel')}</label>
      <span class="hint" id="q-hint">
        {t('searchHint')}
      </span>
      <span class="row">
        <input
          id="q"
          name="q"
          type="search"
          value={props.q ?? ''}
          aria-describedby="q-hint"
          maxlength={100}
        />
        <button type="submit" class="btn">
          {t('searchButton')}
        </button>
      </span>
      {props.extra}
    </form>
  );
}

function regionsForMap(lang: Lang, regions: PublicRegion[], label: (r: PublicRegion) => string): MapRegion[] {
  return regions.map((r) => ({
    code: r.code,
    name: r.name,
    href: catalogPaths.region(lang, r.slug),
    count: r.productCount,
    label: label(r),
  }));
}

function countText(t: ReturnType<typeof useT>['t'], n: number): string {
  return n === 1 ? t('productCountOne') : t('productCount', { n: formatNumber(n) });
}

function MapBlock(props: { shapes: MapShape[]; regions: PublicRegion[]; current?: string }) {
  const { t, lang } = useT();
  const regions = regionsForMap(lang, props.regions, (r) =>
    t('mapRegion', { name: r.name, n: formatNumber(r.productCount, lang) }),
  );
  return (
    <figure class="mapbox">
      <RegionMap shapes={props.shapes} regions={regions} title={t('mapLabel')} current={props.current} />
      <figcaption>{mapMessages.attribution[lang] as string}</figcaption>
    </figure>
  );
}

// Home --------------------------------------------------------------------------------------------

export function HomePage(props: {
  featured: CatalogCard[];
  regions: PublicRegion[];
  commodities: { commodity: Commodity; count: number }[];
  shapes: MapShape[];
}) {
  const { t, lang } = useT();
  return (
    <>
      <div class="hero">
        <h1>{t('homeTitle')}</h1>
        <p class="lead">{t('homeLead')}</p>
        <SearchForm />
      </div>
      <section aria-labelledby="featured">
        <h2 id="featured">{t('featured')}</h2>
        {props.featured.length ? (
          <Cards cards={props.featured} label={t('featured')} eagerFirst={2} />
        ) : (
          <p>{t('featuredEmpty')}</p>
        )}
        <p>
          <a href={catalogPaths.browse(lang)}>{t('allProducts')}</a>
        </p>
      </section>
      <section aria-labelledby="map-h" class="split">
        <div>
          <h2 id="map-h">{t('mapTitle')}</h2>
          <MapBlock shapes={props.shapes} regions={props.regions} />
        </div>
        <ul class="plain counts">
          {props.regions.map((r) => (
            <li>
              <a href={catalogPaths.region(lang, r.slug)}>{r.name}</a>{' '}
              <span>{countText(t, r.productCount)}</span>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="commodities">
        <h2 id="commodities">{t('commoditiesTitle')}</h2>
        <ul class="plain chips">
          {props.commodities.map((c) => (
            <li>
              <a href={catalogPaths.browse(lang, { commodity: c.commodity })}>
                {commodityLabel(c.commodity, lang)} <span>({formatNumber(c.count, lang)})</span>
              </a>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

// Browse ------------------------------------------------------------------------------------------

function Pager(props: { next: string | null; prev: string | null; base: URL }) {
  const { t } = useT();
  if (!props.next && !props.prev) return null;
  const link = (param: 'after' | 'before', cursor: string) => {
    const u = new URL(props.base);
    u.searchParams.delete('after');
    u.searchParams.delete('before');
    u.searchParams.set(param, cursor);
    return `${u.pathname}?${u.searchParams.toString()}`;
  };
  return (
    <nav class="pager" aria-label={t('pagination')}>
      {props.prev && (
        <a href={link('before', props.prev)} rel="prev">
          ← {t('prevPage')}
        </a>
      )}
      {props.next && (
        <a href={link('after', props.next)} rel="next">
          {t('nextPage')} →
        </a>
      )}
    </nav>
  );
}

export function BrowsePage(props: {
  filter: CatalogFilter;
  kabkota: { code: string; name: string }[];
  starChoices: number[];
  page: { rows: CatalogCard[]; next: string | null; prev: string | null; similar: CatalogCard[] };
}) {
  const { v, t, lang } = useT();
  const f = props.filter;
  const option = (value: string, label: string, current: string | number | undefined) => (
    <option value={value} selected={String(current ?? '') === value}>
      {label}
    </option>
  );
  const filtered = Boolean(f.q || f.kabkota || f.commodity || f.cert || f.star || f.ikm);
  const title = f.q ? t('browseTitleFor', { q: f.q }) : t('browseTitle');
  return (
    <>
      <Crumbs items={[{ href: catalogPaths.home(lang), label: t('navHome') }, { label: t('browseTitle') }]} />
      <h1>{title}</h1>
      <SearchForm
        q={f.q}
        extra={
          <fieldset class="filters">
            <legend>{t('filters')}</legend>
            <span class="field">
              <label for="f-kabkota">{t('kabkota')}</label>
              <select id="f-kabkota" name="kabkota">
                {option('', t('any'), f.kabkota)}
                {props.kabkota.map((k) => option(k.code, k.name, f.kabkota))}
              </select>
            </span>
            <span class="field">
              <label for="f-commodity">{t('commodity')}</label>
              <select id="f-commodity" name="commodity">
                {option('', t('any'), f.commodity)}
                {COMMODITIES.map((c) => option(c, commodityLabel(c, lang), f.commodity))}
              </select>
            </span>
            <span class="field">
              <label for="f-cert">{t('certification')}</label>
              <select id="f-cert" name="cert">
                {option('', t('any'), f.cert)}
                {CATALOG_CERTIFICATIONS.map((c) => option(c, documentLabel(c, lang), f.cert))}
              </select>
            </span>
            {props.starChoices.length > 0 && (
              <span class="field">
                <label for="f-star">{t('star')}</label>
                <select id="f-star" name="star">
                  {option('', t('any'), f.star)}
                  {props.starChoices.map((n) => option(String(n), t('starAtLeast', { n }), f.star))}
                </select>
              </span>
            )}
            <span class="field">
              <label for="f-sort">{t('sort')}</label>
              <select id="f-sort" name="sort">
                {option('recent', t('sortRecent'), f.sort ?? 'recent')}
                {option('name', t('sortName'), f.sort)}
                {option('price', t('sortPrice'), f.sort)}
              </select>
            </span>
            <button type="submit" class="btn alt">
              {t('applyFilters')}
            </button>
            {filtered && <a href={catalogPaths.browse(lang)}>{t('clearFilters')}</a>}
          </fieldset>
        }
      />
      {props.page.rows.length ? (
        <Cards cards={props.page.rows} label={t('resultsLabel')} eagerFirst={2} />
      ) : (
        <p class="empty">{t('noResults')}</p>
      )}
      {props.page.similar.length > 0 && (
        <>
          <h2>{t('similar')}</h2>
          <Cards cards={props.page.similar} label={t('similar')} />
        </>
      )}
      <Pager next={props.page.next} prev={props.page.prev} base={v.url} />
    </>
  );
}

// Product -----------------------------------------------------------------------------------------

function capacityText(lang: Lang, c: PublicProduct['capacity']): string | null {
  if (!c) return null;
  const qty = formatNumber(c.qty, lang);
  const unit = c.unit ? unitLabel(c.unit, lang) : '';
  return c.period
    ? `${qty} ${unit} per ${periodLabel(c.period as CapacityPeriod, lang)}`.replace(/\s+/g, ' ')
    : `${qty} ${unit}`.trim();
}

function Certifications(props: { list: PublicCertification[]; note?: string | null }) {
  const { t, lang } = useT();
  if (props.list.length === 0 && !props.note) return <>{t('certNone')}</>;
  return (
    <ul class="plain">
      {props.list.map((c) => (
        <li>
          {documentLabel(c.kind, lang)} <span class="num">{c.number}</span>
          {c.issuer ? ` (${c.issuer})` : ''},{' '}
          {c.validUntil ? t('certValidUntil', { date: formatDate(c.validUntil, lang) }) : t('certNoExpiry')}
        </li>
      ))}
      {props.note && <li>{props.note}</li>}
    </ul>
  );
}

function Contact(props: { ikm: PublicIkm }) {
  const { t } = useT();
  const c = props.ikm.contact;
  if (!c) return <p class="muted">{t('contactHidden')}</p>;
  return (
    <SummaryList
      rows={[
        { key: t('contactOwner'), value: c.ownerName },
        ...(c.phone ? [{ key: t('contactPhone'), value: <a href={`tel:${c.phone}`}>{c.phone}</a> }] : []),
        ...(c.email ? [{ key: t('contactEmail'), value: <a href={`mailto:${c.email}`}>{c.email}</a> }] : []),
        ...(c.address ? [{ key: t('contactAddress'), value: c.address }] : []),
      ]}
    />
  );
}

function AwardPanel(props: { award: PublicAward }) {
  const { t, lang } = useT();
  const a = props.award;
  return (
    <div class="award">
      <h2>{t('awardTitle')}</h2>
      <p>
        <Stars award={a} /> {t('awardCycle', { cycle: a.cycleName })}
      </p>
      <p>
        {t('awardValidity', { from: formatDate(a.validFrom, lang), until: formatDate(a.validUntil, lang) })}
      </p>
      <p>
        <a href={a.verificationPath}>{t('awardVerify')}</a>
      </p>
    </div>
  );
}

function placeText(ikm: PublicIkm): string {
  return [ikm.desa, ikm.kecamatanName, ikm.kabkotaName].filter(Boolean).join(', ');
}

export function InquiryForm(props: {
  product: { slug: string; name: string };
  regionName: string;
  values?: Record<string, unknown> | undefined;
  errors?: FieldErrors | undefined;
}) {
  const { t, lang } = useT();
  const { values, errors } = props;
  return (
    <section aria-labelledby="inquiry" class="inquiry" id="inquiry-form">
      <h2 id="inquiry">{t('inquiryTitle')}</h2>
      <p>{t('inquiryLead', { region: props.regionName })}</p>
      <ErrorSummary errors={errors} />
      <Form action={catalogPaths.inquiry(lang, props.product.slug)}>
        <p>
          <strong>{t('inquiryProduct')}:</strong> {props.product.name}
        </p>
        <TextInput
          name="name"
          label={t('inquiryName')}
          value={str(values, 'name')}
          error={errors?.name}
          autocomplete="name"
          maxlength={INQUIRY_LIMITS.name}
        />
        <TextInput
          name="company"
          label={t('inquiryCompany')}
          value={str(values, 'company')}
          error={errors?.company}
          autocomplete="organization"
          maxlength={INQUIRY_LIMITS.company}
          optional
        />
        <TextInput
          name="country"
          label={t('inquiryCountry')}
          value={str(values, 'country')}
          error={errors?.country}
          autocomplete="country-name"
          width="medium"
          maxlength={INQUIRY_LIMITS.country}
        />
        <TextInput
          name="email"
          type="email"
          label={t('inquiryEmail')}
          hint={t('inquiryEmailHint')}
          value={str(values, 'email')}
          error={errors?.email}
          autocomplete="email"
          spellcheck={false}
        />
        <TextInput
          name="quantity"
          label={t('inquiryQuantity')}
          hint={t('inquiryQuantityHint')}
          value={str(values, 'quantity')}
          error={errors?.quantity}
          width="medium"
          maxlength={INQUIRY_LIMITS.quantity}
          optional
        />
        <TextArea
          name="message"
          label={t('inquiryMessage')}
          hint={t('inquiryMessageHint', { max: formatNumber(INQUIRY_LIMITS.message, lang) })}
          value={str(values, 'message')}
          error={errors?.message}
          rows={6}
        />
        <div class="hp">
          <label for={fieldId('website')}>{t('honeypot')}</label>
          <input
            id={fieldId('website')}
            name="website"
            type="text"
            tabindex={-1}
            autocomplete="off"
            value=""
          />
        </div>
        <p class="muted">{t('inquiryPrivacy')}</p>
        <button type="submit" class="btn">
          {t('inquirySend')}
        </button>
      </Form>
    </section>
  );
}

export function ProductPage(props: {
  product: PublicProduct;
  others: CatalogCard[];
  values?: Record<string, unknown> | undefined;
  errors?: FieldErrors | undefined;
}) {
  const { t, lang } = useT();
  const p = props.product;
  const ikm = p.ikm;
  const description =
    lang === 'en' ? (p.descriptionEn ?? p.descriptionId) : (p.descriptionId ?? p.descriptionEn);
  const descriptionForeign = lang === 'en' && !p.descriptionEn && p.descriptionId;
  const story = lang === 'en' ? (p.storyEn ?? p.storyId) : (p.storyId ?? p.storyEn);
  const storyForeign = lang === 'en' && !p.storyEn && p.storyId;
  const price = priceText(lang, p.priceMin, p.priceMax);
  const capacity = capacityText(lang, p.capacity);
  const na = '—';
  return (
    <>
      <Crumbs
        items={[
          { href: catalogPaths.home(lang), label: t('navHome') },
          {
            href: catalogPaths.browse(lang, { commodity: p.commodity }),
            label: commodityLabel(p.commodity, lang),
          },
          { label: p.name },
        ]}
      />
      <div class="product">
        <div class="gallery">
          {p.photos.length ? (
            <ul class="plain photos" aria-label={t('photos')}>
              {p.photos.map((photo, i) => (
                <li class={i === 0 ? 'first' : undefined}>
                  <a href={catalogPaths.photo(photo.id, 'display')}>
                    <Photo
                      photo={photo}
                      alt={
                        photo.caption ??
                        (p.photos.length > 1
                          ? t('photoAltN', { name: p.name, n: i + 1 })
                          : t('photoAlt', { name: p.name }))
                      }
                      sizes={i === 0 ? '(min-width: 60em) 540px, 95vw' : '(min-width: 60em) 170px, 30vw'}
                      eager={i === 0}
                    />
                  </a>
                </li>
              ))}
            </ul>
          ) : (
            <span class="nophoto">{t('noPhoto')}</span>
          )}
        </div>
        <div class="intro">
          <span class="caption">{commodityLabel(p.commodity, lang)}</span>
          <h1>{p.name}</h1>
          <p class="lead">
            {t('by')} <a href={catalogPaths.ikm(lang, ikm.slug)}>{ikm.name}</a>,{' '}
            <a href={catalogPaths.region(lang, ikm.kabkotaSlug)}>{ikm.kabkotaName}</a>
          </p>
          {p.award && <AwardPanel award={p.award} />}
          {description && (
            <p lang={descriptionForeign ? 'id' : undefined}>
              {description} {descriptionForeign && <span class="muted">{t('descriptionInIndonesian')}</span>}
            </p>
          )}
          <p class="price">{price ?? t('priceOnRequest')}</p>
          <p>
            <a class="btn" href="#inquiry-form">
              {t('inquiryTitle')}
            </a>
          </p>
        </div>
      </div>
      {story && (
        <section aria-labelledby="story">
          <h2 id="story">{t('story')}</h2>
          {storyForeign && <p class="muted">{t('storyInIndonesian')}</p>}
          <div lang={storyForeign ? 'id' : undefined}>
            <StoryText text={story} />
          </div>
        </section>
      )}
      <section aria-labelledby="facts">
        <h2 id="facts">{t('facts')}</h2>
        <SummaryList
          rows={[
            { key: t('maker'), value: <a href={catalogPaths.ikm(lang, ikm.slug)}>{ikm.name}</a> },
            ...(ikm.sentra ? [{ key: t('sentra'), value: ikm.sentra.name }] : []),
            {
              key: t('region'),
              value: (
                <>
                  {[ikm.desa, ikm.kecamatanName].filter(Boolean).join(', ')}
                  {ikm.desa || ikm.kecamatanName ? ', ' : ''}
                  <a href={catalogPaths.region(lang, ikm.kabkotaSlug)}>{ikm.kabkotaName}</a>
                </>
              ),
            },
            { key: t('commodity'), value: commodityLabel(p.commodity, lang) },
            { key: t('price'), value: price ?? t('priceOnRequest') },
            { key: t('capacity'), value: capacity ?? na },
            { key: t('hsCode'), value: p.hsCode ? <span class="num">{formatHsCode(p.hsCode)}</span> : na },
            { key: t('packaging'), value: p.packaging ?? na },
            {
              key: t('localMaterial'),
              value: p.localMaterialPct === null ? na : `${formatNumber(p.localMaterialPct, lang)}%`,
            },
            {
              key: t('certifications'),
              value: <Certifications list={ikm.certifications} note={p.certificationNote} />,
            },
          ]}
        />
      </section>
      <section aria-labelledby="contact">
        <h2 id="contact">{t('contactTitle')}</h2>
        <Contact ikm={ikm} />
      </section>
      <InquiryForm
        product={{ slug: p.slug, name: p.name }}
        regionName={ikm.kabkotaName}
        values={props.values}
        errors={props.errors}
      />
      {props.others.length > 0 && (
        <section aria-labelledby="more">
          <h2 id="more">{t('moreFrom', { ikm: ikm.name })}</h2>
          <Cards cards={props.others} label={t('moreFrom', { ikm: ikm.name })} />
        </section>
      )}
    </>
  );
}

// IKM ---------------------------------------------------------------------------------------------

export function IkmPage(props: { ikm: PublicIkm; products: CatalogCard[]; more: boolean }) {
  const { t, lang } = useT();
  const ikm = props.ikm;
  const na = '—';
  return (
    <>
      <Crumbs
        items={[
          { href: catalogPaths.home(lang), label: t('navHome') },
          { href: catalogPaths.region(lang, ikm.kabkotaSlug), label: ikm.kabkotaName },
          { label: ikm.name },
        ]}
      />
      <span class="caption">IKM</span>
      <h1>{ikm.name}</h1>
      <p class="lead">{placeText(ikm)}</p>
      <section aria-labelledby="products">
        <h2 id="products">{t('ikmProducts', { ikm: ikm.name })}</h2>
        <Cards cards={props.products} label={t('ikmProducts', { ikm: ikm.name })} eagerFirst={2} />
        {props.more && (
          <p>
            <a href={catalogPaths.browse(lang, { ikm: ikm.slug })}>
              {t('ikmAllProducts', { ikm: ikm.name })}
            </a>
          </p>
        )}
      </section>
      <section aria-labelledby="about">
        <h2 id="about">{t('ikmFacts')}</h2>
        <SummaryList
          rows={[
            ...(ikm.sentra ? [{ key: t('sentra'), value: ikm.sentra.name }] : []),
            {
              key: t('region'),
              value: <a href={catalogPaths.region(lang, ikm.kabkotaSlug)}>{ikm.kabkotaName}</a>,
            },
            {
              key: t('commodities'),
              value: ikm.commodities.map((c) => commodityLabel(c, lang)).join(', ') || na,
            },
            {
              key: t('workforce'),
              value:
                ikm.workforce === null ? na : t('workforceValue', { n: formatNumber(ikm.workforce, lang) }),
            },
            { key: t('certifications'), value: <Certifications list={ikm.certifications} /> },
          ]}
        />
      </section>
      <section aria-labelledby="contact">
        <h2 id="contact">{t('contactTitle')}</h2>
        <Contact ikm={ikm} />
      </section>
    </>
  );
}

// Regions -----------------------------------------------------------------------------------------

export function RegionsPage(props: { regions: PublicRegion[]; shapes: MapShape[] }) {
  const { t, lang } = useT();
  return (
    <>
      <Crumbs
        items={[{ href: catalogPaths.home(lang), label: t('navHome') }, { label: t('regionsTitle') }]}
      />
      <h1>{t('regionsTitle')}</h1>
      <p class="lead">{t('regionsLead')}</p>
      <div class="split">
        <MapBlock shapes={props.shapes} regions={props.regions} />
        <ul class="plain counts">
          {props.regions.map((r) => (
            <li>
              <a href={catalogPaths.region(lang, r.slug)}>{r.name}</a>{' '}
              <span>{countText(t, r.productCount)}</span>
            </li>
          ))}
        </ul>
      </div>
    </>
  );
}

export function RegionPage(props: {
  region: RegionDetail;
  regions: PublicRegion[];
  shapes: MapShape[];
  products: CatalogCard[];
  more: boolean;
}) {
  const { t, lang } = useT();
  const r = props.region;
  const all = catalogPaths.browse(lang, { kabkota: r.code });
  return (
    <>
      <Crumbs
        items={[
          { href: catalogPaths.home(lang), label: t('navHome') },
          { href: catalogPaths.regions(lang), label: t('regionsTitle') },
          { label: r.name },
        ]}
      />
      <h1>{r.name}</h1>
      <p class="lead">
        {t('regionLead', {
          products: countText(t, r.productCount),
          ikm: t('ikmCount', { n: formatNumber(r.ikmCount, lang) }),
          name: r.name,
        })}
      </p>
      <div class="split">
        <MapBlock shapes={props.shapes} regions={props.regions} current={r.code} />
        <div>
          <h2>{t('commoditiesTitle')}</h2>
          <ul class="plain chips">
            {r.commodities.map((c) => (
              <li>
                <a href={catalogPaths.browse(lang, { kabkota: r.code, commodity: c.commodity })}>
                  {commodityLabel(c.commodity, lang)} <span>({formatNumber(c.count, lang)})</span>
                </a>
              </li>
            ))}
          </ul>
        </div>
      </div>
      <section aria-labelledby="region-products">
        <h2 id="region-products">{t('regionProducts', { name: r.name })}</h2>
        {props.products.length ? (
          <Cards cards={props.products} label={t('regionProducts', { name: r.name })} />
        ) : (
          <p>{t('regionNone')}</p>
        )}
        {props.more && (
          <p>
            <a href={all}>{t('regionAll', { name: r.name })}</a>
          </p>
        )}
      </section>
    </>
  );
}

// Inquiry receipt and not found ----------------------------------------------------------------------

export function InquirySentPage(props: {
  reference: string;
  productName: string;
  productSlug: string;
  kabkotaName: string;
  emailMasked: string;
}) {
  const { t, lang } = useT();
  return (
    <div class="narrow">
      <div class="panel ok">
        <h1>{t('sentTitle')}</h1>
        <p>{t('sentLead', { product: props.productName })}</p>
        <p>
          {t('sentReference')}: <strong class="num">{props.reference}</strong>
        </p>
      </div>
      <h2>{t('sentNext')}</h2>
      <p>{t('sentNextBody', { region: props.kabkotaName, email: props.emailMasked })}</p>
      <ul class="plain">
        {props.productSlug && (
          <li>
            <a href={catalogPaths.product(lang, props.productSlug)}>
              {t('backToProduct', { product: props.productName })}
            </a>
          </li>
        )}
        <li>
          <a href={catalogPaths.browse(lang)}>{t('keepBrowsing')}</a>
        </li>
      </ul>
    </div>
  );
}

export function NotFoundPage() {
  const { t, lang } = useT();
  return (
    <div class="narrow">
      <h1>{t('notFoundTitle')}</h1>
      <p class="lead">{t('notFoundBody')}</p>
      <p>
        <a href={catalogPaths.home(lang)}>{t('goHome')}</a>
      </p>
    </div>
  );
}
