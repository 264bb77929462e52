// Starts the reader thread from the TypeScript sources (tests, and `ovop` run without a fresh
// bundle); the bundle has its own build of it, dist/import-reader.mjs.
import { register } from 'tsx/esm/api';

register();
await import('./import.reader.worker.ts');
