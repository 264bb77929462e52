// Every table, for Drizzle's relational queries and drizzle-kit. Each feature adds its file here.
export * from './accounts.ts';
export * from './audit.ts';
export * from './files.ts';
export * from './regions.ts';
export * from './settings.ts';
export * from './events.ts';
export * from './cycles.ts';
export * from './notifications.ts';
export * from './registry.ts';
export * from './nominations.ts';
export * from './registry-import.ts';
export * from './coaching.ts';
export * from './assessment.ts';
export * from './catalog.ts';
export * from './scoring.ts';
export * from './awards.ts';
