/**
 * The JSON API under /api/v1. Each endpoint is declared once with the zod schemas it validates
 * with; the OpenAPI 3.1 document is generated from the same declarations, so it cannot drift.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { Actor } from './actor.ts';
import { can, type Permission } from './authz.ts';
import type { AppEnv, Ctx } from './context.ts';
import { type DomainError, ForbiddenError, ruleFieldErrors } from './errors.ts';
import { defineMessages, render } from './i18n.ts';
import { validate } from './validation.ts';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface EndpointSpec<
  Q extends z.ZodType | undefined,
  B extends z.ZodType | undefined,
  P extends z.ZodType | undefined,
> {
  method: Method;
  /** Hono-style path relative to /api/v1, e.g. `/regions/:code`. */
  path: string;
  summary: string;
  tag: string;
  /** 'public' endpoints answer without a user (catalog, verification). */
  permission: Permission | 'public';
  query?: Q;
  body?: B;
  params?: P;
  response: z.ZodType;
  /** Extra statuses this endpoint may answer, for the document. */
  errors?: number[];
  /** Cache-Control for public GETs. */
  cache?: string;
}

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface EndpointInput<Q, B, P> {
  query: Q;
  body: B;
  params: P;
  actor: Actor | null;
  c: Ctx;
}

export const apiMessages = defineMessages({
  unauthorized: {
    id: 'Perlu masuk: kirim header Authorization: Bearer <token>, atau masuk lewat halaman login.',
    en: 'Authentication required: send Authorization: Bearer <token>, or sign in.',
  },
  forbidden: { id: 'Peran Anda tidak memiliki akses.', en: 'Your role has no access.' },
  notFound: { id: 'Tidak ditemukan.', en: 'Not found.' },
  invalidJson: {
    id: 'Badan permintaan bukan JSON yang valid: {detail}',
    en: 'The request body is not valid JSON: {detail}',
  },
  invalidInput: { id: 'Isian tidak valid.', en: 'Invalid input.' },
  staleVersion: {
    id: 'Data sudah diubah orang lain; baca ulang lalu kirim lagi dengan versi terbaru.',
    en: 'Someone else changed this; read it again and resend with the latest version.',
  },
  serverError: { id: 'Terjadi kesalahan di server (kode {id}).', en: 'Server error (code {id}).' },
});

/** The JSON error body every API error uses. */
export const ApiError = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    current: z.unknown().optional(),
  }),
});

export function apiError(
  status: number,
  code: string,
  message: string,
  fields?: Record<string, string>,
  current?: unknown,
) {
  const body: z.infer<typeof ApiError> = { error: { code, message } };
  if (fields && Object.keys(fields).length)
    body.error.fields = Object.entries(fields).map(([path, m]) => ({ path, message: m }));
  if (current !== undefined) body.error.current = current;
  return jsonResponse(body, status);
}

/** JSON with bigints as strings (money is bigint in the database). */
export function jsonResponse(data: unknown, status = 200, headers: Record<string, string> = {}): Response {
  const text = JSON.stringify(data, (_k, v) => (typeof v === 'bigint' ? v.toString() : v));
  return new Response(text, {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  });
}

class InputError extends Error {
  constructor(
    readonly code: string,
    readonly messageText: string,
    readonly fields?: Record<string, string>,
  ) {
    super(code);
  }
}

export class ApiRouter {
  readonly app = new Hono<AppEnv>();
  // biome-ignore lint/suspicious/noExplicitAny: specs of every shape are listed together
  readonly specs: EndpointSpec<any, any, any>[] = [];

  endpoint<Q extends z.ZodType | undefined, B extends z.ZodType | undefined, P extends z.ZodType | undefined>(
    spec: EndpointSpec<Q, B, P>,
    handler: (input: EndpointInput<Out<Q>, Out<B>, Out<P>>) => Promise<unknown>,
  ): this {
    this.specs.push(spec);
    this.app.on(spec.method.toUpperCase(), spec.path, async (c) => {
      const lang = c.get('lang');
      const actor = c.get('actor');
      if (spec.permission !== 'public') {
        if (!actor) return apiError(401, 'unauthorized', render(apiMessages.unauthorized, lang));
        if (!can(actor, spec.permission)) throw new ForbiddenError();
      }
      try {
        const params = spec.params ? await parsePart(spec.params, c.req.param(), lang) : undefined;
        const query = spec.query ? await parsePart(spec.query, queryObject(c), lang) : undefined;
        let body: unknown;
        if (spec.body) {
          let raw: unknown;
          try {
            raw = await c.req.json();
          } catch (err) {
            throw new InputError(
              'invalid_json',
              render(apiMessages.invalidJson, lang, { detail: (err as Error).message }),
            );
          }
          body = await parsePart(spec.body, raw, lang);
        }
        const result = await handler({
          query: query as Out<Q>,
          body: body as Out<B>,
          params: params as Out<P>,
          actor,
          c,
        });
        if (result instanceof Response) return result;
        const headers: Record<string, string> = {};
        if (spec.cache && spec.method === 'get') headers['cache-control'] = spec.cache;
        return jsonResponse(result, spec.method === 'post' ? 201 : 200, headers);
      } catch (err) {
        if (err instanceof InputError) return apiError(400, err.code, err.messageText, err.fields);
        throw err;
      }
    });
    return this;
  }
}

function queryObject(c: Ctx): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, values] of Object.entries(c.req.queries()))
    out[k] = values.length === 1 ? values[0]! : values;
  return out;
}

async function parsePart(schema: z.ZodType, input: unknown, lang: 'id' | 'en') {
  const result = await validate(schema, input, lang);
  if (!result.ok)
    throw new InputError('invalid_input', render(apiMessages.invalidInput, lang), result.errors);
  return result.data;
}

/** Turns a DomainError into the API's error body. */
export function domainErrorResponse(c: Ctx, err: DomainError) {
  const lang = c.get('lang');
  // The fields carry message keys: translate them, as the pages do.
  const fields = Object.keys(err.fields).length ? ruleFieldErrors(err, lang) : undefined;
  return apiError(err.status, 'rule_violation', render(err.userMessage, lang, err.params), fields);
}

const jsonSchema = (schema: z.ZodType) =>
  z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any', target: 'draft-2020-12' });

/** The OpenAPI 3.1 document for every endpoint of every router. */
export function openApiDocument(routers: ApiRouter[], info: { title: string; version: string }) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const spec of routers.flatMap((r) => r.specs)) {
    const path = spec.path.replace(/:(\w+)/g, '{$1}');
    const parameters: unknown[] = [];
    for (const [where, schema] of [
      ['path', spec.params],
      ['query', spec.query],
    ] as const) {
      if (!schema) continue;
      const js = jsonSchema(schema) as { properties?: Record<string, unknown>; required?: string[] };
      for (const [name, prop] of Object.entries(js.properties ?? {})) {
        parameters.push({
          name,
          in: where,
          required: where === 'path' || (js.required ?? []).includes(name),
          schema: prop,
        });
      }
    }
    const responses: Record<string, unknown> = {
      [spec.method === 'post' ? '201' : '200']: {
        description: 'OK',
        content: { 'application/json': { schema: jsonSchema(spec.response) } },
      },
    };
    const errorStatuses = new Set([
      400,
      ...(spec.permission === 'public' ? [] : [401, 403]),
      ...(spec.errors ?? []),
    ]);
    for (const status of [...errorStatuses].sort()) {
      responses[String(status)] = {
        description: 'Error',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      };
    }
    paths[path] ??= {};
    paths[path][spec.method] = {
      summary: spec.summary,
      tags: [spec.tag],
      security: spec.permission === 'public' ? [] : [{ bearer: [] }, { cookie: [] }],
      ...(parameters.length ? { parameters } : {}),
      ...(spec.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: jsonSchema(spec.body) } },
            },
          }
        : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info,
    servers: [{ url: '/api/v1' }],
    paths,
    components: {
      schemas: { Error: jsonSchema(ApiError) },
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: 'A token from `ovop token create` or My account',
        },
        cookie: { type: 'apiKey', in: 'cookie', name: 'ovop_session' },
      },
    },
  };
}
