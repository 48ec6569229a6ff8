import { createSignal, For, Show } from 'solid-js';
import {
  IMPORT_ERROR_TEXT,
  type ImportError,
  type ImportPreview,
  SECTION_KEYS,
  SECTIONS,
  type SectionKey,
} from '../../../../shared/fhir/index.ts';
import { SECTION_TITLES } from '../../../../shared/fhir/narrative.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { useApp } from '../../store/app-context.tsx';
import { createSubmit } from '../../ui/create-submit.ts';
import { download } from '../../ui/download.ts';
import { errorText } from '../../ui/error-text.ts';
import { FieldError } from '../../ui/field-error.tsx';
import { NoProfile } from '../record/no-profile.tsx';
import { useRecordText } from '../record/record-text.ts';
import { summarize } from '../record/summary.ts';
import {
  applyImport,
  exportBundle,
  exportProfile,
  previewFile,
  summaryFileName,
  undoImport,
} from './exchange.ts';
import { loadFhirValidator } from './fhir-validator.ts';
import './exchange.css';

/** `/exchange`: the active profile out as a FHIR IPS, and a FHIR Bundle in, previewed first. */
export function ExchangePage() {
  const app = useApp();
  const { t } = useI18n();
  return (
    <Show when={app.activeProfile()} fallback={<NoProfile title={t('exchange.title')} />}>
      {(profile) => (
        <div class="stack exchange-page">
          <h1>{t('exchange.title')}</h1>
          <p>{t('exchange.whose', { name: profile().profile.displayName })}</p>
          <ExportSection />
          <ImportSection />
        </div>
      )}
    </Show>
  );
}

function ExportSection() {
  const app = useApp();
  const { t, locale, formatDate } = useI18n();
  const [chosen, setChosen] = createSignal<ReadonlySet<SectionKey>>(new Set(SECTION_KEYS));
  const [patientDetails, setPatientDetails] = createSignal(true);
  const [includeFiles, setIncludeFiles] = createSignal(false);
  const [outcome, setOutcome] = createSignal<string | null>(null);
  const [failure, setFailure] = createSignal<string | null>(null);

  const toggle = (key: SectionKey, on: boolean) => {
    const next = new Set(chosen());
    if (on) next.add(key);
    else next.delete(key);
    setChosen(next);
  };

  const { busy, submit } = createSubmit({
    clear: () => {
      setOutcome(null);
      setFailure(null);
    },
    run: async () => {
      const now = new Date();
      const json = await exportProfile(
        app,
        { sections: [...chosen()], patientDetails: patientDetails(), includeFiles: includeFiles() },
        now,
      );
      const name = summaryFileName(app.activeProfile()?.profile.displayName ?? '', now, 'json');
      download(new Blob([json], { type: 'application/fhir+json' }), name);
      const count = (JSON.parse(json) as { entry?: unknown[] }).entry?.length ?? 0;
      setOutcome(t('exchange.export.done', { file: name, count }));
      await app.noteDeviceEvent('export-made', app.activeProfile()?.id);
    },
    fail: (error) => setFailure(t('exchange.export.failed', { detail: errorText(t, error) })),
  });

  const choice = () => ({
    sections: [...chosen()],
    patientDetails: patientDetails(),
    includeFiles: false,
  });
  // A second action of the same form (the section choices): a button of its own, not a submit.
  const [pdfBusy, setPdfBusy] = createSignal(false);
  async function makePdf(): Promise<void> {
    if (pdfBusy()) return;
    setOutcome(null);
    setFailure(null);
    setPdfBusy(true);
    try {
      const now = new Date();
      const [bundle, { summaryPdf }] = await Promise.all([
        exportBundle(app, choice(), now, locale()),
        import('./summary-pdf.ts'),
      ]);
      const bytes = await summaryPdf(bundle, {
        title: t('exchange.pdf.title'),
        born: t('exchange.pdf.born'),
        madeOn: t('exchange.pdf.madeOn'),
        disclaimer: t('exchange.pdf.disclaimer'),
        page: (n, m) => t('exchange.pdf.page', { n, m }),
        formatDate: (value) => formatDate(value, { dateStyle: 'long' }),
      });
      const name = summaryFileName(app.activeProfile()?.profile.displayName ?? '', now, 'pdf');
      download(new Blob([bytes as BlobPart], { type: 'application/pdf' }), name);
      setOutcome(t('exchange.export.pdfDone', { file: name }));
      await app.noteDeviceEvent('export-made', app.activeProfile()?.id);
    } catch (error) {
      setFailure(t('exchange.export.failed', { detail: errorText(t, error) }));
    } finally {
      setPdfBusy(false);
    }
  }

  return (
    <section class="card stack" aria-labelledby="exchange-export">
      <h2 id="exchange-export">{t('exchange.export.title')}</h2>
      <p>{t('exchange.export.intro')}</p>
      <form class="stack" onSubmit={submit}>
        <fieldset class="exchange-sections">
          <legend>{t('exchange.export.sections')}</legend>
          <For each={SECTION_KEYS}>
            {(key) => (
              <label class="exchange-check">
                <input
                  type="checkbox"
                  checked={SECTIONS[key].required || chosen().has(key)}
                  disabled={SECTIONS[key].required}
                  onChange={(event) => toggle(key, event.currentTarget.checked)}
                />
                <span>
                  {SECTION_TITLES[locale()][key]}
                  <Show when={SECTIONS[key].required}> ({t('exchange.export.required')})</Show>
                </span>
              </label>
            )}
          </For>
        </fieldset>
        <label class="exchange-check">
          <input
            type="checkbox"
            checked={patientDetails()}
            onChange={(event) => setPatientDetails(event.currentTarget.checked)}
          />
          <span>{t('exchange.export.patientDetails')}</span>
        </label>
        <label class="exchange-check">
          <input
            type="checkbox"
            checked={includeFiles()}
            disabled={!chosen().has('documents')}
            onChange={(event) => setIncludeFiles(event.currentTarget.checked)}
          />
          <span>{t('exchange.export.includeFiles')}</span>
        </label>
        <p class="field__hint">{t('exchange.export.notExported')}</p>
        <div class="form-actions">
          <button type="submit" class="button" disabled={busy()}>
            {busy() ? t('exchange.export.working') : t('exchange.export.submit')}
          </button>
          <button
            type="button"
            class="button button--secondary"
            disabled={pdfBusy()}
            onClick={() => void makePdf()}
          >
            {pdfBusy() ? t('exchange.export.pdfWorking') : t('exchange.export.pdf')}
          </button>
        </div>
        <p class="field__hint">{t('exchange.export.pdfNote')}</p>
        <p role="status" classList={{ message: outcome() !== null }}>
          {outcome() ?? ''}
        </p>
        <Show when={failure()}>
          <p role="alert" class="message message--error">
            {failure()}
          </p>
        </Show>
      </form>
    </section>
  );
}

function ImportSection() {
  const app = useApp();
  const { t, locale, formatNumber } = useI18n();
  const text = useRecordText();
  const [file, setFile] = createSignal<File | null>(null);
  const [fileError, setFileError] = createSignal<string | null>(null);
  const [refusal, setRefusal] = createSignal<ImportError | null>(null);
  const [preview, setPreview] = createSignal<{ preview: ImportPreview; warnings: number } | null>(null);
  const [outcome, setOutcome] = createSignal<string | null>(null);
  const [failure, setFailure] = createSignal<string | null>(null);
  const [added, setAdded] = createSignal<readonly string[]>([]);
  let previewHeading: HTMLHeadingElement | undefined;

  const reset = () => {
    setRefusal(null);
    setPreview(null);
    setFailure(null);
  };

  const check = createSubmit({
    clear: () => {
      reset();
      setOutcome(null);
      setFileError(null);
    },
    validate: () => {
      if (!file()) setFileError(t('exchange.import.chooseFile'));
      return file() !== null;
    },
    run: async () => {
      const chosen = file();
      if (!chosen) return;
      const [bytes, validate] = await Promise.all([
        chosen.arrayBuffer().then((b) => new Uint8Array(b)),
        loadFhirValidator(),
      ]);
      const result = previewFile(app, bytes, validate, new Date().toISOString().slice(0, 10));
      if (!result.ok) {
        setRefusal(result.error);
        return;
      }
      setPreview({ preview: result.preview, warnings: result.warnings.length });
      previewHeading?.focus();
    },
    fail: (error) => setFailure(errorText(t, error)),
  });

  const write = createSubmit({
    run: async () => {
      const ready = preview();
      if (!ready) return;
      try {
        const result = await applyImport(app, ready.preview);
        setAdded(result.added);
        setPreview(null);
        setOutcome(t('exchange.import.done', { records: result.records, files: result.files }));
      } catch (error) {
        setFailure(t('exchange.import.failed', { detail: errorText(t, error) }));
      }
    },
  });

  const undo = createSubmit({
    run: async () => {
      await undoImport(app, added());
      setAdded([]);
      setOutcome(t('exchange.import.undone'));
    },
    fail: (error) => setFailure(errorText(t, error)),
  });

  const count = (n: number) => formatNumber(n);
  const addable = () => (preview()?.preview.toAdd.length ?? 0) + newFiles();
  const newFiles = () => preview()?.preview.files.filter((f) => !f.existingId).length ?? 0;

  return (
    <section class="card stack" aria-labelledby="exchange-import">
      <h2 id="exchange-import">{t('exchange.import.title')}</h2>
      <p>{t('exchange.import.intro')}</p>
      <form class="stack" onSubmit={check.submit} novalidate>
        <div class="field">
          <label for="exchange-file">{t('exchange.import.file')}</label>
          <input
            id="exchange-file"
            type="file"
            accept=".json,application/fhir+json,application/json"
            aria-invalid={fileError() ? 'true' : undefined}
            aria-describedby={fileError() ? 'exchange-file-error exchange-file-hint' : 'exchange-file-hint'}
            onChange={(event) => {
              setFile(event.currentTarget.files?.[0] ?? null);
              setFileError(null);
              setOutcome(null);
              reset();
            }}
          />
          <p class="field__hint" id="exchange-file-hint">
            {t('exchange.import.fileHint')}
          </p>
          <FieldError id="exchange-file-error" text={fileError()} />
        </div>
        <div class="form-actions">
          <button type="submit" class="button button--secondary" disabled={check.busy()}>
            {check.busy() ? t('exchange.import.checking') : t('exchange.import.check')}
          </button>
        </div>
      </form>
      <Show when={refusal()}>
        {(error) => (
          <div role="alert" class="message message--error stack">
            <p>{IMPORT_ERROR_TEXT[error().reason][locale()]}</p>
            <Show when={error().issues.length > 0}>
              <p>{t('exchange.import.issues')}</p>
              <ul class="exchange-issues">
                <For each={error().issues.slice(0, 10)}>
                  {(issue) => (
                    <li>
                      <code>{issue.path}</code> — {issue.message}
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          </div>
        )}
      </Show>
      <Show when={preview()}>
        {(ready) => (
          <div class="stack exchange-preview">
            <h3 tabindex="-1" ref={previewHeading}>
              {t('exchange.import.preview')}
            </h3>
            <ul class="exchange-counts">
              <li>{t('exchange.import.toAdd', { count: count(ready().preview.toAdd.length) })}</li>
              <li>{t('exchange.import.files', { count: count(newFiles()) })}</li>
              <li>{t('exchange.import.duplicates', { count: count(ready().preview.duplicates.length) })}</li>
              <li>{t('exchange.import.unmapped', { count: count(ready().preview.unmapped.length) })}</li>
              <Show when={ready().warnings > 0}>
                <li>{t('exchange.import.warnings', { count: count(ready().warnings) })}</li>
              </Show>
            </ul>
            <Show when={ready().preview.toAdd.length > 0}>
              <ul class="exchange-items">
                <For each={ready().preview.toAdd}>
                  {(item) => {
                    const summary = summarize(item.record, text);
                    return (
                      <li>
                        <span class="exchange-items__kind">{text.tr(`kindTitles.${item.record.kind}`)}</span>{' '}
                        <strong>{summary.title}</strong>
                        <Show when={summary.details.length > 0}> — {summary.details.join(' · ')}</Show>
                        <Show when={item.asNote}>
                          <span class="exchange-items__note"> ({t('exchange.import.asNote')})</span>
                        </Show>
                        <Show when={item.assumed.length > 0}>
                          <span class="exchange-items__note">
                            {' '}
                            ({t('exchange.import.assumed', { fields: item.assumed.join(', ') })})
                          </span>
                        </Show>
                        <Show when={item.dropped.length > 0}>
                          <span class="exchange-items__note">
                            {' '}
                            ({t('exchange.import.dropped', { fields: item.dropped.join(', ') })})
                          </span>
                        </Show>
                      </li>
                    );
                  }}
                </For>
              </ul>
            </Show>
            <Show when={ready().preview.unmapped.length > 0}>
              <ul class="exchange-items exchange-items--unmapped">
                <For each={ready().preview.unmapped}>
                  {(u) => (
                    <li>
                      {u.resource.resourceType}: {t(`exchange.import.reasons.${u.reason}`)}
                    </li>
                  )}
                </For>
              </ul>
            </Show>
            <Show when={addable() > 0} fallback={<p>{t('exchange.import.nothing')}</p>}>
              <form onSubmit={write.submit} class="form-actions">
                <button type="submit" class="button" disabled={write.busy()}>
                  {write.busy()
                    ? t('exchange.import.importing')
                    : t('exchange.import.confirm', {
                        count: count(addable()),
                        name: app.activeProfile()?.profile.displayName ?? '',
                      })}
                </button>
                <button type="button" class="button button--secondary" onClick={() => setPreview(null)}>
                  {t('exchange.import.cancel')}
                </button>
              </form>
            </Show>
          </div>
        )}
      </Show>
      <p role="status" classList={{ message: outcome() !== null }}>
        {outcome() ?? ''}
      </p>
      <Show when={added().length > 0}>
        <form onSubmit={undo.submit} class="form-actions">
          <button type="submit" class="button button--secondary" disabled={undo.busy()}>
            {undo.busy() ? t('exchange.import.undoing') : t('exchange.import.undo')}
          </button>
        </form>
      </Show>
      <Show when={failure()}>
        <p role="alert" class="message message--error">
          {failure()}
        </p>
      </Show>
    </section>
  );
}
