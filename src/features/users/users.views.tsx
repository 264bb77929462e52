import { ROLES } from '../../platform/domain.ts';
import { formatDateTime } from '../../platform/format.ts';
import { str } from '../../platform/forms.ts';
import type { Page } from '../../platform/keyset.ts';
import {
  BackLink,
  Button,
  EmptyState,
  ErrorSummary,
  Form,
  LinkButton,
  PageHeading,
  Pagination,
  Panel,
  Select,
  SummaryList,
  Table,
  Tag,
  TextInput,
} from '../../platform/ui/components.tsx';
import { roleLabel } from '../../platform/ui/labels.ts';
import { useView } from '../../platform/ui/view.ts';
import type { FieldErrors } from '../../platform/validation.ts';
import type { Region } from '../regions/regions.service.ts';
import type { UserFilter } from './users.forms.ts';
import { usersText } from './users.messages.ts';
import type { PublicUser } from './users.service.ts';

export function UserList(props: { page: Page<PublicUser>; filter: UserFilter; kabkota: Region[] }) {
  const v = useView();
  const t = v.tr(usersText);
  const regionName = new Map(props.kabkota.map((r) => [r.code, r.name]));
  const f = props.filter;
  return (
    <>
      <PageHeading title={t('title')}>
        <LinkButton href="/admin/users/new" variant="primary">
          {t('newUser')}
        </LinkButton>
      </PageHeading>
      <Form action="/admin/users" method="get" class="filters">
        <TextInput name="q" type="search" label={t('searchLabel')} value={f.q} width="medium" />
        <Select
          name="role"
          label={t('role')}
          value={f.role}
          emptyLabel={t('allRoles')}
          options={ROLES.map((r) => ({ value: r, label: roleLabel(r, v.lang) }))}
        />
        <Select
          name="regionCode"
          label={t('region')}
          value={f.regionCode}
          emptyLabel={v.t('all')}
          options={props.kabkota.map((r) => ({ value: r.code, label: r.name }))}
        />
        <Select
          name="status"
          label={t('status')}
          value={f.status}
          options={[
            { value: 'all', label: v.t('all') },
            { value: 'active', label: t('active') },
            { value: 'disabled', label: t('disabled') },
          ]}
        />
        <Button variant="secondary">{v.t('filter')}</Button>
      </Form>
      {props.page.rows.length === 0 ? (
        <EmptyState />
      ) : (
        <Table
          caption={t('userCount')}
          sort={f.sort}
          dir={f.dir}
          columns={[
            { label: t('name'), sort: 'name' },
            { label: t('email'), sort: 'email' },
            { label: t('role') },
            { label: t('region') },
            { label: t('status') },
            { label: t('lastLogin') },
          ]}
        >
          {props.page.rows.map((u) => (
            <tr>
              <td>
                <a href={`/admin/users/${u.id}`}>{u.name}</a>
              </td>
              <td>{u.email}</td>
              <td>{roleLabel(u.role, v.lang)}</td>
              <td>{u.regionCode ? (regionName.get(u.regionCode) ?? u.regionCode) : v.t('none')}</td>
              <td>
                {u.disabledAt ? (
                  <Tag tone="grey">{t('disabled')}</Tag>
                ) : (
                  <Tag tone="green">{t('active')}</Tag>
                )}
              </td>
              <td>{u.lastLoginAt ? formatDateTime(u.lastLoginAt, v.lang) : t('never')}</td>
            </tr>
          ))}
        </Table>
      )}
      <Pagination next={props.page.next} prev={props.page.prev} />
    </>
  );
}

/** The fields of a user, for both the new and the edit form. */
function UserFields(props: {
  values: Record<string, unknown>;
  errors: FieldErrors | undefined;
  kabkota: Region[];
}) {
  const v = useView();
  const t = v.tr(usersText);
  const { values, errors } = props;
  return (
    <>
      <TextInput
        name="name"
        label={t('name')}
        value={str(values, 'name')}
        error={errors?.name}
        autocomplete="off"
      />
      <TextInput
        name="email"
        type="email"
        label={t('email')}
        value={str(values, 'email')}
        error={errors?.email}
        autocomplete="off"
        spellcheck={false}
      />
      <Select
        name="role"
        label={t('role')}
        value={str(values, 'role')}
        error={errors?.role}
        emptyLabel=""
        options={ROLES.map((r) => ({ value: r, label: roleLabel(r, v.lang) }))}
      />
      <Select
        name="regionCode"
        label={t('region')}
        hint={t('regionHint')}
        value={str(values, 'regionCode')}
        error={errors?.regionCode}
        emptyLabel={t('noRegion')}
        options={props.kabkota.map((r) => ({ value: r.code, label: `${r.name} (${r.code})` }))}
      />
      <TextInput
        name="institution"
        label={t('institution')}
        value={str(values, 'institution')}
        error={errors?.institution}
        optional
      />
      <TextInput
        name="phone"
        type="tel"
        label={t('phone')}
        value={str(values, 'phone')}
        error={errors?.phone}
        width="medium"
        optional
      />
      <Select
        name="locale"
        label={t('locale')}
        value={str(values, 'locale') || 'id'}
        error={errors?.locale}
        options={[
          { value: 'id', label: 'Bahasa Indonesia' },
          { value: 'en', label: 'English' },
        ]}
      />
    </>
  );
}

export function UserNewPage(props: {
  values: Record<string, unknown>;
  errors?: FieldErrors;
  kabkota: Region[];
}) {
  const v = useView();
  const t = v.tr(usersText);
  return (
    <>
      <BackLink href="/admin/users" />
      <PageHeading title={t('newUser')} />
      <ErrorSummary errors={props.errors} />
      <Form action="/admin/users">
        <UserFields values={props.values} errors={props.errors} kabkota={props.kabkota} />
        <TextInput
          name="password"
          type="password"
          label={t('password')}
          hint={t('passwordHint')}
          error={props.errors?.password}
          autocomplete="new-password"
          width="medium"
          optional
        />
        <Button>{t('newUser')}</Button>
      </Form>
    </>
  );
}

export function UserEditPage(props: {
  user: PublicUser;
  values: Record<string, unknown>;
  errors?: FieldErrors;
  kabkota: Region[];
  /** The latest saved row, when the user's save lost a race with someone else's. */
  current?: PublicUser | undefined;
  tokens?: TokenSummary[];
}) {
  const v = useView();
  const t = v.tr(usersText);
  const { user } = props;
  const regionName = (code: string | null) =>
    code ? (props.kabkota.find((r) => r.code === code)?.name ?? code) : v.t('none');
  return (
    <>
      <BackLink href="/admin/users" />
      <PageHeading title={user.name} caption={t('editUser')}>
        <p>
          {user.disabledAt ? <Tag tone="grey">{t('disabled')}</Tag> : <Tag tone="green">{t('active')}</Tag>}{' '}
          <a href={`/admin/audit?objectType=user&objectId=${user.id}`}>{t('auditTrail')}</a>
        </p>
      </PageHeading>
      {props.current && (
        <Panel title={v.t('staleTitle')} tone="warning">
          <p>{v.t('staleBody')}</p>
          <div class="compare">
            <div>
              <h3>{v.t('theirVersion')}</h3>
              <SummaryList
                rows={[
                  { key: t('name'), value: props.current.name },
                  { key: t('email'), value: props.current.email },
                  { key: t('role'), value: roleLabel(props.current.role, v.lang) },
                  { key: t('region'), value: regionName(props.current.regionCode) },
                  { key: t('institution'), value: props.current.institution ?? v.t('none') },
                  { key: t('phone'), value: props.current.phone ?? v.t('none') },
                ]}
              />
            </div>
            <div>
              <h3>{v.t('yourVersion')}</h3>
              <SummaryList
                rows={[
                  { key: t('name'), value: str(props.values, 'name') },
                  { key: t('email'), value: str(props.values, 'email') },
                  { key: t('role'), value: str(props.values, 'role') },
                  { key: t('region'), value: regionName(str(props.values, 'regionCode') || null) },
                  { key: t('institution'), value: str(props.values, 'institution') || v.t('none') },
                  { key: t('phone'), value: str(props.values, 'phone') || v.t('none') },
                ]}
              />
            </div>
          </div>
        </Panel>
      )}
      <ErrorSummary errors={props.errors} />
      <Form action={`/admin/users/${user.id}`}>
        <input type="hidden" name="version" value={String(props.current?.version ?? user.version)} />
        <UserFields values={props.values} errors={props.errors} kabkota={props.kabkota} />
        <Button>{v.t('save')}</Button>
      </Form>
      <div class="action-row">
        {user.disabledAt ? (
          <Form action={`/admin/users/${user.id}/enable`} class="inline">
            <Button variant="secondary">{t('enable')}</Button>
          </Form>
        ) : (
          <Form action={`/admin/users/${user.id}/disable`} class="inline">
            <Button variant="warning">{t('disable')}</Button>
          </Form>
        )}
        <Form action={`/admin/users/${user.id}/reset-password`} class="inline">
          <Button variant="secondary">{t('resetPassword')}</Button>
        </Form>
        {!user.disabledAt && user.id !== v.actor?.realUserId && (
          <Form action={`/admin/users/${user.id}/act-as`} class="inline">
            <Button variant="secondary">{t('actAs')}</Button>
          </Form>
        )}
      </div>
      <p class="hint">{t('actAsHint')}</p>
      <h2 id="tokens">{t('tokensTitle')}</h2>
      {(props.tokens ?? []).length === 0 ? (
        <EmptyState>{t('noTokens')}</EmptyState>
      ) : (
        <Table
          caption={t('tokensTitle')}
          captionHidden
          columns={[
            { label: t('tokenName') },
            { label: t('lastUsed') },
            { label: t('status') },
            { label: '' },
          ]}
        >
          {(props.tokens ?? []).map((tok) => (
            <tr>
              <td>
                {tok.name} <code>{tok.prefix}…</code>
              </td>
              <td>{tok.lastUsedAt ? formatDateTime(tok.lastUsedAt, v.lang) : t('never')}</td>
              <td>
                {tok.revokedAt ? (
                  <Tag tone="grey">{t('revoked')}</Tag>
                ) : (
                  <Tag tone="green">{t('active')}</Tag>
                )}
              </td>
              <td>
                {!tok.revokedAt && (
                  <Form action={`/admin/users/${user.id}/tokens/${tok.id}/revoke`} class="inline">
                    <Button variant="warning">{t('revoke')}</Button>
                  </Form>
                )}
              </td>
            </tr>
          ))}
        </Table>
      )}
    </>
  );
}

export interface TokenSummary {
  id: string;
  name: string;
  prefix: string;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/** A colleague's contact card. */
export function UserProfilePage(props: { user: PublicUser; regionName: string | null }) {
  const v = useView();
  const t = v.tr(usersText);
  const { user } = props;
  return (
    <>
      <PageHeading title={user.name} caption={roleLabel(user.role, v.lang)} />
      <SummaryList
        rows={[
          { key: t('email'), value: <a href={`mailto:${user.email}`}>{user.email}</a> },
          { key: t('phone'), value: user.phone ?? v.t('none') },
          { key: t('institution'), value: user.institution ?? v.t('none') },
          { key: t('region'), value: props.regionName ?? v.t('none') },
        ]}
      />
    </>
  );
}
