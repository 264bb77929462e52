// Every table, for Drizzle's relational queries and drizzle-kit. Each feature adds its file here.
export * from './accounts.ts';
export * from './audit.ts';
export * from './files.ts';
export * from './regions.ts';
export * from './settings.ts';
export * from './registry.ts';
