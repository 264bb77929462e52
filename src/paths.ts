/**
 * Paths inside the installed project (public files, migrations, seed data), found from the package
 * root so they hold wherever the code runs from (sources through tsx, or a bundle).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg) && JSON.parse(fs.readFileSync(pkg, 'utf8')).name === 'ovop') return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('cannot find the ovop package root');
    dir = parent;
  }
}

export const projectRoot = findRoot();

/** An absolute path inside the project, e.g. projectPath('public'). */
export function projectPath(...parts: string[]): string {
  return path.join(projectRoot, ...parts);
}
