/**
 * Seeds: the regions always; with --demo, the demo accounts and each feature's demo data, once.
 * Each feature adds its demo step to DEMO_STEPS, in dependency order.
 */
import type { Config } from '../../config.ts';
import type { Db } from '../client.ts';
import type { FileStore } from '../../platform/files.ts';
import { log } from '../../platform/log.ts';
import { seedDemoRegistry } from '../../features/registry/registry.demo.ts';
import { seedEventsDemo } from '../../features/events/events.demo.ts';
import { seedDemoCycles } from '../../features/cycles/cycles.demo.ts';
import { seedDemoNominations } from '../../features/nominations/nominations.demo.ts';
import { seedCoachingDemo } from '../../features/coaching/coaching.demo.ts';
import { seedDefaultRubrics } from '../../features/assessment/rubrics.service.ts';
import { seedDemoAssessment } from '../../features/assessment/assessment.demo.ts';
import { seedDemoScoring } from '../../features/assessment/scoring.demo.ts';
import { seedDemoCatalog } from '../../features/catalog/catalog.demo.ts';
import { seedDemoAwards } from '../../features/awards/awards.demo.ts';
import { seedDashboardsDemo } from '../../features/dashboards/dashboards.demo.ts';
import { seedDemoAccounts } from './demo-accounts.ts';
import { seedRegions } from './regions.ts';
import { getSetting, putSetting } from './settings.ts';

export interface SeedContext {
  db: Db;
  config: Config;
  files: FileStore;
}

/** Demo steps run in order on an installation that has not been seeded with demo data. */
const DEMO_STEPS: { name: string; run: (ctx: SeedContext) => Promise<void> }[] = [
  { name: 'accounts', run: ({ db, config }) => seedDemoAccounts(db, config.PROVINCE_CODE) },
  { name: 'registry', run: ({ db, config, files }) => seedDemoRegistry(db, files, config.PROVINCE_CODE) },
  { name: 'events', run: seedEventsDemo },
  { name: 'cycles', run: ({ db, config }) => seedDemoCycles(db, config.PROVINCE_CODE) },
  {
    name: 'nominations',
    run: ({ db, config, files }) => seedDemoNominations(db, files, config.PROVINCE_CODE),
  },
  { name: 'coaching', run: seedCoachingDemo },
  { name: 'assessment', run: ({ db }) => seedDemoAssessment(db) },
  { name: 'scoring', run: ({ db, config, files }) => seedDemoScoring(db, config, files) },
  { name: 'catalog', run: ({ db }) => seedDemoCatalog(db) },
  { name: 'awards', run: ({ db, config, files }) => seedDemoAwards(db, config, files) },
  {
    name: 'dashboards',
    run: async ({ db, config }) => {
      await seedDashboardsDemo(db, config.PROVINCE_CODE);
    },
  },
];

export async function seedBase(db: Db): Promise<void> {
  await seedRegions(db);
  // Every installation starts with the editable default rubrics (version 1 of each commodity).
  await seedDefaultRubrics(db);
}

/** Runs every demo step not yet done; each records its completion, so a rerun resumes. */
export async function seedDemo(ctx: SeedContext, opts: { only?: string[] } = {}): Promise<string[]> {
  const done = (await getSetting<string[]>(ctx.db, 'demo_steps')) ?? [];
  const ran: string[] = [];
  for (const step of DEMO_STEPS) {
    if (done.includes(step.name) || (opts.only && !opts.only.includes(step.name))) continue;
    const started = performance.now();
    await step.run(ctx);
    done.push(step.name);
    await putSetting(ctx.db, 'demo_steps', done);
    ran.push(step.name);
    log.info('demo data seeded', { step: step.name, ms: Math.round(performance.now() - started) });
  }
  return ran;
}
