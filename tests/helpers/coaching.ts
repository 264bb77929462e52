/** Shared set-up for the coaching feature's tests: IKMs, programme forms, photos. */
import { createIkm, type IkmRow } from '../../src/features/registry/ikm.service.ts';
import { IkmFields } from '../../src/features/registry/registry.forms.ts';
import { systemActor } from '../../src/platform/actor.ts';
import type { TestApp } from './app.ts';

/** An IKM recorded through the registry's service (Kota Ambon unless said otherwise). */
export async function addIkm(t: TestApp, fields: Record<string, unknown>): Promise<IkmRow> {
  const input = IkmFields.parse({ ownerName: 'Pemilik Uji', kabkotaCode: '81.71', ...fields });
  return (await createIkm(t.deps.db, systemActor('test'), { provinceCode: '81' }, input)).ikm;
}

/** The fields of a programme as a browser posts them. */
export function programmeForm(
  overrides: Record<string, string | string[]> = {},
): Record<string, string | string[]> {
  return {
    title: 'Fasilitasi Sertifikasi Halal IKM Pangan',
    kind: 'certification',
    certificationKind: 'halal',
    fundingSource: 'apbd_provinsi',
    level: 'province',
    startDate: '2024-03-01',
    endDate: '2024-08-31',
    budgetRp: '150.000.000',
    venue: 'Aula Disperindag Provinsi Maluku',
    organiser: 'Bidang Perindustrian',
    ...overrides,
  };
}

/** The id at the end of a redirect to /coaching/programmes/<id>. */
export function programmeIdFrom(res: Response): string {
  const location = res.headers.get('location') ?? '';
  const m = /\/coaching\/programmes\/([0-9a-f-]{36})/.exec(location);
  if (!m) throw new Error(`no programme id in ${res.status} ${location}`);
  return m[1]!;
}

/** A small JPEG photo. */
export async function jpeg(colour = '#2e7d32', width = 640, height = 480): Promise<Uint8Array<ArrayBuffer>> {
  const { default: sharp } = await import('sharp');
  return new Uint8Array(
    await sharp({ create: { width, height, channels: 3, background: colour } })
      .jpeg()
      .toBuffer(),
  );
}
