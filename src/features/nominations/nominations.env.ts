/** What the nominations services need from the installation, built once per request from its deps. */
import path from 'node:path';
import type { AppDeps } from '../../platform/context.ts';
import type { FileStore } from '../../platform/files.ts';
import type { MailConfig } from '../../platform/notify.ts';

export interface NominationEnv {
  provinceCode: string;
  /** The configuration notify() and deliverAfterCommit() read (SMTP, sender, public URL). */
  mail: MailConfig;
  store: FileStore;
  uploadMaxBytes: number;
  /** Where proposal packages are written (regenerable, so outside the content-addressed store). */
  packageDir: string;
  /** The clock; tests move it to the edges of a window. */
  now: () => Date;
}

export function nominationEnv(deps: AppDeps): NominationEnv {
  return {
    provinceCode: deps.config.PROVINCE_CODE,
    mail: deps.config,
    store: deps.files,
    uploadMaxBytes: deps.config.UPLOAD_MAX_MB * 1024 * 1024,
    packageDir: path.join(deps.config.dataDir, 'packages'),
    now: () => new Date(),
  };
}
