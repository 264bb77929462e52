/**
 * Excel and CSV exports of the filtered registry lists. Rows are read a keyset page at a time, so a
 * long list streams; an owner's personal data is written only where the reader's scope covers the
 * row; every text cell is neutralised against formula injection by platform/export.ts.
 */
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/actor.ts';
import type { Lang } from '../../platform/domain.ts';
import type { CellValue, ExportSheet } from '../../platform/export.ts';
import { translator } from '../../platform/i18n.ts';
import { formatHsCode } from './identifiers.ts';
import { iterateIkm } from './ikm.service.ts';
import { iterateProducts } from './products.service.ts';
import type { IkmFilter, ProductFilter, SentraFilter } from './registry.forms.ts';
import { commodityLabel, legalityLabel, periodLabel, registryText, sizeLabel } from './registry.messages.ts';
import { legalityOf, personalDataVisible, regionIndex, regionName } from './registry.service.ts';
import { listSentra } from './sentra.service.ts';

const RUPIAH = '#,##0';

/** The IKM list as one sheet. */
export async function ikmSheet(db: Db, actor: Actor, filter: IkmFilter, lang: Lang): Promise<ExportSheet> {
  const t = translator(registryText, lang);
  const index = await regionIndex(db);
  const hidden = t('hidden');
  async function* rows(): AsyncGenerator<CellValue[]> {
    for await (const r of iterateIkm(db, actor, filter)) {
      const personal = personalDataVisible(actor, r);
      const mask = (v: string | null) => (personal ? v : v ? hidden : null);
      yield [
        r.name,
        mask(r.ownerName),
        r.nib,
        r.kbli,
        mask(r.phone),
        mask(r.email),
        mask(r.address),
        r.kabkotaCode,
        regionName(index, r.kabkotaCode),
        regionName(index, r.kecamatanCode),
        r.desa,
        r.sentraName,
        r.workforceMen,
        r.workforceWomen,
        r.investment,
        r.sizeClass ? sizeLabel(r.sizeClass, lang) : null,
        r.capacityQty === null ? null : Number(r.capacityQty),
        r.capacityUnit,
        r.capacityPeriod ? periodLabel(r.capacityPeriod, lang) : null,
        legalityLabel(legalityOf(r), lang),
        r.minExpiry,
        r.contactPublic ? t('yes') : t('no'),
      ];
    }
  }
  return {
    name: t('ikmList'),
    columns: [
      { header: t('ikmName'), width: 32 },
      { header: t('ownerName'), width: 24 },
      { header: t('nib'), width: 16 },
      { header: t('kbli'), width: 8 },
      { header: t('phone'), width: 16 },
      { header: t('email'), width: 24 },
      { header: t('address'), width: 30 },
      { header: t('kabkotaCode'), width: 8 },
      { header: t('kabkota'), width: 26 },
      { header: t('kecamatan'), width: 20 },
      { header: t('desa'), width: 20 },
      { header: t('sentra'), width: 26 },
      { header: t('workforceMen') },
      { header: t('workforceWomen') },
      { header: t('investment'), numFmt: RUPIAH, width: 16 },
      { header: t('sizeClass'), width: 18 },
      { header: t('capacityQtyHeader') },
      { header: t('capacityUnitHeader') },
      { header: t('capacityPeriodHeader') },
      { header: t('legality'), width: 28 },
      { header: t('earliestExpiry'), width: 14 },
      { header: t('contactPublicShort'), width: 12 },
    ],
    rows: rows(),
  };
}

/** The product list as one sheet (no personal data in it). */
export async function productSheet(
  db: Db,
  actor: Actor,
  filter: ProductFilter,
  lang: Lang,
): Promise<ExportSheet> {
  const t = translator(registryText, lang);
  const index = await regionIndex(db);
  async function* rows(): AsyncGenerator<CellValue[]> {
    for await (const p of iterateProducts(db, actor, filter)) {
      yield [
        p.name,
        commodityLabel(p.commodity, lang),
        p.ikmName,
        regionName(index, p.kabkotaCode),
        p.priceMin,
        p.priceMax,
        p.capacityQty === null ? null : Number(p.capacityQty),
        p.capacityUnit,
        p.capacityPeriod ? periodLabel(p.capacityPeriod, lang) : null,
        p.hsCode ? formatHsCode(p.hsCode) : null,
        p.localMaterialPct === null ? null : Number(p.localMaterialPct),
        p.packaging,
        p.certifications,
        p.descriptionId,
        p.descriptionEn,
      ];
    }
  }
  return {
    name: t('productList'),
    columns: [
      { header: t('productName'), width: 32 },
      { header: t('commodity'), width: 18 },
      { header: t('productIkm'), width: 30 },
      { header: t('kabkota'), width: 26 },
      { header: t('priceMin'), numFmt: RUPIAH, width: 14 },
      { header: t('priceMax'), numFmt: RUPIAH, width: 14 },
      { header: t('capacityQtyHeader') },
      { header: t('capacityUnitHeader') },
      { header: t('capacityPeriodHeader') },
      { header: t('hsCode'), width: 12 },
      { header: t('localMaterialPct') },
      { header: t('packaging'), width: 20 },
      { header: t('certifications'), width: 20 },
      { header: t('descriptionId'), width: 40 },
      { header: t('descriptionEn'), width: 40 },
    ],
    rows: rows(),
  };
}

/** The sentra list as one sheet. */
export async function sentraSheet(
  db: Db,
  actor: Actor,
  filter: SentraFilter,
  lang: Lang,
): Promise<ExportSheet> {
  const t = translator(registryText, lang);
  const index = await regionIndex(db);
  async function* rows(): AsyncGenerator<CellValue[]> {
    let after: string | undefined;
    for (;;) {
      const page = await listSentra(db, actor, { ...filter, after, before: undefined }, 500);
      for (const s of page.rows)
        yield [
          s.name,
          regionName(index, s.kabkotaCode),
          regionName(index, s.kecamatanCode),
          s.desa,
          commodityLabel(s.commodity, lang),
          s.productFocus,
          s.decreeNumber,
          s.decreeDate,
          s.unitCount,
          s.memberCount,
          s.leadName,
        ];
      if (!page.next) return;
      after = page.next;
    }
  }
  return {
    name: t('sentraList'),
    columns: [
      { header: t('sentraName'), width: 32 },
      { header: t('kabkota'), width: 26 },
      { header: t('kecamatan'), width: 20 },
      { header: t('desa'), width: 20 },
      { header: t('commodity'), width: 18 },
      { header: t('productFocus'), width: 20 },
      { header: t('decreeNumber'), width: 24 },
      { header: t('decreeDate'), width: 12 },
      { header: t('unitCount') },
      { header: t('memberCount') },
      { header: t('leadIkm'), width: 30 },
    ],
    rows: rows(),
  };
}
