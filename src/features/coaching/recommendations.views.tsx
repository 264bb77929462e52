/** Pages of coaching recommendations: those not yet acted on (enrol in one step), and a new one. */
import { COACHING_KINDS } from '../../db/schema/coaching.ts';
import { formatDate, formatNumber } from '../../platform/format.ts';
import { str } from '../../platform/forms.ts';
import type { Page } from '../../platform/keyset.ts';
import { LEGAL_DOCUMENT_KINDS } from '../../platform/registry-domain.ts';
import {
  BackLink,
  Button,
  EmptyState,
  ErrorSummary,
  Form,
  PageHeading,
  Pagination,
  Radios,
  Select,
  Table,
  Tag,
  TextArea,
} from '../../platform/ui/components.tsx';
import { useView } from '../../platform/ui/view.ts';
import type { FieldErrors } from '../../platform/validation.ts';
import type { Region } from '../regions/regions.service.ts';
import { documentLabel } from '../registry/registry.messages.ts';
import type { RecommendationFilter } from './coaching.forms.ts';
import { kindHint, kindLabel, kindWord, sourceLabel } from './coaching.labels.ts';
import { coachingText } from './coaching.messages.ts';
import { programmeDates } from './coaching.views.tsx';
import type { RecommendationView } from './recommendations.service.ts';

export function RecommendationList(props: {
  page: Page<RecommendationView>;
  filter: RecommendationFilter;
  kabkota: Region[];
  provinceWide: boolean;
  errors?: FieldErrors | undefined;
  /** The recommendation a refused enrolment was for, to put its message beside it. */
  failedId?: string | undefined;
}) {
  const v = useView();
  const t = v.tr(coachingText);
  const names = new Map(props.kabkota.map((k) => [k.code, k.name]));
  const f = props.filter;
  return (
    <>
      <BackLink href="/coaching/programmes" label={t('title')} />
      <PageHeading title={t('recommendations')}>
        <p class="lead">{t('recommendationsIntro')}</p>
      </PageHeading>
      <ErrorSummary errors={props.errors} />
      <Form action="/coaching/recommendations" method="get" class="filters">
        <Select
          name="kind"
          label={t('kind')}
          value={f.kind}
          emptyLabel={t('allKinds')}
          options={COACHING_KINDS.map((k) => ({ value: k, label: kindLabel(k, v.lang) }))}
        />
        {props.provinceWide && (
          <Select
            name="kabkota"
            label={t('kabkota')}
            value={f.kabkota}
            emptyLabel={t('allKabkota')}
            options={props.kabkota.map((k) => ({ value: k.code, label: k.name }))}
          />
        )}
        <Button variant="secondary">{v.t('filter')}</Button>
      </Form>
      {props.page.rows.length === 0 ? (
        <EmptyState>{t('noRecommendations')}</EmptyState>
      ) : (
        <Table
          caption={t('recommendationList')}
          columns={[{ label: t('ikmName') }, { label: t('recommendation') }, { label: t('enrolIn') }]}
        >
          {props.page.rows.map((r) => {
            const selectId = `enrol-${r.id}`;
            const failed = props.failedId === r.id ? props.errors?.programmeId : undefined;
            return (
              <tr id={`rec-${r.id}`}>
                <td>
                  <a href={`/registry/ikm/${r.ikmId}`}>{r.ikmName}</a>
                  <br />
                  <span class="muted">{names.get(r.kabkotaCode) ?? r.kabkotaCode}</span>
                </td>
                <td>
                  <Tag tone="blue">{kindLabel(r.coachingKind, v.lang)}</Tag>
                  {r.certificationKind && <> {documentLabel(r.certificationKind, v.lang)}</>}
                  <p class="recommendation-text">{r.text}</p>
                  <span class="muted">
                    {sourceLabel(r.source, v.lang)}
                    {r.criterionCode ? ` · ${t('criterion')} ${r.criterionCode}` : ''}
                    {r.lostPoints !== null ? ` · −${formatNumber(Number(r.lostPoints), v.lang)}` : ''}
                    {` · ${formatDate(r.createdAt, v.lang)}`}
                  </span>
                </td>
                <td>
                  {r.matches.length > 0 ? (
                    <Form action={`/coaching/recommendations/${r.id}/enrol`} class="enrol-form">
                      <div class={failed ? 'field field-error' : 'field'}>
                        <label for={selectId}>{t('enrolIn')}</label>
                        {failed && <p class="error-message">{failed}</p>}
                        <select id={selectId} name="programmeId" class="input">
                          {r.matches.map((p) => (
                            <option value={p.id}>{`${p.title} (${programmeDates(p, v.lang)})`}</option>
                          ))}
                        </select>
                      </div>
                      <button
                        type="submit"
                        class="button button-primary"
                        aria-label={t('enrolLabel', { name: r.ikmName })}
                      >
                        {t('enrol')}
                      </button>
                    </Form>
                  ) : (
                    <p>
                      <span class="muted">
                        {t('noMatchingProgramme', { kind: kindWord(r.coachingKind, v.lang) })}
                      </span>
                      <br />
                      <a href={`/coaching/programmes/new?kind=${r.coachingKind}`}>
                        {t('createMatching', { kind: kindWord(r.coachingKind, v.lang) })}
                      </a>
                    </p>
                  )}
                  <Form action={`/coaching/recommendations/${r.id}/dismiss`} class="inline">
                    <button
                      type="submit"
                      class="link-button"
                      aria-label={t('dismissLabel', { name: r.ikmName })}
                    >
                      {t('dismiss')}
                    </button>
                  </Form>
                </td>
              </tr>
            );
          })}
        </Table>
      )}
      <Pagination next={props.page.next} prev={props.page.prev} />
    </>
  );
}

export function RecommendationFormPage(props: {
  ikm: { id: string; name: string };
  values: Record<string, unknown>;
  errors?: FieldErrors | undefined;
}) {
  const v = useView();
  const t = v.tr(coachingText);
  const { values, errors } = props;
  return (
    <>
      <BackLink href={`/registry/ikm/${props.ikm.id}`} />
      <PageHeading title={t('newRecommendation')} caption={props.ikm.name} />
      <ErrorSummary errors={errors} />
      <Form action="/coaching/recommendations">
        <input type="hidden" name="ikmId" value={props.ikm.id} />
        <Radios
          name="coachingKind"
          label={t('kind')}
          value={str(values, 'coachingKind')}
          error={errors?.coachingKind}
          options={COACHING_KINDS.map((k) => ({
            value: k,
            label: kindLabel(k, v.lang),
            hint: kindHint(k, v.lang),
          }))}
        />
        <Select
          name="certificationKind"
          label={t('certificationKind')}
          hint={t('certificationKindHint')}
          value={str(values, 'certificationKind')}
          error={errors?.certificationKind}
          emptyLabel=""
          options={LEGAL_DOCUMENT_KINDS.map((k) => ({ value: k, label: documentLabel(k, v.lang) }))}
          optional
        />
        <TextArea
          name="text"
          label={t('recommendationText')}
          hint={t('recommendationTextHint')}
          value={str(values, 'text')}
          error={errors?.text ?? errors?.ikmId}
          rows={3}
        />
        <Button>{t('newRecommendation')}</Button>
      </Form>
    </>
  );
}
