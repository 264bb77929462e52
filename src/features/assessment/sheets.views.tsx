import { str } from '../../platform/forms.ts';
import { formatDate, formatDateTime, formatNumber } from '../../platform/format.ts';
import {
  BackLink,
  Button,
  Checkbox,
  EmptyState,
  ErrorSummary,
  FileInput,
  fieldId,
  Form,
  LinkButton,
  PageHeading,
  Panel,
  Select,
  SummaryList,
  Table,
  Tag,
  TextArea,
  TextInput,
} from '../../platform/ui/components.tsx';
import { commodityLabel } from '../../platform/ui/commodity-labels.ts';
import { useView } from '../../platform/ui/view.ts';
import type { FieldErrors } from '../../platform/validation.ts';
import { versionLabel } from './rubrics.service.ts';
import { sheetsText } from './sheets.messages.ts';
import type { assessorNomination, MyAssignment, SheetRow, SheetView } from './sheets.service.ts';

function useText() {
  const v = useView();
  return { v, t: v.tr(sheetsText) };
}

function StatusTag(props: { status: 'draft' | 'submitted' | null }) {
  const { t } = useText();
  return props.status === 'submitted' ? (
    <Tag tone="green">{t('statusSubmitted')}</Tag>
  ) : (
    <Tag tone="yellow">{t('statusDraft')}</Tag>
  );
}

/** "Penugasan saya": the assessor's nominations with their sheet's progress (never anyone else's scores). */
export function MyAssignmentsPage(props: { rows: MyAssignment[] }) {
  const { v, t } = useText();
  return (
    <>
      <BackLink href="/assessment" />
      <PageHeading title={t('myAssignments')}>
        <p class="lead">{t('myAssignmentsIntro')}</p>
      </PageHeading>
      {props.rows.length === 0 ? (
        <EmptyState>{t('noAssignments')}</EmptyState>
      ) : (
        <Table
          caption={t('myAssignments')}
          captionHidden
          columns={[
            { label: t('colNomination') },
            { label: t('colCycle') },
            { label: t('colCommodity') },
            { label: t('colProgress') },
            { label: t('colSheet') },
          ]}
        >
          {props.rows.map((r) => (
            <tr>
              <td>
                <a href={`/assessment/assignments/${r.nominationId}`}>{r.product}</a>
                <br />
                <span class="muted">
                  {r.ikm} · {r.regency}
                </span>
              </td>
              <td>{r.cycleName}</td>
              <td>{commodityLabel(r.commodity, v.lang)}</td>
              <td>
                <progress max={r.criteria || 1} value={r.chosen} aria-hidden="true" />{' '}
                {t('progress', { done: r.chosen, total: r.criteria })}
              </td>
              <td>
                <StatusTag status={r.status} />{' '}
                {r.sheetId && (
                  <a href={`/assessment/sheets/${r.sheetId}`}>
                    {t('openSheet')}
                    <span class="visually-hidden"> {r.product}</span>
                  </a>
                )}
                {r.moderation && (
                  <>
                    <br />
                    <Tag tone="red">{t('moderationNeeded')}</Tag>{' '}
                    <a href={`/assessment/nominations/${r.nominationId}/moderation`}>
                      {t('openModeration')}
                      <span class="visually-hidden"> {r.product}</span>
                    </a>
                  </>
                )}
              </td>
            </tr>
          ))}
        </Table>
      )}
    </>
  );
}

type NominationData = Awaited<ReturnType<typeof assessorNomination>>;

/** The assigned nomination for its assessor: who, what, and its documents. */
export function AssessorNominationPage(props: NominationData) {
  const { v, t } = useText();
  const n = props.nomination;
  return (
    <>
      <BackLink href="/assessment/assignments" />
      <PageHeading title={n.product} caption={t('nominationCaption')}>
        <p class="action-row">
          <LinkButton href={`/assessment/sheets/${n.sheetId}`} variant="primary">
            {t('openSheet')}
          </LinkButton>{' '}
          <a href={`/assessment/sheets/${n.sheetId}/blank.pdf`}>{t('printBlank')}</a>
        </p>
      </PageHeading>
      <SummaryList
        rows={[
          { key: t('product'), value: n.product },
          { key: t('ikm'), value: n.ikm },
          { key: t('regency'), value: n.regency },
          { key: t('commodity'), value: commodityLabel(n.commodity, v.lang) },
          { key: t('cycle'), value: n.cycleName },
          ...(n.statement ? [{ key: t('statement'), value: n.statement }] : []),
        ]}
      />
      <h2>{t('documents')}</h2>
      {props.documents.length === 0 ? (
        <EmptyState>{t('noDocuments')}</EmptyState>
      ) : (
        <Table
          caption={t('documents')}
          captionHidden
          columns={[
            { label: t('colItem') },
            { label: t('colDocument') },
            { label: t('colNumber') },
            { label: t('colExpires') },
          ]}
        >
          {props.documents.map((d) => (
            <tr>
              <td>{(v.lang === 'en' ? d.itemLabelEn : d.itemLabel) ?? d.itemCode}</td>
              <td>
                <a href={`/assessment/assignments/${n.id}/documents/${d.id}`}>{d.fileName}</a>
              </td>
              <td>{d.documentNumber ?? '-'}</td>
              <td>{d.expiresOn ? formatDate(d.expiresOn, v.lang) : '-'}</td>
            </tr>
          ))}
        </Table>
      )}
    </>
  );
}

/** The score sheet: a level per criterion (descriptor shown), notes, site visit, paper flag; draft or locked. */
export function SheetPage(props: {
  view: SheetView;
  values: Record<string, unknown>;
  errors?: FieldErrors | undefined;
  current?: SheetRow | undefined;
}) {
  const { v, t } = useText();
  const { view } = props;
  const s = view.sheet;
  const n = view.nomination;
  const locked = s.status === 'submitted';
  const action = `/assessment/sheets/${s.id}`;
  const rubricName = versionLabel({ commodity: n.commodity, number: view.rubricNumber }, v.lang).label;
  const level = (code: string) => str(props.values, `level.${code}`);
  return (
    <>
      <BackLink href={`/assessment/assignments/${n.id}`} />
      <PageHeading
        title={t('sheetTitle', { product: n.product })}
        caption={t('sheetCaption', { cycle: n.cycleName, rubric: rubricName })}
      >
        <p>
          {n.ikm} · {n.regency} · <StatusTag status={s.status} />
        </p>
        <p class="action-row">
          <a href={`${action}/blank.pdf`}>{t('printBlank')}</a>
          {locked && (
            <>
              {' · '}
              <a href={`${action}/filled.pdf`}>{t('printFilled')}</a>
            </>
          )}
        </p>
        {!locked && <p class="lead">{t('sheetIntro')}</p>}
      </PageHeading>
      {locked && (
        <Panel title={t('lockedPanel')} tone="success">
          <p>
            {t('lockedBody', {
              when: formatDateTime(s.submittedAt, v.lang),
              total: formatNumber(s.total ?? 0, v.lang),
            })}
          </p>
        </Panel>
      )}
      {props.current && (
        <Panel title={t('staleTitle')} tone="warning">
          <p>{t('staleBody', { saved: formatDateTime(props.current.updatedAt, v.lang) })}</p>
        </Panel>
      )}
      <ErrorSummary errors={props.errors} />
      <Form action={action} id="sheet-form" class="score-sheet">
        <input type="hidden" name="version" value={str(props.values, 'version')} />
        {view.rubric.aspects.map((aspect) => (
          <section class="sheet-aspect">
            <h2>{t('aspect', { code: aspect.code, name: aspect.name[v.lang] })}</h2>
            {aspect.criteria.map((c) => {
              const name = `level.${c.code}`;
              const id = fieldId(name);
              const error = props.errors?.[name];
              const chosen = c.levels.find((l) => String(l.level) === level(c.code));
              return (
                <fieldset
                  class={error ? 'field field-error criterion' : 'field criterion'}
                  id={id}
                  aria-describedby={error ? `${id}-error` : undefined}
                >
                  <legend>
                    {t('criterionLegend', {
                      code: c.code,
                      name: c.name[v.lang],
                      weight: formatNumber(c.weight, v.lang),
                    })}
                  </legend>
                  {error && (
                    <p class="error-message" id={`${id}-error`}>
                      {error}
                    </p>
                  )}
                  {locked ? (
                    <p>
                      <strong>
                        {t('chosen', {
                          choice: chosen
                            ? t('levelOption', {
                                level: chosen.level,
                                label: chosen.label[v.lang],
                                points: formatNumber(chosen.points, v.lang),
                              })
                            : t('notChosen'),
                        })}
                      </strong>
                      {chosen && <span class="hint">{chosen.descriptor[v.lang]}</span>}
                    </p>
                  ) : (
                    [...c.levels]
                      .sort((a, b) => a.level - b.level)
                      .map((l) => (
                        <div class="radio">
                          <input
                            id={`${id}-${l.level}`}
                            type="radio"
                            name={name}
                            value={String(l.level)}
                            checked={String(l.level) === level(c.code)}
                          />
                          <label for={`${id}-${l.level}`}>
                            {t('levelOption', {
                              level: l.level,
                              label: l.label[v.lang],
                              points: formatNumber(l.points, v.lang),
                            })}
                            <span class="hint">{l.descriptor[v.lang]}</span>
                          </label>
                        </div>
                      ))
                  )}
                  {locked ? (
                    str(props.values, `note.${c.code}`) && (
                      <p class="muted">
                        {t('noteFor', { code: c.code })}: {str(props.values, `note.${c.code}`)}
                      </p>
                    )
                  ) : (
                    <TextArea
                      name={`note.${c.code}`}
                      label={t('noteFor', { code: c.code })}
                      optional
                      rows={2}
                      value={str(props.values, `note.${c.code}`)}
                    />
                  )}
                </fieldset>
              );
            })}
          </section>
        ))}
        {locked ? (
          <SummaryList
            rows={[
              { key: t('siteVisitDate'), value: s.siteVisitDate ? formatDate(s.siteVisitDate, v.lang) : '-' },
              { key: t('fromPaper'), value: s.fromPaper ? '✓' : '-' },
              { key: t('generalNote'), value: s.generalNote ?? '-' },
            ]}
          />
        ) : (
          <>
            <TextInput
              name="siteVisitDate"
              label={t('siteVisitDate')}
              hint={t('siteVisitHint')}
              optional
              width="short"
              value={str(props.values, 'siteVisitDate')}
              error={props.errors?.siteVisitDate}
            />
            <Checkbox
              name="fromPaper"
              label={t('fromPaper')}
              hint={t('fromPaperHint')}
              checked={!!props.values.fromPaper && props.values.fromPaper !== 'false'}
            />
            <TextArea
              name="generalNote"
              label={t('generalNote')}
              optional
              rows={4}
              value={str(props.values, 'generalNote')}
              error={props.errors?.generalNote}
            />
            <p
              class="autosave-status"
              id="autosave-status"
              aria-live="polite"
              data-saving={t('autosaveSaving')}
              data-saved={t('autosaveSaved', { time: '{time}' })}
              data-failed={t('autosaveFailed', { message: '{message}' })}
              hidden
            >
              {t('autosaveIdle')}
            </p>
            <p class="hint">{t('submitHint')}</p>
            <div class="button-group">
              <Button variant="secondary" name="intent" value="save">
                {t('saveDraft')}
              </Button>
              <Button name="intent" value="submit">
                {t('submit')}
              </Button>
            </div>
          </>
        )}
      </Form>
      <section class="sheet-evidence">
        <h2>{t('evidence')}</h2>
        {view.evidence.length === 0 ? (
          <p class="muted">{t('noEvidence')}</p>
        ) : (
          <ul class="evidence-grid">
            {view.evidence.map((e) => (
              <li>
                <img
                  src={`${action}/evidence/${e.id}`}
                  alt={t('evidenceAlt', { name: e.fileName })}
                  width="240"
                  loading="lazy"
                />
                <span class="hint">
                  {e.criterionCode ?? t('evidenceAny')} · {e.fileName}
                </span>
              </li>
            ))}
          </ul>
        )}
        {!locked && (
          <Form action={`${action}/evidence`} multipart id="evidence-form">
            <FileInput
              name="photo"
              label={t('evidencePhoto')}
              accept="image/jpeg,image/png,image/webp"
              error={props.errors?.photo}
            />
            <Select
              name="criterionCode"
              label={t('evidenceCriterion')}
              value=""
              options={[
                { value: '', label: t('evidenceAny') },
                ...view.rubric.aspects.flatMap((a) =>
                  a.criteria.map((c) => ({ value: c.code, label: `${c.code} ${c.name[v.lang]}` })),
                ),
              ]}
            />
            <Button variant="secondary">{t('evidenceUpload')}</Button>
          </Form>
        )}
      </section>
      {!locked && <script src="/static/js/sheet.js" defer />}
    </>
  );
}

/** The form values of a sheet as saved. */
export function sheetValues(view: SheetView): Record<string, unknown> {
  const out: Record<string, unknown> = {
    version: String(view.sheet.version),
    siteVisitDate: view.sheet.siteVisitDate ? view.sheet.siteVisitDate.split('-').reverse().join('/') : '',
    fromPaper: view.sheet.fromPaper ? 'on' : '',
    generalNote: view.sheet.generalNote ?? '',
  };
  for (const [code, e] of view.entries) {
    if (e.level !== null) out[`level.${code}`] = String(e.level);
    if (e.note) out[`note.${code}`] = e.note;
  }
  return out;
}
