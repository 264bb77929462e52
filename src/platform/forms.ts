/**
 * The one way a page handles a form post: validate with the shared zod schema, run the service,
 * and on a broken rule re-render the form with the user's input and every message.
 */
import type { z } from 'zod';
import type { Ctx } from './context.ts';
import { DomainError, ruleFieldErrors, StaleVersionError } from './errors.ts';
import { formBody } from './http.ts';
import { validate, type FieldErrors } from './validation.ts';

export interface FormOutcome<T> {
  /** What the user sent, to put back into the form. */
  values: Record<string, unknown>;
  errors: FieldErrors;
  /** Set when the row changed since the user read it. */
  current?: T;
}

export async function handleForm<S extends z.ZodType, T = unknown>(
  c: Ctx,
  schema: S,
  handlers: {
    valid: (data: z.output<S>, values: Record<string, unknown>) => Promise<Response>;
    invalid: (outcome: FormOutcome<T>) => Response | Promise<Response>;
  },
): Promise<Response> {
  const lang = c.get('lang');
  const values = await formBody(c);
  const parsed = await validate(schema, values, lang);
  if (!parsed.ok) return withStatus(await handlers.invalid({ values, errors: parsed.errors }), 422);
  try {
    return await handlers.valid(parsed.data, values);
  } catch (err) {
    if (err instanceof DomainError) {
      return withStatus(await handlers.invalid({ values, errors: ruleFieldErrors(err, lang) }), err.status);
    }
    if (err instanceof StaleVersionError) {
      return withStatus(await handlers.invalid({ values, errors: {}, current: err.current as T }), 409);
    }
    throw err;
  }
}

function withStatus(res: Response, status: number): Response {
  return new Response(res.body, { status, headers: res.headers });
}

/** A form value as a string for an input's value attribute. */
export function str(values: Record<string, unknown> | undefined, key: string): string {
  const v = values?.[key];
  if (v === undefined || v === null) return '';
  if (Array.isArray(v)) return String(v[0] ?? '');
  if (v instanceof File) return '';
  if (v instanceof Date) return v.toISOString();
  return String(v);
}
