/**
 * Consultations and billing (docs/architecture.md §10.3): the active profile's consultation summaries,
 * decrypted on this device. As practitioner: the ones it billed as host (with the patient's alias),
 * filtered by month and alias, the monthly totals and a month's statement PDF; as patient: each
 * consultation with its amount. Nothing here is sent anywhere.
 */
import { A } from '@solidjs/router';
import { createMemo, createSignal, For, Show } from 'solid-js';
import {
  type BilledConsultation,
  billingHistory,
  monthlyTotals,
  monthOf,
} from '../../../../shared/billing/history.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { useApp } from '../../store/app-context.tsx';
import { errorText } from '../../ui/error-text.ts';
import { FormError } from '../../ui/form-error.tsx';
import './appointments.css';

const zone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

function minutes(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return `${m}:${String(s).padStart(2, '0')}`;
}

export function BillingPage() {
  const app = useApp();
  const { t, formatDate, formatNumber } = useI18n();
  const [month, setMonth] = createSignal('');
  const [alias, setAlias] = createSignal('');
  const [error, setError] = createSignal<string | null>(null);
  const euros = (cents: number) => formatNumber(cents / 100, { style: 'currency', currency: 'EUR' });
  const monthName = (m: string) => formatDate(`${m}-15T12:00:00Z`, { year: 'numeric', month: 'long' });
  const when = (iso: string) => formatDate(iso, { dateStyle: 'medium', timeStyle: 'short' });

  const consultations = createMemo((): BilledConsultation[] => {
    const profileId = app.activeProfile()?.id;
    return app
      .records()
      .filter((r) => r.profileId === profileId && r.record?.kind === 'consultation')
      .map((r) => ({ id: r.id, consultation: r.record as BilledConsultation['consultation'] }));
  });
  const hosted = createMemo(() => billingHistory(consultations(), {}, zone()));
  const months = createMemo(() => [
    ...new Set(hosted().map((i) => monthOf(i.consultation.startedAt, zone()))),
  ]);
  const shown = createMemo(() => billingHistory(consultations(), { month: month(), alias: alias() }, zone()));
  const totals = createMemo(() => monthlyTotals(hosted(), zone()));
  const asPatient = createMemo(() =>
    consultations()
      .filter((i) => i.consultation.patientAlias === undefined)
      .sort((a, b) => Date.parse(b.consultation.startedAt) - Date.parse(a.consultation.startedAt)),
  );

  async function statement(): Promise<void> {
    setError(null);
    try {
      const m = month();
      const items = billingHistory(consultations(), { month: m }, zone());
      const { statementPdf } = await import('./statement-pdf.ts');
      const bytes = await statementPdf(items, monthlyTotals(items, zone())[0] ?? null, {
        title: t('appointments.billing.statementTitle', { month: monthName(m) }),
        practitioner: items[0]?.consultation.practitionerName ?? '',
        columns: [
          t('appointments.billing.columns.date'),
          t('appointments.billing.columns.patient'),
          t('appointments.billing.columns.duration'),
          t('appointments.billing.columns.amount'),
        ],
        total: t('appointments.billing.statementTotal'),
        empty: t('appointments.billing.none'),
        formatDate: when,
        formatDuration: minutes,
        formatAmount: euros,
      });
      const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/pdf' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = `statement-${m}.pdf`;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (caught) {
      setError(errorText(t, caught));
    }
  }

  return (
    <section class="stack" aria-labelledby="billing-title">
      <h1 id="billing-title">{t('appointments.billing.title')}</h1>
      <p>{t('appointments.billing.intro')}</p>
      <A href="/appointments">{t('appointments.book.back')}</A>
      <Show
        when={app.activeProfile()}
        fallback={<p class="notice">{t('appointments.billing.needsProfile')}</p>}
      >
        <FormError text={error()} />
        <Show when={hosted().length > 0}>
          <section class="card stack" aria-labelledby="billing-host">
            <h2 id="billing-host">{t('appointments.billing.practitioner')}</h2>
            <div class="billing-filters">
              <div class="field">
                <label for="billing-month">{t('appointments.billing.month')}</label>
                <select id="billing-month" value={month()} onChange={(e) => setMonth(e.currentTarget.value)}>
                  <option value="">{t('appointments.billing.allMonths')}</option>
                  <For each={months()}>{(m) => <option value={m}>{monthName(m)}</option>}</For>
                </select>
              </div>
              <div class="field">
                <label for="billing-alias">{t('appointments.billing.alias')}</label>
                <input
                  id="billing-alias"
                  type="search"
                  value={alias()}
                  onInput={(e) => setAlias(e.currentTarget.value)}
                />
              </div>
            </div>
            <div class="billing-table-wrap">
              <table class="data-table billing-table">
                <thead>
                  <tr>
                    <th scope="col">{t('appointments.billing.columns.date')}</th>
                    <th scope="col">{t('appointments.billing.columns.patient')}</th>
                    <th scope="col">{t('appointments.billing.columns.duration')}</th>
                    <th scope="col">{t('appointments.billing.columns.amount')}</th>
                  </tr>
                </thead>
                <tbody>
                  <For
                    each={shown()}
                    fallback={
                      <tr>
                        <td colSpan={4}>{t('appointments.billing.none')}</td>
                      </tr>
                    }
                  >
                    {(i) => (
                      <tr>
                        <td>{when(i.consultation.startedAt)}</td>
                        <td>{i.consultation.patientAlias}</td>
                        <td>{minutes(i.consultation.durationSeconds)}</td>
                        <td>{euros(i.consultation.amountCents)}</td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </div>
            <h3>{t('appointments.billing.totals')}</h3>
            <ul class="billing-totals">
              <For each={totals()}>
                {(total) => (
                  <li>
                    {t('appointments.billing.totalRow', {
                      month: monthName(total.month),
                      count: total.count,
                      amount: euros(total.amountCents),
                    })}
                  </li>
                )}
              </For>
            </ul>
            <Show when={month()} fallback={<p class="hint">{t('appointments.billing.chooseMonth')}</p>}>
              <div class="form-actions">
                <button type="button" class="button" onClick={() => void statement()}>
                  {t('appointments.billing.statement', { month: monthName(month()) })}
                </button>
              </div>
            </Show>
          </section>
        </Show>
        <section class="card stack" aria-labelledby="billing-patient">
          <h2 id="billing-patient">{t('appointments.billing.patient')}</h2>
          <div class="billing-table-wrap">
            <table class="data-table billing-table">
              <thead>
                <tr>
                  <th scope="col">{t('appointments.billing.columns.date')}</th>
                  <th scope="col">{t('appointments.billing.columns.practitioner')}</th>
                  <th scope="col">{t('appointments.billing.columns.duration')}</th>
                  <th scope="col">{t('appointments.billing.columns.amount')}</th>
                </tr>
              </thead>
              <tbody>
                <For
                  each={asPatient()}
                  fallback={
                    <tr>
                      <td colSpan={4}>{t('appointments.billing.none')}</td>
                    </tr>
                  }
                >
                  {(i) => (
                    <tr>
                      <td>{when(i.consultation.startedAt)}</td>
                      <td>{i.consultation.practitionerName}</td>
                      <td>{minutes(i.consultation.durationSeconds)}</td>
                      <td>
                        {euros(i.consultation.amountCents)}
                        {i.consultation.note ? ` (${t('appointments.billing.disputed')})` : ''}
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
        </section>
      </Show>
    </section>
  );
}
