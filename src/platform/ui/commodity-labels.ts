/** The commodities' names on screen (glossary: komoditas). */
import type { Commodity, Lang } from '../domain.ts';
import { defineMessages, render } from '../i18n.ts';

export const commodityText = defineMessages({
  makanan_minuman: { id: 'Makanan & minuman', en: 'Food & drink' },
  kain_tenun: { id: 'Kain tenun', en: 'Woven cloth (tenun)' },
  kain_batik: { id: 'Kain batik', en: 'Batik cloth' },
  anyaman: { id: 'Anyaman', en: 'Woven crafts (anyaman)' },
  gerabah: { id: 'Gerabah', en: 'Earthenware (gerabah)' },
  lainnya: { id: 'Lainnya', en: 'Other' },
} satisfies Record<Commodity, { id: string; en: string }>);

export function commodityLabel(c: Commodity, lang: Lang): string {
  return render(commodityText[c], lang);
}
