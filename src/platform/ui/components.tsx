/**
 * Form and page components after the GOV.UK Design System: labels on every field, hints under
 * labels, the error beside the field and in a summary at the top, tags with one word per state.
 */
import type { Child } from 'hono/jsx';
import type { FieldErrors } from '../validation.ts';
import { useView } from './view.ts';

/** The DOM id of a field, which the error summary links to. */
export const fieldId = (name: string) => `f-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;

export function PageHeading(props: { title: string; caption?: string | undefined; children?: Child }) {
  return (
    <div class="page-heading">
      {props.caption && <span class="caption">{props.caption}</span>}
      <h1>{props.title}</h1>
      {props.children}
    </div>
  );
}

export function BackLink(props: { href: string; label?: string }) {
  const { t } = useView();
  return (
    <a class="back-link" href={props.href}>
      {props.label ?? t('back')}
    </a>
  );
}

/** The list of a failed form's problems, each a link to its field. Focus moves here (see app.css). */
export function ErrorSummary(props: { errors?: FieldErrors | undefined }) {
  const { t } = useView();
  const entries = Object.entries(props.errors ?? {});
  if (entries.length === 0) return null;
  return (
    // Focused on load (the first autofocus of a page wins), so keyboard and screen-reader users start
    // at the list of problems, whose links lead to each field, without any script.
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1} autofocus>
      <h2 id="error-summary-title">{t('errorSummaryTitle')}</h2>
      <ul>
        {entries.map(([name, message]) => (
          <li>{name === '_form' ? message : <a href={`#${fieldId(name)}`}>{message}</a>}</li>
        ))}
      </ul>
    </div>
  );
}

/** A POST form carrying the CSRF token. */
export function Form(props: {
  action: string;
  children?: Child;
  multipart?: boolean;
  class?: string;
  method?: 'post' | 'get';
  id?: string;
}) {
  const { csrfToken } = useView();
  const method = props.method ?? 'post';
  return (
    <form
      method={method}
      action={props.action}
      enctype={props.multipart ? 'multipart/form-data' : undefined}
      class={props.class}
      id={props.id}
      novalidate
    >
      {method === 'post' && <input type="hidden" name="_csrf" value={csrfToken} />}
      {props.children}
    </form>
  );
}

interface FieldProps {
  name: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  optional?: boolean;
}

function FieldWrap(props: FieldProps & { children: Child; labelFor?: boolean }) {
  const { t } = useView();
  const id = fieldId(props.name);
  return (
    <div class={props.error ? 'field field-error' : 'field'}>
      <label for={id}>
        {props.label}
        {props.optional && <span class="muted"> {t('optional')}</span>}
      </label>
      {props.hint && (
        <div class="hint" id={`${id}-hint`}>
          {props.hint}
        </div>
      )}
      {props.error && (
        <p class="error-message" id={`${id}-error`}>
          {props.error}
        </p>
      )}
      {props.children}
    </div>
  );
}

function describedBy(p: FieldProps): string | undefined {
  const id = fieldId(p.name);
  const ids = [p.hint ? `${id}-hint` : '', p.error ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

export function TextInput(
  props: FieldProps & {
    value?: string | number | null | undefined;
    type?: 'text' | 'email' | 'password' | 'tel' | 'number' | 'date' | 'datetime-local' | 'url' | 'search';
    autocomplete?: string;
    inputmode?: 'numeric' | 'decimal' | 'tel' | 'email' | 'text';
    width?: 'short' | 'medium' | 'long';
    required?: boolean;
    spellcheck?: boolean;
    maxlength?: number;
  },
) {
  return (
    <FieldWrap {...props}>
      <input
        id={fieldId(props.name)}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.value === null || props.value === undefined ? '' : String(props.value)}
        autocomplete={props.autocomplete}
        inputmode={props.inputmode}
        class={`input width-${props.width ?? 'long'}`}
        aria-describedby={describedBy(props)}
        aria-invalid={props.error ? 'true' : undefined}
        required={props.required}
        spellcheck={props.spellcheck}
        maxlength={props.maxlength}
      />
    </FieldWrap>
  );
}

export function TextArea(props: FieldProps & { value?: string | null | undefined; rows?: number }) {
  return (
    <FieldWrap {...props}>
      <textarea
        id={fieldId(props.name)}
        name={props.name}
        rows={props.rows ?? 5}
        class="input width-long"
        aria-describedby={describedBy(props)}
        aria-invalid={props.error ? 'true' : undefined}
      >
        {props.value ?? ''}
      </textarea>
    </FieldWrap>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function Select(
  props: FieldProps & { options: Option[]; value?: string | null | undefined; emptyLabel?: string },
) {
  return (
    <FieldWrap {...props}>
      <select
        id={fieldId(props.name)}
        name={props.name}
        class="input"
        aria-describedby={describedBy(props)}
        aria-invalid={props.error ? 'true' : undefined}
      >
        {props.emptyLabel !== undefined && <option value="">{props.emptyLabel}</option>}
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === (props.value ?? '')}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldWrap>
  );
}

export function FileInput(props: FieldProps & { accept?: string; multiple?: boolean }) {
  return (
    <FieldWrap {...props}>
      <input
        id={fieldId(props.name)}
        name={props.name}
        type="file"
        accept={props.accept}
        multiple={props.multiple}
        class="input"
        aria-describedby={describedBy(props)}
        aria-invalid={props.error ? 'true' : undefined}
      />
    </FieldWrap>
  );
}

export function Checkbox(props: {
  name: string;
  label: string;
  checked?: boolean | undefined;
  hint?: string;
  value?: string;
}) {
  const id = fieldId(props.value ? `${props.name}-${props.value}` : props.name);
  return (
    <div class="checkbox">
      <input id={id} type="checkbox" name={props.name} value={props.value ?? 'on'} checked={props.checked} />
      <label for={id}>
        {props.label}
        {props.hint && <span class="hint">{props.hint}</span>}
      </label>
    </div>
  );
}

export function Radios(
  props: FieldProps & { options: (Option & { hint?: string })[]; value?: string | null | undefined },
) {
  const { t } = useView();
  const id = fieldId(props.name);
  return (
    <fieldset
      class={props.error ? 'field field-error' : 'field'}
      id={id}
      aria-describedby={describedBy(props)}
    >
      <legend>
        {props.label}
        {props.optional && <span class="muted"> {t('optional')}</span>}
      </legend>
      {props.hint && (
        <div class="hint" id={`${id}-hint`}>
          {props.hint}
        </div>
      )}
      {props.error && (
        <p class="error-message" id={`${id}-error`}>
          {props.error}
        </p>
      )}
      {props.options.map((o) => (
        <div class="radio">
          <input
            id={`${id}-${o.value}`}
            type="radio"
            name={props.name}
            value={o.value}
            checked={o.value === props.value}
          />
          <label for={`${id}-${o.value}`}>
            {o.label}
            {o.hint && <span class="hint">{o.hint}</span>}
          </label>
        </div>
      ))}
    </fieldset>
  );
}

export function Button(props: {
  children: Child;
  variant?: 'primary' | 'secondary' | 'warning';
  name?: string;
  value?: string;
  formaction?: string;
}) {
  return (
    <button
      type="submit"
      class={`button button-${props.variant ?? 'primary'}`}
      name={props.name}
      value={props.value}
      formaction={props.formaction}
    >
      {props.children}
    </button>
  );
}

export function LinkButton(props: { href: string; children: Child; variant?: 'primary' | 'secondary' }) {
  return (
    <a class={`button button-${props.variant ?? 'secondary'}`} href={props.href} role="button">
      {props.children}
    </a>
  );
}

/** A state as a coloured tag with one word; `tone` picks the colour. */
export function Tag(props: {
  children: Child;
  tone?: 'grey' | 'blue' | 'green' | 'yellow' | 'red' | 'purple';
}) {
  return <strong class={`tag tag-${props.tone ?? 'grey'}`}>{props.children}</strong>;
}

export function SummaryList(props: { rows: { key: string; value: Child; action?: Child }[] }) {
  return (
    <dl class="summary-list">
      {props.rows.map((r) => (
        <div class="summary-row">
          <dt>{r.key}</dt>
          <dd>{r.value}</dd>
          {r.action && <dd class="summary-action">{r.action}</dd>}
        </div>
      ))}
    </dl>
  );
}

export interface Column {
  label: string;
  /** The sort key this column sorts by, when sortable. */
  sort?: string;
  numeric?: boolean;
}

/** A table with a caption and sortable headers (links that keep the other query parameters). */
export function Table(props: {
  caption: string;
  columns: Column[];
  children: Child;
  sort?: string | undefined;
  dir?: 'asc' | 'desc' | undefined;
  captionHidden?: boolean;
}) {
  const { url, t } = useView();
  const sortHref = (key: string) => {
    const u = new URL(url);
    const same = props.sort === key;
    u.searchParams.set('sort', key);
    u.searchParams.set('dir', same && props.dir === 'asc' ? 'desc' : 'asc');
    u.searchParams.delete('after');
    u.searchParams.delete('before');
    return `${u.pathname}?${u.searchParams.toString()}`;
  };
  return (
    <div class="table-wrap">
      <table class="table">
        <caption class={props.captionHidden ? 'visually-hidden' : undefined}>{props.caption}</caption>
        <thead>
          <tr>
            {props.columns.map((col) => {
              const active = col.sort && props.sort === col.sort;
              const ariaSort = active ? (props.dir === 'desc' ? 'descending' : 'ascending') : undefined;
              return (
                <th scope="col" aria-sort={ariaSort} class={col.numeric ? 'numeric' : undefined}>
                  {col.sort ? (
                    <a href={sortHref(col.sort)} title={t('sortBy', { column: col.label })}>
                      {col.label}
                      {active ? (props.dir === 'desc' ? ' ▼' : ' ▲') : ''}
                    </a>
                  ) : (
                    col.label
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>{props.children}</tbody>
      </table>
    </div>
  );
}

/** Keyset pagination: links carry a cursor, never a page number (OFFSET is the slow path). */
export function Pagination(props: { next?: string | null | undefined; prev?: string | null | undefined }) {
  const { url, t } = useView();
  if (!props.next && !props.prev) return null;
  const link = (param: 'after' | 'before', cursor: string) => {
    const u = new URL(url);
    u.searchParams.delete('after');
    u.searchParams.delete('before');
    u.searchParams.set(param, cursor);
    return `${u.pathname}?${u.searchParams.toString()}`;
  };
  return (
    <nav class="pagination" aria-label={t('pagination')}>
      {props.prev && (
        <a href={link('before', props.prev)} rel="prev">
          ← {t('prevPage')}
        </a>
      )}
      {props.next && (
        <a href={link('after', props.next)} rel="next">
          {t('nextPage')} →
        </a>
      )}
    </nav>
  );
}

export function EmptyState(props: { children?: Child }) {
  const { t } = useView();
  return <p class="empty-state">{props.children ?? t('noResults')}</p>;
}

export function Panel(props: { title: string; children: Child; tone?: 'success' | 'info' | 'warning' }) {
  return (
    <div class={`panel panel-${props.tone ?? 'info'}`}>
      <h2>{props.title}</h2>
      {props.children}
    </div>
  );
}
