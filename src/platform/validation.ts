/**
 * zod errors → messages in the user's language, keyed by field path. Shared by forms (error summary
 * and the message beside each field) and the JSON API (400 with field paths).
 */
import type { z } from 'zod';
import { defineMessages, type Lang, lookupValidationMessage, render } from './i18n.ts';

export type FieldErrors = Record<string, string>;

const generic = defineMessages({
  required: { id: 'Wajib diisi.', en: 'Required.' },
  invalidType: { id: 'Isian tidak valid.', en: 'Invalid value.' },
  number: { id: 'Harus berupa angka.', en: 'Must be a number.' },
  integer: { id: 'Harus bilangan bulat.', en: 'Must be a whole number.' },
  tooSmallString: { id: 'Minimal {min} karakter.', en: 'At least {min} characters.' },
  tooBigString: { id: 'Maksimal {max} karakter.', en: 'At most {max} characters.' },
  tooSmallNumber: { id: 'Tidak boleh kurang dari {min}.', en: 'Must be at least {min}.' },
  tooBigNumber: { id: 'Tidak boleh lebih dari {max}.', en: 'Must be at most {max}.' },
  tooSmallArray: { id: 'Pilih paling sedikit {min}.', en: 'Choose at least {min}.' },
  tooBigArray: { id: 'Pilih paling banyak {max}.', en: 'Choose at most {max}.' },
  email: { id: 'Alamat email tidak valid.', en: 'Not a valid e-mail address.' },
  url: { id: 'Alamat web tidak valid.', en: 'Not a valid web address.' },
  date: { id: 'Tanggal tidak valid.', en: 'Not a valid date.' },
  format: { id: 'Format tidak valid.', en: 'Invalid format.' },
  choice: { id: 'Pilih salah satu pilihan yang tersedia.', en: 'Choose one of the options offered.' },
  unknownField: { id: 'Isian tidak dikenal: {keys}.', en: 'Unknown field: {keys}.' },
});

type RawIssue = z.core.$ZodRawIssue;

/** The generic message for a zod issue (used as the per-parse error map, where the input is known). */
export function genericIssueMessage(issue: RawIssue, lang: Lang): string {
  const m = (key: keyof typeof generic, params?: Record<string, string | number>) =>
    render(generic[key], lang, params);
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null || issue.input === '') return m('required');
      if (issue.expected === 'number' || issue.expected === 'int' || issue.expected === 'bigint')
        return m('number');
      if (issue.expected === 'date') return m('date');
      return m('invalidType');
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return min <= 1 ? m('required') : m('tooSmallString', { min });
      if (issue.origin === 'array' || issue.origin === 'set') return m('tooSmallArray', { min });
      return m('tooSmallNumber', { min: String(issue.minimum) });
    }
    case 'too_big': {
      const max = String(issue.maximum);
      if (issue.origin === 'string') return m('tooBigString', { max });
      if (issue.origin === 'array' || issue.origin === 'set') return m('tooBigArray', { max });
      return m('tooBigNumber', { max });
    }
    case 'invalid_format':
      if (issue.format === 'email') return m('email');
      if (issue.format === 'url') return m('url');
      if (issue.format === 'date' || issue.format === 'datetime') return m('date');
      return m('format');
    case 'invalid_value':
      return m('choice');
    case 'not_multiple_of':
      return m('integer');
    case 'unrecognized_keys':
      return m('unknownField', { keys: (issue.keys as string[]).join(', ') });
    default:
      return m('invalidType');
  }
}

/** A final issue's message in `lang`: a registered validation key is translated, others pass as they are. */
function issueMessage(issue: z.core.$ZodIssue, lang: Lang): string {
  const custom = lookupValidationMessage(issue.message);
  if (!custom) return issue.message;
  const params = (issue as { params?: Record<string, string | number> }).params;
  return render(custom, lang, params);
}

/** The first message for each field path (`a.b.0`), in `lang`. */
export function fieldErrors(error: z.ZodError, lang: Lang): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_form';
    if (!(key in out)) out[key] = issueMessage(issue, lang);
  }
  return out;
}

export type ParseResult<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

/** Validates `input` against `schema`, with every message in `lang`. */
export async function validate<S extends z.ZodType>(
  schema: S,
  input: unknown,
  lang: Lang,
): Promise<ParseResult<z.output<S>>> {
  const result = await schema.safeParseAsync(input, { error: (iss) => genericIssueMessage(iss, lang) });
  return result.success
    ? { ok: true, data: result.data }
    : { ok: false, errors: fieldErrors(result.error, lang) };
}
