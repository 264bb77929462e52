/** Pieces shared by the registry's pages: the section tabs, tags, selects and the stale-save panel. */
import type { Child } from 'hono/jsx';
import { can } from '../../platform/authz.ts';
import { formatNumber } from '../../platform/format.ts';
import type { CapacityPeriod, LegalityState, SizeClass } from '../../platform/registry-domain.ts';
import { COMMODITIES } from '../../platform/registry-domain.ts';
import type { Page } from '../../platform/keyset.ts';
import {
  type Column,
  EmptyState,
  Pagination,
  Panel,
  Select,
  SummaryList,
  Table,
  Tag,
  TextInput,
  type Option,
} from '../../platform/ui/components.tsx';
import { useView } from '../../platform/ui/view.ts';
import { commodityLabel, legalityLabel, periodLabel, registryText, sizeLabel } from './registry.messages.ts';
import type { RegionInfo } from './registry.service.ts';

export type Section = 'sentra' | 'ikm' | 'products' | 'potential' | 'import' | 'settings';

/** The registry's sections, as tabs under the page heading. */
export function RegistryTabs(props: { current: Section }) {
  const v = useView();
  const t = v.tr(registryText);
  const actor = v.actor;
  const tabs: { key: Section; href: string; label: string; show: boolean }[] = [
    { key: 'sentra', href: '/registry/sentra', label: t('tabSentra'), show: can(actor, 'registry.manage') },
    { key: 'ikm', href: '/registry/ikm', label: t('tabIkm'), show: can(actor, 'registry.read') },
    {
      key: 'products',
      href: '/registry/products',
      label: t('tabProducts'),
      show: can(actor, 'registry.read'),
    },
    {
      key: 'potential',
      href: '/registry/potential',
      label: t('tabPotential'),
      show: can(actor, 'regions.read'),
    },
    // The spreadsheet import (features/registry/import).
    {
      key: 'import',
      href: '/registry/import',
      label: t('tabImport'),
      show: can(actor, 'registry.import'),
    },
    {
      key: 'settings',
      href: '/registry/settings',
      label: t('tabSettings'),
      show: can(actor, 'registry.settings'),
    },
  ];
  return (
    <nav class="tabs" aria-label={t('registryNav')}>
      <ul>
        {tabs
          .filter((tab) => tab.show)
          .map((tab) => (
            <li>
              <a href={tab.href} aria-current={tab.key === props.current ? 'page' : undefined}>
                {tab.label}
              </a>
            </li>
          ))}
      </ul>
    </nav>
  );
}

const LEGALITY_TONES: Record<LegalityState, 'green' | 'yellow' | 'red' | 'grey'> = {
  complete: 'green',
  expiring: 'yellow',
  expired: 'red',
  no_nib: 'grey',
};

export function LegalityTag(props: { state: LegalityState }) {
  const v = useView();
  return <Tag tone={LEGALITY_TONES[props.state]}>{legalityLabel(props.state, v.lang)}</Tag>;
}

export function SizeText(props: { size: SizeClass | null }) {
  const v = useView();
  return <>{props.size ? sizeLabel(props.size, v.lang) : v.tr(registryText)('sizeUnknown')}</>;
}

export function commodityOptions(lang: 'id' | 'en'): Option[] {
  return COMMODITIES.map((c) => ({ value: c, label: commodityLabel(c, lang) }));
}

export function kabkotaOptions(kabkota: RegionInfo[]): Option[] {
  return kabkota.map((k) => ({ value: k.code, label: k.name }));
}

/** Kecamatan labelled with their kab/kota, so one flat select serves the whole province. */
export function kecamatanOptions(kecamatan: RegionInfo[], kabkota: RegionInfo[]): Option[] {
  const names = new Map(kabkota.map((k) => [k.code, k.name.replace(/^Kabupaten /, 'Kab. ')]));
  return kecamatan
    .filter((k) => names.has(k.parentCode ?? ''))
    .map((k) => ({ value: k.code, label: `${k.name} — ${names.get(k.parentCode ?? '')}` }));
}

/** `1.250 kg per bulan`. */
export function capacityText(
  lang: 'id' | 'en',
  qty: string | number | null,
  unit: string | null,
  period: CapacityPeriod | null,
): string {
  if (qty === null || qty === undefined) return '';
  const base = `${formatNumber(qty, lang)} ${unit ?? ''}`.trim();
  return period ? `${base} per ${periodLabel(period, lang)}` : base;
}

/**
 * The search box and the place filters every registry list starts with: kab/kota for province-wide
 * users, kecamatan once a kab/kota is known (optional), and commodity.
 */
export function SearchAndPlaceFilters(props: {
  filter: {
    q?: string | undefined;
    kabkota?: string | undefined;
    kecamatan?: string | undefined;
    commodity?: string | undefined;
  };
  searchHint: string;
  choices: { kabkota: RegionInfo[]; kecamatan: RegionInfo[] };
  provinceWide: boolean;
  kecamatan?: boolean;
}) {
  const v = useView();
  const t = v.tr(registryText);
  const f = props.filter;
  return (
    <>
      <TextInput
        name="q"
        type="search"
        label={t('searchLabel')}
        hint={props.searchHint}
        value={f.q}
        width="medium"
      />
      {props.provinceWide && (
        <Select
          name="kabkota"
          label={t('kabkota')}
          value={f.kabkota}
          emptyLabel={t('allKabkota')}
          options={kabkotaOptions(props.choices.kabkota)}
        />
      )}
      {props.kecamatan && (f.kabkota || !props.provinceWide) && (
        <Select
          name="kecamatan"
          label={t('kecamatan')}
          value={f.kecamatan}
          emptyLabel={t('allKecamatan')}
          options={kecamatanOptions(
            props.choices.kecamatan.filter((k) => !f.kabkota || k.parentCode === f.kabkota),
            props.choices.kabkota,
          )}
        />
      )}
      <Select
        name="commodity"
        label={t('commodity')}
        value={f.commodity}
        emptyLabel={t('allCommodities')}
        options={commodityOptions(v.lang)}
      />
    </>
  );
}

/**
 * A registry list's results: the page of rows (or the empty state), the near matches a
 * typo-tolerant search found, paging, and the exports of the same filter.
 */
export function RegistryResults<Row>(props: {
  caption: string;
  base: string;
  page: Page<Row> & { similar: Row[] };
  columns: Column[];
  sort: string | undefined;
  dir: 'asc' | 'desc';
  q: string | undefined;
  rows: (rows: Row[]) => Child;
}) {
  const v = useView();
  const t = v.tr(registryText);
  return (
    <>
      {props.page.rows.length === 0 ? (
        <EmptyState />
      ) : (
        <Table
          caption={props.caption}
          captionHidden
          sort={props.sort}
          dir={props.dir}
          columns={props.columns}
        >
          {props.rows(props.page.rows)}
        </Table>
      )}
      {props.page.similar.length > 0 && (
        <>
          <h2>{t('similarMatches')}</h2>
          <p class="hint">{t('similarMatchesHint', { q: props.q ?? '' })}</p>
          <Table
            caption={t('similarMatches')}
            captionHidden
            columns={props.columns.map((c) => ({ label: c.label }))}
          >
            {props.rows(props.page.similar)}
          </Table>
        </>
      )}
      <Pagination next={props.page.next} prev={props.page.prev} />
      <ExportLinks base={props.base} />
    </>
  );
}

/** Links to the current list as xlsx and CSV (same filters). */
export function ExportLinks(props: { base: string }) {
  const v = useView();
  const t = v.tr(registryText);
  const query = new URL(v.url).searchParams;
  query.delete('after');
  query.delete('before');
  const qs = query.toString();
  return (
    <p class="export-links">
      <span>{t('export')}:</span>{' '}
      <a href={`${props.base}/export.xlsx${qs ? `?${qs}` : ''}`}>{v.t('downloadXlsx')}</a>
      {' · '}
      <a href={`${props.base}/export.csv${qs ? `?${qs}` : ''}`}>{v.t('downloadCsv')}</a>
    </p>
  );
}

/** The latest saved version beside the user's input, after a save lost a race. */
export function StaleComparison(props: { rows: { key: string; theirs: Child; yours: Child }[] }) {
  const v = useView();
  return (
    <Panel title={v.t('staleTitle')} tone="warning">
      <p>{v.t('staleBody')}</p>
      <div class="compare">
        <div>
          <h3>{v.t('theirVersion')}</h3>
          <SummaryList rows={props.rows.map((r) => ({ key: r.key, value: r.theirs }))} />
        </div>
        <div>
          <h3>{v.t('yourVersion')}</h3>
          <SummaryList rows={props.rows.map((r) => ({ key: r.key, value: r.yours }))} />
        </div>
      </div>
    </Panel>
  );
}

/** A value or the dash for "none". */
export function orNone(value: Child | null | undefined, none: string): Child {
  return value === null || value === undefined || value === '' ? none : value;
}

/** A link to an object's audit trail, for those who may read the audit log. */
export function AuditLink(props: { objectType: string; id: string }) {
  const v = useView();
  if (!can(v.actor, 'audit.read')) return null;
  return (
    <a href={`/admin/audit?objectType=${props.objectType}&objectId=${props.id}`}>
      {v.tr(registryText)('auditTrail')}
    </a>
  );
}
