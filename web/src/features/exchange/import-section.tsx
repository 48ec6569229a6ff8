/** A FHIR bundle in: chosen, checked, previewed section by section, applied, and undone if wished. */
import { createSignal, For, Show } from 'solid-js';
import { IMPORT_ERROR_TEXT, type ImportError, type ImportPreview } from '../../../../shared/fhir/index.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { useApp } from '../../store/app-context.tsx';
import { createSubmit } from '../../ui/create-submit.ts';
import { errorText } from '../../ui/error-text.ts';
import { FieldError } from '../../ui/field-error.tsx';
import { useRecordText } from '../record/record-text.ts';
import { summarize } from '../record/summary.ts';
import { applyImport, previewFile, undoImport } from './exchange.ts';
import { loadFhirValidator } from './fhir-validator.ts';

export function ImportSection() {
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
