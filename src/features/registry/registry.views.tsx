/** Pieces shared by the registry's pages: the section tabs, tags, selects and the stale-save panel. */
import type { Child } from 'hono/jsx';
import { can } from '../../platform/authz.ts';
import { formatNumber } from '../../platform/format.ts';
import type { CapacityPeriod, LegalityState, SizeClass } from '../../platform/registry-domain.ts';
import { COMMODITIES } from '../../platform/registry-domain.ts';
import { Panel, SummaryList, Tag, type Option } from '../../platform/ui/components.tsx';
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
