/**
 * What every certificate carries besides its award: the government and office, the signatory (name,
 * title, NIP, signature image), the logo, and how many years a certificate is valid. The brief found
 * no validity period (NOT FOUND), so it is a setting, 3 years by default (ADR 0601). Kept in
 * app_settings (one JSON value with a version); the images in the content-addressed file store.
 */
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { appSettings } from '../../db/schema/settings.ts';
import type { Actor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import { DomainError, ruleViolation, StaleVersionError } from '../../platform/errors.ts';
import { type FileStore, storeUpload } from '../../platform/files.ts';
import { awardsRules } from './awards.messages.ts';

export const SETTINGS_KEY = 'awards.settings';

export interface StoredImage {
  sha256: string;
  mime: string;
}

export interface AwardSettings {
  provinceName: string;
  officeName: string;
  signatoryName: string;
  signatoryTitle: string;
  signatoryNip: string;
  validityYears: number;
  signature: StoredImage | null;
  logo: StoredImage | null;
  version: number;
}

export const DEFAULT_AWARD_SETTINGS: AwardSettings = {
  provinceName: 'Pemerintah Provinsi Maluku',
  officeName: 'Dinas Perindustrian dan Perdagangan Provinsi Maluku',
  signatoryName: '',
  signatoryTitle: 'Kepala Dinas Perindustrian dan Perdagangan Provinsi Maluku',
  signatoryNip: '',
  validityYears: 3,
  signature: null,
  logo: null,
  version: 0,
};

/** The certificate settings in force (the defaults until an admin saves them). */
export async function getAwardSettings(db: Db): Promise<AwardSettings> {
  const [row] = await db.select().from(appSettings).where(eq(appSettings.key, SETTINGS_KEY)).limit(1);
  return { ...DEFAULT_AWARD_SETTINGS, ...((row?.value as Partial<AwardSettings> | undefined) ?? {}) };
}

export interface AwardSettingsInput {
  provinceName: string;
  officeName: string;
  signatoryName?: string | undefined;
  signatoryTitle: string;
  signatoryNip?: string | undefined;
  validityYears: number;
  version: number;
  removeSignature?: boolean | undefined;
  removeLogo?: boolean | undefined;
}

const IMAGE_MAX = 2 * 1024 * 1024;

async function storeImage(
  tx: Db,
  store: FileStore,
  field: 'signature' | 'logo',
  upload: { name: string; bytes: Uint8Array },
): Promise<StoredImage> {
  if (upload.bytes.byteLength > IMAGE_MAX) throw ruleViolation(field, awardsRules.imageTooLarge);
  try {
    const stored = await storeUpload(tx, store, upload, { allowed: ['png', 'jpeg'], maxBytes: IMAGE_MAX });
    return { sha256: stored.sha256, mime: stored.mime };
  } catch (err) {
    if (err instanceof DomainError) throw ruleViolation(field, awardsRules.imageWrongType);
    throw err;
  }
}

/** Saves the certificate settings (refusing a stale version), with new or removed images; audited. */
export async function updateAwardSettings(
  db: Db,
  store: FileStore,
  actor: Actor,
  input: AwardSettingsInput,
  uploads: { signature?: { name: string; bytes: Uint8Array } | undefined; logo?: typeof uploads.signature },
): Promise<AwardSettings> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${SETTINGS_KEY}))`);
    const before = await getAwardSettings(tx);
    if (before.version !== input.version) throw new StaleVersionError(before);
    const signature = uploads.signature
      ? await storeImage(tx, store, 'signature', uploads.signature)
      : input.removeSignature
        ? null
        : before.signature;
    const logo = uploads.logo
      ? await storeImage(tx, store, 'logo', uploads.logo)
      : input.removeLogo
        ? null
        : before.logo;
    const next: AwardSettings = {
      provinceName: input.provinceName,
      officeName: input.officeName,
      signatoryName: input.signatoryName ?? '',
      signatoryTitle: input.signatoryTitle,
      signatoryNip: input.signatoryNip ?? '',
      validityYears: input.validityYears,
      signature,
      logo,
      version: before.version + 1,
    };
    await tx
      .insert(appSettings)
      .values({ key: SETTINGS_KEY, value: next })
      .onConflictDoUpdate({ target: appSettings.key, set: { value: next, updatedAt: new Date() } });
    await writeAudit(tx, actor, {
      action: 'awards.settings.update',
      objectType: 'app_setting',
      objectId: SETTINGS_KEY,
      before,
      after: next,
    });
    return next;
  });
}
