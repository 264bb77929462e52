import { can } from '../../platform/authz.ts';
import { formatNumber, formatRupiah } from '../../platform/format.ts';
import { str } from '../../platform/forms.ts';
import type { Page } from '../../platform/keyset.ts';
import {
  BackLink,
  Button,
  EmptyState,
  ErrorSummary,
  FileInput,
  Form,
  LinkButton,
  PageHeading,
  Radios,
  Select,
  SummaryList,
  Tag,
  TextArea,
  TextInput,
} from '../../platform/ui/components.tsx';
import { useView } from '../../platform/ui/view.ts';
import type { FieldErrors } from '../../platform/validation.ts';
import { formatHsCode } from './identifiers.ts';
import { CapacityFields } from './ikm.views.tsx';
import type { IkmRow } from './ikm.service.ts';
import type { PhotoRow, ProductListRow, ProductRow } from './products.service.ts';
import type { ProductFilter } from './registry.forms.ts';
import { commodityLabel, registryText } from './registry.messages.ts';
import {
  capacityText,
  commodityOptions,
  AuditLink,
  orNone,
  RegistryTabs,
  StaleComparison,
  RegistryResults,
  SearchAndPlaceFilters,
} from './registry.views.tsx';
import type { RegionChoices } from './sentra.views.tsx';
import { StoryText } from './story.tsx';

function priceText(lang: 'id' | 'en', min: number | null, max: number | null): string {
  if (min === null && max === null) return '';
  if (min !== null && max !== null && max !== min)
    return `${formatRupiah(min, lang)} – ${formatRupiah(max, lang)}`;
  return formatRupiah(min ?? max, lang);
}

function ProductRows(props: { rows: ProductListRow[]; choices: RegionChoices }) {
  const v = useView();
  const t = v.tr(registryText);
  return (
    <>
      {props.rows.map((p) => (
        <tr>
          <td class="thumb-cell">
            {p.coverPhotoId ? (
              <img
                src={`/registry/photos/${p.coverPhotoId}/thumb`}
                alt={t('photoAlt', { name: p.name })}
                width="80"
                height="60"
                loading="lazy"
              />
            ) : (
              <span class="no-photo small" aria-hidden="true" />
            )}
          </td>
          <td>
            <a href={`/registry/products/${p.id}`}>{p.name}</a>
            {p.hsCode && <div class="muted">HS {formatHsCode(p.hsCode)}</div>}
          </td>
          <td>{commodityLabel(p.commodity, v.lang)}</td>
          <td>
            <a href={`/registry/ikm/${p.ikmId}`}>{p.ikmName}</a>
            <div class="muted">{props.choices.names.get(p.kabkotaCode)?.name ?? p.kabkotaCode}</div>
          </td>
          <td class="numeric">{orNone(priceText(v.lang, p.priceMin, p.priceMax), v.t('none'))}</td>
        </tr>
      ))}
    </>
  );
}

export function ProductListPage(props: {
  page: Page<ProductListRow> & { similar: ProductListRow[] };
  filter: ProductFilter;
  choices: RegionChoices;
  provinceWide: boolean;
}) {
  const v = useView();
  const t = v.tr(registryText);
  const f = props.filter;
  const columns = [
    { label: t('photos') },
    { label: t('productName'), sort: 'name' },
    { label: t('commodity') },
    { label: t('productIkm') },
    { label: t('price'), numeric: true },
  ];
  return (
    <>
      <PageHeading title={t('productList')} caption={t('registry')} />
      <RegistryTabs current="products" />
      <Form action="/registry/products" method="get" class="filters">
        <SearchAndPlaceFilters
          filter={f}
          searchHint={t('productSearchHint')}
          choices={props.choices}
          provinceWide={props.provinceWide}
        />
        {f.ikm && <input type="hidden" name="ikm" value={f.ikm} />}
        <Select
          name="sort"
          label={t('sortLabel')}
          value={f.sort}
          options={[
            { value: 'name', label: t('sortName') },
            { value: 'recent', label: t('sortRecent') },
          ]}
        />
        <Button variant="secondary">{v.t('filter')}</Button>
      </Form>
      <RegistryResults
        caption={t('productList')}
        base="/registry/products"
        page={props.page}
        columns={columns}
        sort={f.sort}
        dir={f.dir ?? (f.sort === 'name' ? 'asc' : 'desc')}
        q={f.q}
        rows={(rows) => <ProductRows rows={rows} choices={props.choices} />}
      />
    </>
  );
}

/** A product row as the values of its edit form. */
export function productFormValues(p: ProductRow): Record<string, unknown> {
  return {
    ikmId: p.ikmId,
    name: p.name,
    commodity: p.commodity,
    descriptionId: p.descriptionId ?? '',
    descriptionEn: p.descriptionEn ?? '',
    storyId: p.storyId ?? '',
    storyEn: p.storyEn ?? '',
    localMaterialPct: p.localMaterialPct === null ? '' : formatNumber(p.localMaterialPct, 'id'),
    priceMin: p.priceMin === null ? '' : formatNumber(p.priceMin, 'id'),
    priceMax: p.priceMax === null ? '' : formatNumber(p.priceMax, 'id'),
    capacityQty: p.capacityQty === null ? '' : formatNumber(p.capacityQty, 'id'),
    capacityUnit: p.capacityUnit ?? '',
    capacityPeriod: p.capacityPeriod ?? '',
    hsCode: p.hsCode ? formatHsCode(p.hsCode) : '',
    packaging: p.packaging ?? '',
    certifications: p.certifications ?? '',
    published: p.published ? 'yes' : 'no',
  };
}

export function ProductFormPage(props: {
  product?: ProductRow;
  values: Record<string, unknown>;
  errors?: FieldErrors | undefined;
  current?: ProductRow | undefined;
  ikmChoices: { id: string; name: string }[];
}) {
  const v = useView();
  const t = v.tr(registryText);
  const { values, errors, product } = props;
  const version = props.current?.version ?? product?.version;
  const none = v.t('none');
  const back = product
    ? `/registry/products/${product.id}`
    : str(values, 'ikmId')
      ? `/registry/ikm/${str(values, 'ikmId')}#products`
      : '/registry/products';
  return (
    <>
      <BackLink href={back} />
      <PageHeading
        title={product ? product.name : t('productNew')}
        caption={product ? t('productEdit') : t('registry')}
      />
      {props.current && (
        <StaleComparison
          rows={[
            { key: t('productName'), theirs: props.current.name, yours: str(values, 'name') },
            {
              key: t('priceMin'),
              theirs: orNone(
                props.current.priceMin === null ? null : formatRupiah(props.current.priceMin, v.lang),
                none,
              ),
              yours: orNone(str(values, 'priceMin'), none),
            },
            {
              key: t('descriptionId'),
              theirs: orNone(props.current.descriptionId, none),
              yours: orNone(str(values, 'descriptionId'), none),
            },
            {
              key: t('storyId'),
              theirs: orNone(props.current.storyId, none),
              yours: orNone(str(values, 'storyId'), none),
            },
          ]}
        />
      )}
      <ErrorSummary errors={errors} />
      <Form action={product ? `/registry/products/${product.id}` : '/registry/products'}>
        {version !== undefined && <input type="hidden" name="version" value={String(version)} />}
        <Select
          name="ikmId"
          label={t('productIkm')}
          value={str(values, 'ikmId')}
          error={errors?.ikmId}
          emptyLabel={t('chooseOne')}
          options={props.ikmChoices.map((i) => ({ value: i.id, label: i.name }))}
        />
        <TextInput name="name" label={t('productName')} value={str(values, 'name')} error={errors?.name} />
        <Select
          name="commodity"
          label={t('commodity')}
          value={str(values, 'commodity')}
          error={errors?.commodity}
          emptyLabel={t('chooseOne')}
          options={commodityOptions(v.lang)}
        />
        <TextArea
          name="descriptionId"
          label={t('descriptionId')}
          value={str(values, 'descriptionId')}
          error={errors?.descriptionId}
          rows={3}
          optional
        />
        <TextArea
          name="descriptionEn"
          label={t('descriptionEn')}
          value={str(values, 'descriptionEn')}
          error={errors?.descriptionEn}
          rows={3}
          optional
        />
        <TextArea
          name="storyId"
          label={t('storyId')}
          hint={t('storyHint')}
          value={str(values, 'storyId')}
          error={errors?.storyId}
          rows={6}
          optional
        />
        <TextArea
          name="storyEn"
          label={t('storyEn')}
          hint={t('storyHint')}
          value={str(values, 'storyEn')}
          error={errors?.storyEn}
          rows={6}
          optional
        />
        <TextInput
          name="localMaterialPct"
          label={t('localMaterialPct')}
          hint={t('localMaterialHint')}
          value={str(values, 'localMaterialPct')}
          error={errors?.localMaterialPct}
          inputmode="decimal"
          width="short"
          optional
        />
        <fieldset class="field-group inline-fields">
          <legend>
            {t('price')} <span class="muted">{v.t('optional')}</span>
          </legend>
          <TextInput
            name="priceMin"
            label={t('priceMin')}
            value={str(values, 'priceMin')}
            error={errors?.priceMin}
            inputmode="numeric"
            width="medium"
          />
          <TextInput
            name="priceMax"
            label={t('priceMax')}
            value={str(values, 'priceMax')}
            error={errors?.priceMax}
            inputmode="numeric"
            width="medium"
          />
        </fieldset>
        <CapacityFields values={values} errors={errors} />
        <TextInput
          name="hsCode"
          label={t('hsCode')}
          hint={t('hsCodeHint')}
          value={str(values, 'hsCode')}
          error={errors?.hsCode}
          width="medium"
          optional
        />
        <TextInput
          name="packaging"
          label={t('packaging')}
          value={str(values, 'packaging')}
          error={errors?.packaging}
          optional
        />
        <TextInput
          name="certifications"
          label={t('certifications')}
          value={str(values, 'certifications')}
          error={errors?.certifications}
          optional
        />
        {can(v.actor, 'registry.manage') && (
          <Radios
            name="published"
            label={t('published')}
            hint={t('publishedHint')}
            value={str(values, 'published') || 'no'}
            error={errors?.published}
            options={[
              { value: 'yes', label: t('publishedYes') },
              { value: 'no', label: t('publishedNo') },
            ]}
          />
        )}
        <Button>{product ? v.t('save') : t('productNew')}</Button>
      </Form>
    </>
  );
}

export function ProductPage(props: {
  product: ProductRow;
  ikm: IkmRow;
  photos: PhotoRow[];
  canEdit: boolean;
  kabkotaName: string;
  maxMb: number;
  values?: Record<string, unknown>;
  errors?: FieldErrors | undefined;
}) {
  const v = useView();
  const t = v.tr(registryText);
  const p = props.product;
  const none = v.t('none');
  const storyForLang = v.lang === 'en' && p.storyEn ? p.storyEn : p.storyId;
  const otherStory = v.lang === 'en' ? p.storyId : p.storyEn;
  return (
    <>
      <BackLink href={`/registry/ikm/${props.ikm.id}#products`} label={props.ikm.name} />
      <PageHeading title={p.name} caption={t('tabProducts')}>
        <p>
          <Tag tone="purple">{commodityLabel(p.commodity, v.lang)}</Tag>
        </p>
      </PageHeading>
      <h2 id="photos">{t('photos')}</h2>
      {props.photos.length === 0 ? (
        <EmptyState>{t('noPhotos')}</EmptyState>
      ) : (
        <ul class="photo-grid">
          {props.photos.map((photo) => (
            <li>
              <a href={`/registry/photos/${photo.id}/display`}>
                <img
                  src={`/registry/photos/${photo.id}/thumb`}
                  alt={photo.caption ?? t('photoAlt', { name: p.name })}
                  width="240"
                  height="180"
                  loading="lazy"
                />
              </a>
              {photo.caption && <span>{photo.caption}</span>}
              {p.coverPhotoId === photo.id && <Tag tone="blue">{t('photoIsCover')}</Tag>}
              {props.canEdit && (
                <span class="photo-actions">
                  {p.coverPhotoId !== photo.id && (
                    <Form action={`/registry/photos/${photo.id}/cover`} class="inline">
                      <button type="submit" class="link-button">
                        {t('photoCover')}
                      </button>
                    </Form>
                  )}
                  <Form action={`/registry/photos/${photo.id}/remove`} class="inline">
                    <button type="submit" class="link-button">
                      {t('photoRemove')}
                    </button>
                  </Form>
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      {props.canEdit && (
        <>
          <ErrorSummary errors={props.errors} />
          <Form action={`/registry/products/${p.id}/photos`} multipart class="upload-form">
            <FileInput
              name="photo"
              label={t('photoFile')}
              hint={t('photoHint', { max: props.maxMb })}
              error={props.errors?.photo}
              accept="image/jpeg,image/png,image/webp"
            />
            <TextInput
              name="caption"
              label={t('photoCaption')}
              value={str(props.values, 'caption')}
              error={props.errors?.caption}
              optional
            />
            <Button variant="secondary">{t('photoAdd')}</Button>
          </Form>
        </>
      )}
      <SummaryList
        rows={[
          {
            key: t('productIkm'),
            value: (
              <>
                <a href={`/registry/ikm/${props.ikm.id}`}>{props.ikm.name}</a>, {props.kabkotaName}
              </>
            ),
          },
          { key: t('descriptionId'), value: orNone(p.descriptionId, none) },
          { key: t('descriptionEn'), value: orNone(p.descriptionEn, none) },
          {
            key: t('localMaterialPct'),
            value: p.localMaterialPct === null ? none : `${formatNumber(p.localMaterialPct, v.lang)}%`,
          },
          { key: t('price'), value: orNone(priceText(v.lang, p.priceMin, p.priceMax), none) },
          {
            key: t('capacity'),
            value: orNone(capacityText(v.lang, p.capacityQty, p.capacityUnit, p.capacityPeriod), none),
          },
          { key: t('hsCode'), value: p.hsCode ? <code>{formatHsCode(p.hsCode)}</code> : none },
          { key: t('packaging'), value: orNone(p.packaging, none) },
          { key: t('certifications'), value: orNone(p.certifications, none) },
          {
            key: t('published'),
            value:
              p.published && p.slug ? (
                <>
                  {t('publishedYes')} (
                  <a href={`/produk/${encodeURIComponent(p.slug)}`}>{t('catalogPage')}</a>)
                </>
              ) : (
                t('publishedNo')
              ),
          },
        ]}
      />
      <h2>{v.lang === 'en' && p.storyEn ? t('storyEn') : t('storyId')}</h2>
      {storyForLang ? <StoryText text={storyForLang} /> : <p class="muted">{none}</p>}
      {otherStory && otherStory !== storyForLang && (
        <details>
          <summary>{v.lang === 'en' ? t('storyId') : t('storyEn')}</summary>
          <StoryText text={otherStory} />
        </details>
      )}
      {props.canEdit && (
        <div class="action-row">
          <LinkButton href={`/registry/products/${p.id}/edit`}>{t('edit')}</LinkButton>
          <AuditLink objectType="product" id={p.id} />
        </div>
      )}
      {props.canEdit && (
        <details class="archive">
          <summary>{t('archive')}</summary>
          <p>{t('archiveConfirm')}</p>
          <Form action={`/registry/products/${p.id}/archive`}>
            <Button variant="warning">{t('archive')}</Button>
          </Form>
        </details>
      )}
    </>
  );
}
