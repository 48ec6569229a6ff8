/** The active profile out: the chosen sections as a FHIR IPS bundle, with or without files. */
import { createSignal, For, Show } from 'solid-js';
import { SECTION_KEYS, SECTIONS, type SectionKey } from '../../../../shared/fhir/index.ts';
import { SECTION_TITLES } from '../../../../shared/fhir/narrative.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { useApp } from '../../store/app-context.tsx';
import { createSubmit } from '../../ui/create-submit.ts';
import { download } from '../../ui/download.ts';
import { errorText } from '../../ui/error-text.ts';
import { exportBundle, exportProfile, summaryFileName } from './exchange.ts';

export function ExportSection() {
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
