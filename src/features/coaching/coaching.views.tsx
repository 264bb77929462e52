/** Pages of coaching programmes: the list, the form, a programme with its participants and outcomes. */
import { COACHING_KINDS, COACHING_LEVELS, FUNDING_SOURCES, OUTCOME_KINDS } from '../../db/schema/coaching.ts';
import { formatDate, formatNumber, formatRupiah, localDate } from '../../platform/format.ts';
import { listOf } from '../../platform/form-rows.ts';
import { str } from '../../platform/forms.ts';
import { translator } from '../../platform/i18n.ts';
import type { Page } from '../../platform/keyset.ts';
import { LEGAL_DOCUMENT_KINDS } from '../../platform/registry-domain.ts';
import {
  BackLink,
  Button,
  Checkbox,
  EmptyState,
  ErrorSummary,
  FileInput,
  Form,
  LinkButton,
  PageHeading,
  Pagination,
  Panel,
  Radios,
  Select,
  SummaryList,
  Table,
  Tag,
  TextArea,
  TextInput,
} from '../../platform/ui/components.tsx';
import { useView } from '../../platform/ui/view.ts';
import type { FieldErrors } from '../../platform/validation.ts';
import type { Region } from '../regions/regions.service.ts';
import { documentLabel } from '../registry/registry.messages.ts';
import type { ProgrammeFilter } from './coaching.forms.ts';
import {
  fundingLabel,
  kindHint,
  kindLabel,
  levelLabel,
  outcomeLabel,
  phaseLabel,
  phaseTone,
} from './coaching.labels.ts';
import { coachingLabels, coachingText } from './coaching.messages.ts';
import { PROGRAMME_PHASES, programmePhase } from './coaching.rules.ts';
import type { OutcomeView, ParticipantView } from './participants.service.ts';
import type { ProgrammeListRow, ProgrammeRow } from './programmes.service.ts';

export function PhaseTag(props: { programme: Pick<ProgrammeRow, 'startDate' | 'endDate'> }) {
  const v = useView();
  const phase = programmePhase(props.programme, localDate());
  return <Tag tone={phaseTone[phase]}>{phaseLabel(phase, v.lang)}</Tag>;
}

/** "1 Mar 2024 – 31 Agu 2024", or "from 1 Mar 2024" when open-ended. */
export function programmeDates(p: Pick<ProgrammeRow, 'startDate' | 'endDate'>, lang: 'id' | 'en'): string {
  const t = translator(coachingText, lang);
  return p.endDate
    ? `${formatDate(p.startDate, lang)} – ${formatDate(p.endDate, lang)}`
    : `${formatDate(p.startDate, lang)} – ${t('openEnded')}`;
}

/** The kind, with the certificate for a certification programme: "Sertifikasi: Sertifikat halal". */
export function kindText(p: Pick<ProgrammeRow, 'kind' | 'certificationKind'>, lang: 'id' | 'en'): string {
  return p.certificationKind
    ? `${kindLabel(p.kind, lang)}: ${documentLabel(p.certificationKind, lang)}`
    : kindLabel(p.kind, lang);
}

export function ProgrammeList(props: {
  page: Page<ProgrammeListRow>;
  filter: ProgrammeFilter;
  kabkota: Region[];
  years: number[];
  provinceWide: boolean;
  exportHref: string;
  filtered: boolean;
}) {
  const v = useView();
  const t = v.tr(coachingText);
  const f = props.filter;
  const names = new Map(props.kabkota.map((k) => [k.code, k.name]));
  return (
    <>
      <PageHeading title={t('title')}>
        <p class="lead">{t('intro')}</p>
        <p class="action-row">
          <LinkButton href="/coaching/programmes/new" variant="primary">
            {t('newProgramme')}
          </LinkButton>
          <LinkButton href="/coaching/recommendations">{t('recommendations')}</LinkButton>
        </p>
      </PageHeading>
      <Form action="/coaching/programmes" method="get" class="filters">
        <TextInput name="q" type="search" label={t('searchProgrammes')} value={f.q} width="medium" />
        <Select
          name="kind"
          label={t('kind')}
          value={f.kind}
          emptyLabel={t('allKinds')}
          options={COACHING_KINDS.map((k) => ({ value: k, label: kindLabel(k, v.lang) }))}
        />
        <Select
          name="funding"
          label={t('fundingSource')}
          value={f.funding}
          emptyLabel={t('allFunding')}
          options={FUNDING_SOURCES.map((k) => ({ value: k, label: fundingLabel(k, v.lang) }))}
        />
        <Select
          name="level"
          label={t('level')}
          value={f.level}
          emptyLabel={t('allLevels')}
          options={COACHING_LEVELS.map((k) => ({ value: k, label: levelLabel(k, v.lang) }))}
        />
        {props.provinceWide && (
          <Select
            name="owner"
            label={t('owner')}
            value={f.owner}
            emptyLabel={t('allKabkota')}
            options={[
              { value: 'province', label: t('provinceOwned') },
              ...props.kabkota.map((k) => ({ value: k.code, label: k.name })),
            ]}
          />
        )}
        <Select
          name="phase"
          label={t('status')}
          value={f.phase}
          emptyLabel={t('allPhases')}
          options={PROGRAMME_PHASES.map((p) => ({ value: p, label: phaseLabel(p, v.lang) }))}
        />
        <Select
          name="year"
          label={t('year')}
          value={f.year ? String(f.year) : ''}
          emptyLabel={t('allYears')}
          options={props.years.map((y) => ({ value: String(y), label: String(y) }))}
        />
        <Button variant="secondary">{v.t('filter')}</Button>
      </Form>
      {props.page.rows.length === 0 ? (
        <EmptyState>{props.filtered ? t('noProgrammesMatch') : t('noProgrammes')}</EmptyState>
      ) : (
        <>
          <p>
            <a href={props.exportHref}>{t('exportListXlsx')}</a>
          </p>
          <Table
            caption={t('programmeList')}
            columns={[
              { label: t('programmeTitle') },
              { label: t('kind') },
              { label: t('dates') },
              { label: t('fundingSource') },
              { label: t('participantCount'), numeric: true },
              { label: t('outcomeCount'), numeric: true },
              { label: t('status') },
            ]}
          >
            {props.page.rows.map((p) => (
              <tr>
                <td>
                  <a href={`/coaching/programmes/${p.id}`}>{p.title}</a>
                  <br />
                  <span class="muted">
                    {levelLabel(p.level, v.lang)}
                    {p.kabkotaCode ? ` · ${names.get(p.kabkotaCode) ?? p.kabkotaCode}` : ''}
                  </span>
                </td>
                <td>{kindText(p, v.lang)}</td>
                <td>{programmeDates(p, v.lang)}</td>
                <td>{fundingLabel(p.fundingSource, v.lang)}</td>
                <td class="numeric">{formatNumber(p.participantCount, v.lang)}</td>
                <td class="numeric">{formatNumber(p.outcomeCount, v.lang)}</td>
                <td>
                  <PhaseTag programme={p} />
                </td>
              </tr>
            ))}
          </Table>
        </>
      )}
      <Pagination next={props.page.next} prev={props.page.prev} />
    </>
  );
}

/** The values a programme's edit form starts from. */
export function programmeFormValues(p: ProgrammeRow, partnerIds: string[]): Record<string, unknown> {
  return {
    title: p.title,
    kind: p.kind,
    certificationKind: p.certificationKind ?? '',
    fundingSource: p.fundingSource,
    level: p.level,
    kabkotaCode: p.kabkotaCode ?? '',
    startDate: p.startDate,
    endDate: p.endDate ?? '',
    budgetRp: p.budgetRp === null ? '' : p.budgetRp.toString(),
    venue: p.venue ?? '',
    organiser: p.organiser ?? '',
    description: p.description ?? '',
    partnerIds,
  };
}

export function ProgrammeFormPage(props: {
  programme?: ProgrammeRow | undefined;
  values: Record<string, unknown>;
  errors?: FieldErrors | undefined;
  current?: ProgrammeRow | undefined;
  kabkota: Region[];
  stakeholders: { id: string; name: string }[];
  /** The kab/kota a kab/kota officer's programmes belong to; null for the province. */
  fixedKabkota: Region | null;
}) {
  const v = useView();
  const t = v.tr(coachingText);
  const { programme, values, errors } = props;
  const chosen = new Set(listOf(values.partnerIds));
  return (
    <>
      <BackLink href={programme ? `/coaching/programmes/${programme.id}` : '/coaching/programmes'} />
      <PageHeading title={programme ? t('editProgramme') : t('newProgramme')} caption={programme?.title} />
      {props.current && (
        <Panel title={v.t('staleTitle')} tone="warning">
          <p>{v.t('staleBody')}</p>
          <h3>{v.t('theirVersion')}</h3>
          <SummaryList
            rows={[
              { key: t('programmeTitle'), value: props.current.title },
              { key: t('kind'), value: kindText(props.current, v.lang) },
              { key: t('dates'), value: programmeDates(props.current, v.lang) },
              {
                key: t('budget'),
                value: props.current.budgetRp === null ? '—' : formatRupiah(props.current.budgetRp, v.lang),
              },
            ]}
          />
        </Panel>
      )}
      <ErrorSummary errors={errors} />
      <Form action={programme ? `/coaching/programmes/${programme.id}` : '/coaching/programmes'}>
        {programme && (
          <input type="hidden" name="version" value={String(props.current?.version ?? programme.version)} />
        )}
        <TextInput
          name="title"
          label={t('programmeTitle')}
          value={str(values, 'title')}
          error={errors?.title}
        />
        <Radios
          name="kind"
          label={t('kind')}
          value={str(values, 'kind')}
          error={errors?.kind}
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
        />
        <Select
          name="fundingSource"
          label={t('fundingSource')}
          value={str(values, 'fundingSource')}
          error={errors?.fundingSource}
          emptyLabel=""
          options={FUNDING_SOURCES.map((k) => ({ value: k, label: fundingLabel(k, v.lang) }))}
        />
        {props.fixedKabkota ? (
          <p class="hint">{t('ownerFixed', { region: props.fixedKabkota.name })}</p>
        ) : (
          <>
            <Radios
              name="level"
              label={t('level')}
              hint={t('levelHint')}
              value={str(values, 'level')}
              error={errors?.level}
              options={COACHING_LEVELS.map((k) => ({ value: k, label: levelLabel(k, v.lang) }))}
            />
            <Select
              name="kabkotaCode"
              label={t('owner')}
              hint={t('ownerHint')}
              value={str(values, 'kabkotaCode')}
              error={errors?.kabkotaCode}
              emptyLabel=""
              options={props.kabkota.map((k) => ({ value: k.code, label: k.name }))}
            />
          </>
        )}
        <TextInput
          name="startDate"
          type="date"
          label={t('startDate')}
          hint={t('dateHint')}
          value={str(values, 'startDate')}
          error={errors?.startDate}
          width="medium"
        />
        <TextInput
          name="endDate"
          type="date"
          label={t('endDate')}
          hint={t('endDateHint')}
          value={str(values, 'endDate')}
          error={errors?.endDate}
          width="medium"
          optional
        />
        <TextInput
          name="budgetRp"
          label={t('budget')}
          hint={t('budgetHint')}
          value={str(values, 'budgetRp')}
          error={errors?.budgetRp}
          inputmode="numeric"
          width="medium"
          optional
        />
        <TextInput
          name="venue"
          label={t('venue')}
          value={str(values, 'venue')}
          error={errors?.venue}
          optional
        />
        <TextInput
          name="organiser"
          label={t('organiser')}
          value={str(values, 'organiser')}
          error={errors?.organiser}
          optional
        />
        <TextArea
          name="description"
          label={t('description')}
          value={str(values, 'description')}
          error={errors?.description}
          rows={4}
          optional
        />
        <fieldset class={errors?.partnerIds ? 'field field-error' : 'field'} id="f-partnerIds">
          <legend>
            {t('partners')} <span class="muted">{v.t('optional')}</span>
          </legend>
          <div class="hint">{t('partnersHint')}</div>
          {errors?.partnerIds && <p class="error-message">{errors.partnerIds}</p>}
          {props.stakeholders.length === 0 ? (
            <p class="muted">{t('noStakeholders')}</p>
          ) : (
            <div class="checkbox-columns">
              {props.stakeholders.map((s) => (
                <Checkbox name="partnerIds" value={s.id} label={s.name} checked={chosen.has(s.id)} />
              ))}
            </div>
          )}
        </fieldset>
        <Button>{programme ? v.t('save') : t('newProgramme')}</Button>
      </Form>
    </>
  );
}

function OutcomeItem(props: { outcome: OutcomeView; programmeId: string; ikmName: string; canAct: boolean }) {
  const v = useView();
  const t = v.tr(coachingText);
  const o = props.outcome;
  const kind = o.documentKind
    ? `${outcomeLabel(o.kind, v.lang)}: ${documentLabel(o.documentKind, v.lang)}`
    : outcomeLabel(o.kind, v.lang);
  return (
    <li class="outcome">
      <strong>{kind}</strong>
      {o.evidenceNumber && <> · {o.evidenceNumber}</>} · {formatDate(o.achievedOn, v.lang)}
      {o.valueRp !== null && <> · {formatRupiah(o.valueRp, v.lang)}</>}
      {o.legalDocumentId && (
        <>
          {' '}
          · <a href={`/registry/ikm/${o.ikmId}#documents`}>{t('legalDocumentLink')}</a>
        </>
      )}
      {o.description && <div class="muted">{o.description}</div>}
      {o.photos.length > 0 && (
        <ul class="photo-grid outcome-photos">
          {o.photos.map((p) => (
            <li>
              <a href={`/coaching/photos/${p.id}/display`}>
                <img
                  src={`/coaching/photos/${p.id}/thumb`}
                  alt={t('photoOf', { name: props.ikmName })}
                  width="160"
                  loading="lazy"
                />
              </a>
            </li>
          ))}
        </ul>
      )}
      {props.canAct && (
        <Form action={`/coaching/outcomes/${o.id}/archive`} class="inline">
          <button
            type="submit"
            class="link-button"
            aria-label={t('archiveOutcomeLabel', { kind, name: props.ikmName })}
          >
            {t('archiveOutcome')}
          </button>
        </Form>
      )}
    </li>
  );
}

export interface Candidate {
  id: string;
  name: string;
  kabkotaCode: string;
  desa: string | null;
  enrolled: boolean;
}

export function ProgrammePage(props: {
  programme: ProgrammeRow;
  partners: { id: string; name: string }[];
  participants: ParticipantView[];
  kabkota: Region[];
  canManage: boolean;
  /** Whether the actor may enrol IKMs at all (a province admin, or an officer for their own IKMs). */
  canEnrol: boolean;
  q?: string | undefined;
  candidates?: Candidate[] | undefined;
  errors?: FieldErrors | undefined;
}) {
  const v = useView();
  const t = v.tr(coachingText);
  const labels = v.tr(coachingLabels);
  const p = props.programme;
  const base = `/coaching/programmes/${p.id}`;
  const names = new Map(props.kabkota.map((k) => [k.code, k.name]));
  return (
    <>
      <BackLink href="/coaching/programmes" label={t('title')} />
      <PageHeading title={p.title} caption={kindText(p, v.lang)}>
        <p>
          <PhaseTag programme={p} />
        </p>
      </PageHeading>
      <ErrorSummary errors={props.errors} />
      <div class="action-row">
        {props.canManage && <LinkButton href={`${base}/edit`}>{t('editProgramme')}</LinkButton>}
        <LinkButton href={`${base}/export.xlsx`}>{t('exportXlsx')}</LinkButton>
        {props.canManage && (
          <Form action={`${base}/archive`} class="inline">
            <Button variant="warning">{t('archive')}</Button>
          </Form>
        )}
      </div>
      <h2>{t('details')}</h2>
      <SummaryList
        rows={[
          { key: t('kind'), value: kindText(p, v.lang) },
          { key: t('fundingSource'), value: fundingLabel(p.fundingSource, v.lang) },
          {
            key: t('level'),
            value: `${levelLabel(p.level, v.lang)}${p.kabkotaCode ? ` · ${names.get(p.kabkotaCode) ?? p.kabkotaCode}` : ''}`,
          },
          { key: t('dates'), value: programmeDates(p, v.lang) },
          { key: t('budget'), value: p.budgetRp === null ? '—' : formatRupiah(p.budgetRp, v.lang) },
          { key: t('venue'), value: p.venue ?? '—' },
          { key: t('organiser'), value: p.organiser ?? '—' },
          {
            key: t('partners'),
            value: props.partners.length ? props.partners.map((s) => s.name).join('; ') : t('noPartners'),
          },
          ...(p.description
            ? [{ key: t('description'), value: <span class="pre-line">{p.description}</span> }]
            : []),
        ]}
      />
      <h2 id="participants">
        {t('participants')} ({formatNumber(props.participants.length, v.lang)})
      </h2>
      {props.participants.length === 0 ? (
        <EmptyState>{t('noParticipants')}</EmptyState>
      ) : (
        <Table
          caption={t('participantList')}
          captionHidden
          columns={[
            { label: t('ikmName') },
            { label: t('kabkota') },
            { label: t('outcomes') },
            { label: '' },
          ]}
        >
          {props.participants.map((x) => (
            <tr>
              <td>
                <a href={`/registry/ikm/${x.ikmId}`}>{x.ikmName}</a>
                <br />
                <span class="muted">{labels(`enrolled_${x.source}`)}</span>
              </td>
              <td>{names.get(x.kabkotaCode) ?? x.kabkotaCode}</td>
              <td>
                {x.outcomes.length === 0 ? (
                  <span class="muted">{t('noOutcomeYet')}</span>
                ) : (
                  <ul class="outcome-list">
                    {x.outcomes.map((o) => (
                      <OutcomeItem outcome={o} programmeId={p.id} ikmName={x.ikmName} canAct={x.canAct} />
                    ))}
                  </ul>
                )}
              </td>
              <td>
                {x.canAct && (
                  <>
                    <a href={`${base}/outcomes/new?ikm=${x.ikmId}`}>{t('recordOutcome')}</a>
                    {x.outcomes.length === 0 && (
                      <Form action={`${base}/participants/${x.id}/remove`} class="inline">
                        <button
                          type="submit"
                          class="link-button"
                          aria-label={t('removeParticipantLabel', { name: x.ikmName })}
                        >
                          {t('removeParticipant')}
                        </button>
                      </Form>
                    )}
                  </>
                )}
              </td>
            </tr>
          ))}
        </Table>
      )}
      {props.canEnrol && (
        <section class="add-participants" aria-labelledby="add-participants-title">
          <h2 id="add-participants-title">{t('addParticipants')}</h2>
          <Form action={`${base}#add-participants-title`} method="get" class="filters">
            <TextInput
              name="q"
              type="search"
              label={t('searchIkm')}
              hint={t('searchIkmHint')}
              value={props.q}
              width="medium"
            />
            <Button variant="secondary">{t('findIkm')}</Button>
          </Form>
          {props.candidates &&
            (props.candidates.length === 0 ? (
              <EmptyState>{t('noCandidates')}</EmptyState>
            ) : (
              <Form action={`${base}/participants`}>
                <fieldset class={props.errors?.ikmIds ? 'field field-error' : 'field'} id="f-ikmIds">
                  <legend>{t('candidates')}</legend>
                  {props.errors?.ikmIds && <p class="error-message">{props.errors.ikmIds}</p>}
                  <div class="checkbox-columns">
                    {props.candidates.map((c) =>
                      c.enrolled ? (
                        <p class="muted">
                          {c.name} ({t('alreadyParticipant')})
                        </p>
                      ) : (
                        <Checkbox
                          name="ikmIds"
                          value={c.id}
                          label={c.name}
                          hint={[names.get(c.kabkotaCode) ?? c.kabkotaCode, c.desa]
                            .filter(Boolean)
                            .join(', ')}
                        />
                      ),
                    )}
                  </div>
                </fieldset>
                <Button>{t('addSelected')}</Button>
              </Form>
            ))}
        </section>
      )}
    </>
  );
}

export function OutcomeFormPage(props: {
  programme: ProgrammeRow;
  participants: { ikmId: string; ikmName: string }[];
  values: Record<string, unknown>;
  errors?: FieldErrors | undefined;
  uploadMaxMb: number;
}) {
  const v = useView();
  const t = v.tr(coachingText);
  const { programme, values, errors } = props;
  const chosen = props.participants.find((x) => x.ikmId === str(values, 'ikmId'));
  return (
    <>
      <BackLink href={`/coaching/programmes/${programme.id}#participants`} />
      <PageHeading
        title={chosen ? t('recordOutcomeFor', { name: chosen.ikmName }) : t('recordOutcome')}
        caption={programme.title}
      />
      <ErrorSummary errors={errors} />
      <Form action={`/coaching/programmes/${programme.id}/outcomes`} multipart>
        <Select
          name="ikmId"
          label={t('outcomeIkm')}
          value={str(values, 'ikmId')}
          error={errors?.ikmId}
          emptyLabel=""
          options={props.participants.map((x) => ({ value: x.ikmId, label: x.ikmName }))}
        />
        <Radios
          name="kind"
          label={t('outcomeKind')}
          value={str(values, 'kind')}
          error={errors?.kind}
          options={OUTCOME_KINDS.map((k) => ({ value: k, label: outcomeLabel(k, v.lang) }))}
        />
        <Select
          name="documentKind"
          label={t('documentKind')}
          value={str(values, 'documentKind')}
          error={errors?.documentKind}
          emptyLabel=""
          options={LEGAL_DOCUMENT_KINDS.map((k) => ({ value: k, label: documentLabel(k, v.lang) }))}
          optional
        />
        <TextInput
          name="evidenceNumber"
          label={t('evidenceNumber')}
          hint={t('evidenceNumberHint')}
          value={str(values, 'evidenceNumber')}
          error={errors?.evidenceNumber}
          optional
        />
        <TextInput
          name="achievedOn"
          type="date"
          label={t('achievedOn')}
          hint={t('dateHint')}
          value={str(values, 'achievedOn')}
          error={errors?.achievedOn}
          width="medium"
        />
        <TextArea
          name="description"
          label={t('outcomeDescription')}
          value={str(values, 'description')}
          error={errors?.description}
          rows={3}
          optional
        />
        <TextInput
          name="valueRp"
          label={t('outcomeValue')}
          hint={t('outcomeValueHint')}
          value={str(values, 'valueRp')}
          error={errors?.valueRp}
          inputmode="numeric"
          width="medium"
          optional
        />
        <fieldset class="form-section">
          <legend>{t('legalDocumentLink')}</legend>
          <div class={errors?.recordDocument ? 'field field-error' : 'field'} id="f-recordDocument">
            {errors?.recordDocument && <p class="error-message">{errors.recordDocument}</p>}
            <Checkbox
              name="recordDocument"
              label={t('recordDocument')}
              hint={t('recordDocumentHint')}
              checked={values.recordDocument === 'on' || values.recordDocument === true}
            />
          </div>
          <TextInput
            name="documentIssuer"
            label={t('documentIssuer')}
            value={str(values, 'documentIssuer')}
            error={errors?.documentIssuer}
            optional
          />
          <TextInput
            name="documentExpiryDate"
            type="date"
            label={t('documentExpiryDate')}
            value={str(values, 'documentExpiryDate')}
            error={errors?.documentExpiryDate}
            width="medium"
            optional
          />
        </fieldset>
        <FileInput
          name="photos"
          label={t('photos')}
          hint={t('photosHint', { max: props.uploadMaxMb })}
          error={errors?.photos}
          accept="image/jpeg,image/png,image/webp"
          multiple
          optional
        />
        <Button>{t('recordOutcome')}</Button>
      </Form>
    </>
  );
}
