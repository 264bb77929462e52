import type { Child } from 'hono/jsx';
import { PageHeading, SummaryList, Table, EmptyState } from '../../platform/ui/components.tsx';
import { levelLabel } from '../../platform/ui/labels.ts';
import { useView } from '../../platform/ui/view.ts';
import { regionsText } from './regions.messages.ts';
import type { Region } from './regions.service.ts';

/** The BPS code, flagged where it differs from the Kemendagri one (without the dots). */
function BpsCode(props: { region: Region }) {
  const v = useView();
  const { bpsCode, code } = props.region;
  if (!bpsCode) return <span class="muted">{v.t('none')}</span>;
  const differs = bpsCode !== code.replaceAll('.', '');
  return (
    <span>
      {bpsCode}
      {differs && <span class="tag tag-yellow"> {v.tr(regionsText)('bpsDiffers')}</span>}
    </span>
  );
}

function RegionTable(props: { caption: string; rows: (Region & { childCount: number })[] }) {
  const v = useView();
  const t = v.tr(regionsText);
  if (props.rows.length === 0) return <EmptyState>{t('noChildren')}</EmptyState>;
  return (
    <Table
      caption={props.caption}
      columns={[
        { label: t('code') },
        { label: t('name') },
        { label: t('bpsCode') },
        { label: t('children'), numeric: true },
      ]}
    >
      {props.rows.map((r) => (
        <tr>
          <td>
            <code>{r.code}</code>
          </td>
          <td>
            <a href={`/regions/${r.code}`}>{r.name}</a>
          </td>
          <td>
            <BpsCode region={r} />
          </td>
          <td class="numeric">{r.childCount}</td>
        </tr>
      ))}
    </Table>
  );
}

export function RegionPage(props: {
  region: Region;
  path: Region[];
  children: (Region & { childCount: number })[];
  /** Sections other features add (platform/region-panels.ts). */
  panels?: Child[];
}) {
  const v = useView();
  const t = v.tr(regionsText);
  const { region } = props;
  const caption =
    region.level === 'provinsi'
      ? t('kabkotaOf', { name: region.name })
      : region.level === 'kabupaten_kota'
        ? t('kecamatanOf', { name: region.name })
        : t('childrenOf', { name: region.name });
  return (
    <>
      <nav class="breadcrumbs" aria-label="breadcrumb">
        <ol>
          <li>
            <a href="/regions">{t('title')}</a>
          </li>
          {props.path.map((p) => (
            <li>
              <a href={`/regions/${p.code}`}>{p.name}</a>
            </li>
          ))}
        </ol>
      </nav>
      <PageHeading title={region.name} caption={levelLabel(region.level, v.lang)} />
      <SummaryList
        rows={[
          { key: t('code'), value: <code>{region.code}</code> },
          { key: t('bpsCode'), value: <BpsCode region={region} /> },
          { key: t('level'), value: levelLabel(region.level, v.lang) },
        ]}
      />
      {props.panels}
      <RegionTable caption={caption} rows={props.children} />
    </>
  );
}

export function RegionIndexPage(props: { provinces: (Region & { childCount: number })[] }) {
  const v = useView();
  const t = v.tr(regionsText);
  return (
    <>
      <PageHeading title={t('title')}>
        <p class="lead">{t('intro')}</p>
      </PageHeading>
      <RegionTable caption={t('title')} rows={props.provinces} />
    </>
  );
}
