import { formatDateTime } from '../../platform/format.ts';
import {
  Button,
  EmptyState,
  ErrorSummary,
  Form,
  PageHeading,
  Panel,
  Radios,
  SummaryList,
  Table,
  Tag,
  TextInput,
} from '../../platform/ui/components.tsx';
import { roleLabel } from '../../platform/ui/labels.ts';
import { useView } from '../../platform/ui/view.ts';
import type { FieldErrors } from '../../platform/validation.ts';
import type { PublicUser } from '../users/users.service.ts';
import { authText } from './auth.messages.ts';

export function LoginPage(props: { next: string; email?: string; errors?: FieldErrors; expired?: boolean }) {
  const v = useView();
  const t = v.tr(authText);
  return (
    <div class="narrow">
      <PageHeading title={t('loginTitle')}>
        <p class="lead">{t('loginIntro')}</p>
      </PageHeading>
      {props.expired && !props.errors && (
        <div class="flash flash-info" role="status">
          {t('sessionEnded')}
        </div>
      )}
      <ErrorSummary errors={props.errors} />
      <Form action={`/login?next=${encodeURIComponent(props.next)}`}>
        <TextInput
          name="email"
          type="email"
          label={t('email')}
          value={props.email}
          autocomplete="username"
          error={props.errors?.email}
          spellcheck={false}
        />
        <TextInput
          name="password"
          type="password"
          label={t('password')}
          autocomplete="current-password"
          error={props.errors?.password}
          width="medium"
        />
        <Button>{t('submit')}</Button>
      </Form>
    </div>
  );
}

interface TokenRow {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  useCount: number;
}

export function AccountPage(props: {
  user: PublicUser;
  regionName: string | null;
  tokens: TokenRow[];
  passwordErrors?: FieldErrors;
  tokenErrors?: FieldErrors;
}) {
  const v = useView();
  const t = v.tr(authText);
  const { user } = props;
  return (
    <>
      <PageHeading title={t('accountTitle')} />
      <h2>{t('profile')}</h2>
      <SummaryList
        rows={[
          { key: t('name'), value: user.name },
          { key: t('email'), value: user.email },
          { key: t('role'), value: roleLabel(user.role, v.lang) },
          { key: t('region'), value: props.regionName ?? v.t('none') },
        ]}
      />

      <h2 id="language">{t('languageTitle')}</h2>
      <Form action="/account/locale">
        <Radios
          name="locale"
          label={t('languageTitle')}
          value={user.locale}
          options={[
            { value: 'id', label: 'Bahasa Indonesia' },
            { value: 'en', label: 'English' },
          ]}
        />
        <Button variant="secondary">{v.t('save')}</Button>
      </Form>

      <h2 id="password">{t('changePassword')}</h2>
      <ErrorSummary errors={props.passwordErrors} />
      <Form action="/account/password">
        <TextInput
          name="current"
          type="password"
          label={t('currentPassword')}
          autocomplete="current-password"
          error={props.passwordErrors?.current}
          width="medium"
        />
        <TextInput
          name="next"
          type="password"
          label={t('newPassword')}
          hint={t('newPasswordHint')}
          autocomplete="new-password"
          error={props.passwordErrors?.next}
          width="medium"
        />
        <TextInput
          name="confirm"
          type="password"
          label={t('confirmPassword')}
          autocomplete="new-password"
          error={props.passwordErrors?.confirm}
          width="medium"
        />
        <Button variant="secondary">{t('changePassword')}</Button>
      </Form>

      <h2 id="tokens">{t('tokensTitle')}</h2>
      <p>
        {t('tokensIntro')} <a href="/api/v1/openapi.json">{t('apiDocs')}</a>
      </p>
      {props.tokens.length === 0 ? (
        <EmptyState>{t('noTokens')}</EmptyState>
      ) : (
        <Table
          caption={t('tokensTitle')}
          captionHidden
          columns={[
            { label: t('tokenName') },
            { label: t('tokenPrefix') },
            { label: t('created') },
            { label: t('lastUsed') },
            { label: t('uses'), numeric: true },
            { label: t('state') },
            { label: '' },
          ]}
        >
          {props.tokens.map((tok) => (
            <tr>
              <td>{tok.name}</td>
              <td>
                <code>{tok.prefix}…</code>
              </td>
              <td>{formatDateTime(tok.createdAt, v.lang)}</td>
              <td>{tok.lastUsedAt ? formatDateTime(tok.lastUsedAt, v.lang) : v.t('none')}</td>
              <td class="numeric">{tok.useCount}</td>
              <td>
                {tok.revokedAt ? (
                  <Tag tone="grey">{t('revoked')}</Tag>
                ) : (
                  <Tag tone="green">{t('activeToken')}</Tag>
                )}
              </td>
              <td>
                {!tok.revokedAt && (
                  <Form action={`/account/tokens/${tok.id}/revoke`} class="inline">
                    <Button variant="warning">{t('revoke')}</Button>
                  </Form>
                )}
              </td>
            </tr>
          ))}
        </Table>
      )}
      <Panel title={t('createToken')}>
        <ErrorSummary errors={props.tokenErrors} />
        <Form action="/account/tokens">
          <TextInput
            name="name"
            label={t('tokenName')}
            hint={t('tokenNameHint')}
            error={props.tokenErrors?.name}
          />
          <Button variant="secondary">{t('createToken')}</Button>
        </Form>
      </Panel>
    </>
  );
}
