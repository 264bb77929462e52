/**
 * Errors a service throws and the web layer turns into the right answer: a page with the message in
 * the user's language, or a JSON error. Messages are i18n messages, never raw text.
 */
import { type Lang, lookupValidationMessage, type Message, render } from './i18n.ts';

/** Field path → a validation message key (see validationMessages) or a ready message. */
export type RuleFields = Record<string, string>;

/** The object does not exist or lies outside the actor's scope (both answer 404, so existence does not leak). */
export class NotFoundError extends Error {
  constructor(what = 'object') {
    super(`${what} not found`);
  }
}

/** The actor's role may not do this at all (route permission). */
export class ForbiddenError extends Error {
  constructor() {
    super('forbidden');
  }
}

/** Input that breaks a rule the form cannot check alone (duplicates, states, deadlines). */
export class DomainError extends Error {
  constructor(
    public readonly userMessage: Message,
    public readonly params: Record<string, string | number> = {},
    public readonly fields: RuleFields = {},
    public readonly status: 400 | 409 | 422 | 429 = 422,
  ) {
    super(typeof userMessage.en === 'string' ? userMessage.en : 'domain error');
  }
}

/** The row changed since the user read it (optimistic concurrency): carries the current row. */
export class StaleVersionError<T = unknown> extends Error {
  constructor(public readonly current: T) {
    super('stale version');
  }
}

/** A broken rule on one field, with a message registered by validationMessages(). */
export function ruleViolation(
  field: string,
  key: string,
  params: Record<string, string | number> = {},
  status: 400 | 409 | 422 = 422,
): DomainError {
  const message = lookupValidationMessage(key) ?? { id: key, en: key };
  return new DomainError(message, params, { [field]: key }, status);
}

/** A DomainError's field messages in the user's language. */
export function ruleFieldErrors(err: DomainError, lang: Lang): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, key] of Object.entries(err.fields)) {
    const message = lookupValidationMessage(key);
    out[field] = message ? render(message, lang, err.params) : key;
  }
  if (Object.keys(out).length === 0) out._form = render(err.userMessage, lang, err.params);
  return out;
}
