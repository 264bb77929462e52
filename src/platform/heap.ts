/**
 * How the JavaScript heap grows. V8 lets the heap grow to as much as four times what was live after
 * its last full collection before it collects again; in a long import that is hundreds of MB of
 * garbage (a 100,000-row import peaked at 516 MB on PostgreSQL with about 40 MB live). Growing by
 * half instead keeps the same import under 250 MB at the same speed (ADR 0113). No limit is set:
 * work that needs a larger heap still gets one.
 */
import v8 from 'node:v8';

const FLAG = 'heap-growing-percent';
const GROWING_PERCENT = 50;

/** Applies the growth factor, unless the operator chose one (NODE_OPTIONS or node's own flags). */
export function keepHeapLean(): void {
  const chosen = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((a) => a.includes(FLAG));
  if (!chosen) v8.setFlagsFromString(`--${FLAG}=${GROWING_PERCENT}`);
}
