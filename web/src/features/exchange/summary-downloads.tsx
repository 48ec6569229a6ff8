/**
 * "Download the FHIR summary" and "PDF summary" for records the caller holds: the practitioner's
 * view of a share uses it, so a clinician can take what the patient shared into their own system
 * (the IPS `.json`) or print it, made on their device from the decrypted snapshot. Every section
 * the records fill is included; the files of documents are not (a share carries no file).
 */
import { createSignal, Show } from 'solid-js';
import { type ExportRecord, exportIps } from '../../../../shared/fhir/index.ts';
import type { Profile } from '../../../../shared/schema/profile.ts';
import { newId } from '../../core/ids.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { download } from '../../ui/download.ts';
import { errorText } from '../../ui/error-text.ts';
import { localDateTime, summaryFileName } from './exchange.ts';

export function SummaryDownloads(props: {
  readonly name: string;
  readonly dateOfBirth: string | null;
  readonly records: readonly ExportRecord[];
}) {
  const { t, locale, formatDate } = useI18n();
  const [busy, setBusy] = createSignal(false);
  const [outcome, setOutcome] = createSignal<string | null>(null);
  const [failure, setFailure] = createSignal<string | null>(null);

  const bundle = (now: Date) => {
    const profile: Profile = {
      schemaVersion: 1,
      displayName: props.name,
      relationship: 'self',
      dateOfBirth: props.dateOfBirth ?? '',
      sex: 'unknown',
      locale: locale(),
    };
    return exportIps({
      profile,
      records: props.records,
      bundleId: newId(),
      now: localDateTime(now),
      patientDetails: false,
    });
  };

  async function run(format: 'json' | 'pdf'): Promise<void> {
    if (busy()) return;
    setBusy(true);
    setOutcome(null);
    setFailure(null);
    try {
      const now = new Date();
      const name = summaryFileName(props.name, now, format);
      if (format === 'json') {
        download(new Blob([JSON.stringify(bundle(now), null, 2)], { type: 'application/fhir+json' }), name);
        setOutcome(t('exchange.export.done', { file: name, count: bundle(now).entry?.length ?? 0 }));
      } else {
        const { summaryPdf } = await import('./summary-pdf.ts');
        const bytes = await summaryPdf(bundle(now), {
          title: t('exchange.pdf.title'),
          born: t('exchange.pdf.born'),
          madeOn: t('exchange.pdf.madeOn'),
          disclaimer: t('exchange.pdf.disclaimerShared'),
          page: (n, m) => t('exchange.pdf.page', { n, m }),
          formatDate: (value) => formatDate(value, { dateStyle: 'long' }),
        });
        download(new Blob([bytes as BlobPart], { type: 'application/pdf' }), name);
        setOutcome(t('exchange.export.pdfDone', { file: name }));
      }
    } catch (error) {
      setFailure(t('exchange.export.failed', { detail: errorText(t, error) }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="stack summary-downloads">
      <div class="form-actions">
        <button
          type="button"
          class="button button--secondary"
          disabled={busy()}
          onClick={() => void run('json')}
        >
          {t('exchange.shared.json')}
        </button>
        <button
          type="button"
          class="button button--secondary"
          disabled={busy()}
          onClick={() => void run('pdf')}
        >
          {t('exchange.shared.pdf')}
        </button>
      </div>
      <p role="status" classList={{ message: outcome() !== null }}>
        {outcome() ?? ''}
      </p>
      <Show when={failure()}>
        <p role="alert" class="message message--error">
          {failure()}
        </p>
      </Show>
    </div>
  );
}
