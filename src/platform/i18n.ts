/**
 * Interface text in Bahasa Indonesia (default) and English. Each message keeps both languages side
 * by side, so none can be forgotten; each feature defines its own catalog next to its views.
 */
import type { Lang } from './domain.ts';

export type { Lang } from './domain.ts';
export const DEFAULT_LANG: Lang = 'id';

type Params = Record<string, string | number>;
type Text = string | ((p: Params) => string);
export type Message = { id: Text; en: Text };
export type Catalog = Record<string, Message>;
export type Translate<C extends Catalog> = (key: keyof C & string, params?: Params) => string;

export function defineMessages<C extends Catalog>(catalog: C): C {
  return catalog;
}

/** Replaces `{name}` by params.name. */
function interpolate(text: string, params?: Params): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

export function render(message: Message, lang: Lang, params?: Params): string {
  const text = message[lang];
  return typeof text === 'function' ? text(params ?? {}) : interpolate(text, params);
}

/** A translator bound to one catalog and one language. */
export function translator<C extends Catalog>(catalog: C, lang: Lang): Translate<C> {
  return (key, params) => {
    const message = catalog[key];
    if (!message) throw new Error(`missing message ${key}`);
    return render(message, lang, params);
  };
}

/** Picks the language: an explicit choice (cookie, ?lang=) first, then the browser's preference. */
export function negotiateLang(explicit: string | undefined, acceptLanguage: string | undefined): Lang {
  if (explicit === 'id' || explicit === 'en') return explicit;
  if (acceptLanguage) {
    const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? '';
    if (first.startsWith('en')) return 'en';
  }
  return DEFAULT_LANG;
}

// Validation messages carried inside zod schemas as keys, translated when shown.
const validationRegistry = new Map<string, Message>();

/**
 * Registers validation messages for use in zod schemas: returns, for each name, a key to pass as the
 * schema's message; `translateIssue` turns it back into the user's language.
 */
export function validationMessages<C extends Catalog>(
  namespace: string,
  catalog: C,
): { [K in keyof C]: string } {
  const keys = {} as { [K in keyof C]: string };
  for (const [name, message] of Object.entries(catalog)) {
    const key = `v:${namespace}.${name}`;
    validationRegistry.set(key, message);
    (keys as Record<string, string>)[name] = key;
  }
  return keys;
}

export function lookupValidationMessage(key: string): Message | undefined {
  return validationRegistry.get(key);
}
