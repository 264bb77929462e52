import type { Lang, RegionLevel, Role } from '../domain.ts';
import { render } from '../i18n.ts';
import { ui } from './messages.ts';

export function roleLabel(role: Role | 'system', lang: Lang): string {
  return render(ui[`role_${role}`], lang);
}

export function levelLabel(level: RegionLevel, lang: Lang): string {
  return render(ui[`level_${level}`], lang);
}
