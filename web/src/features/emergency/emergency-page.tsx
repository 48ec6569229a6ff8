/**
 * `/emergency`: the active profile's emergency profile. Prefilled from the decrypted record, edited
 * item by item, saved encrypted in the vault as an `emergency-profile` record; shows both QR codes,
 * trimmed to the QR v25-M budget, the lock-screen opt-in and the take-away files.
 */
import { A, useBeforeLeave } from '@solidjs/router';
import { createMemo, createSignal, onCleanup, Show } from 'solid-js';
import { createStore, type SetStoreFunction } from 'solid-js/store';
import { localDate } from '../../../../shared/emergency/local-date.ts';
import type { ClinicalRecord } from '../../../../shared/schema/record.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { ProfileEntry } from '../../records/profile-service.ts';
import { useApp } from '../../store/app-context.tsx';
import { withoutConflictCopies } from '../../sync/conflict-copy.ts';
import { createSubmit } from '../../ui/create-submit.ts';
import { errorText } from '../../ui/error-text.ts';
import { FormError } from '../../ui/form-error.tsx';
import { NoProfile } from '../record/no-profile.tsx';
import { AccessLog, newAccessToken } from './access-log.tsx';
import { checkDraft, type EmergencyDraft } from './draft.ts';
import { DraftForm } from './draft-form.tsx';
import { fittedCodes } from './fitted-codes.ts';
import { hasLockScreenCopy, saveLockScreenCopy } from './lock-screen-copy.ts';
import { LockScreenSetting } from './lock-screen-setting.tsx';
import { prefillDraft, prefillRecords } from './prefill.ts';
import { QrPreview } from './qr-preview.tsx';
import { emergencyEn } from './strings.ts';
import { TakeAway } from './take-away.tsx';
import { queueTokenRemoval } from './token-ledger.ts';
import './emergency.css';

/** Key order does not matter: a saved record comes back through JSON and the schema. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : v,
  );
}

function Editor(props: { person: ProfileEntry }) {
  const app = useApp();
  const { t } = useI18n();
  const today = localDate();
  const savedEntry = () =>
    withoutConflictCopies(app.profileRecords()).find((e) => e.record?.kind === 'emergency-profile');
  const savedProfile = () => {
    const record = savedEntry()?.record;
    return record?.kind === 'emergency-profile' ? record.profile : undefined;
  };
  const records = prefillRecords(app.profileRecords());
  const [draft, setDraftStore] = createStore(prefillDraft(props.person.profile, records, savedProfile()));
  // Edits made by the person (not the prefill): what leaving the page would lose.
  const [touched, setTouched] = createSignal(false);
  const setDraft = ((...args: unknown[]) => {
    setTouched(true);
    (setDraftStore as (...a: unknown[]) => void)(...args);
  }) as SetStoreFunction<EmergencyDraft>;
  const [accessLogStatus, setAccessLogStatus] = createSignal('');
  const [status, setStatus] = createSignal('');
  const [error, setError] = createSignal('');

  const check = createMemo(() => checkDraft(draft, today));
  const codes = createMemo(() => {
    const result = check();
    return result.ok ? fittedCodes(result.profile, location.origin) : undefined;
  });
  // Files to take away are made from the SAVED profile only: a token in an unsaved draft was never
  // registered, and a printed card must match what the vault holds.
  const savedCodes = createMemo(() => {
    const saved = savedProfile();
    return saved ? fittedCodes(saved, location.origin) : undefined;
  });
  const unsaved = createMemo(() => {
    const result = check();
    const saved = savedProfile();
    return !saved || !result.ok || canonical(result.profile) !== canonical(saved);
  });

  // Leaving with edits not saved asks first (in-app navigation), and so does closing or reloading.
  const leaving = () => touched() && unsaved();
  useBeforeLeave((event) => {
    if (!leaving() || event.defaultPrevented) return;
    event.preventDefault();
    if (window.confirm(t('emergency.leave'))) event.retry(true);
  });
  const onBeforeUnload = (event: BeforeUnloadEvent) => {
    if (leaving()) event.preventDefault();
  };
  window.addEventListener('beforeunload', onBeforeUnload);
  onCleanup(() => window.removeEventListener('beforeunload', onBeforeUnload));

  /**
   * The access-log opt-in applies at once: the saved profile gets (or loses) its token and is saved
   * now, so the files and the lock-screen copy follow without a trip to Save. With no saved profile
   * yet, it waits in the draft and the page says so.
   */
  async function setAccessLog(on: boolean): Promise<void> {
    const token = on ? newAccessToken() : undefined;
    setDraftStore('token', token);
    const entry = savedEntry();
    const saved = savedProfile();
    if (!entry || !saved) {
      setAccessLogStatus(on ? t('emergency.accessLog.pendingSave') : '');
      return;
    }
    try {
      const { token: old, ...rest } = saved;
      if (old) queueTokenRemoval(localStorage, old);
      const profile = token ? { ...rest, token } : rest;
      await app.updateRecord(entry.id, { kind: 'emergency-profile', schemaVersion: 1, profile }, entry.rev);
      if (hasLockScreenCopy(localStorage, props.person.id))
        saveLockScreenCopy(localStorage, props.person.id, profile);
      setAccessLogStatus(on ? t('emergency.accessLog.savedOn') : t('emergency.accessLog.savedOff'));
    } catch (caught) {
      setDraftStore('token', saved.token);
      setAccessLogStatus(errorText(t, caught));
    }
  }

  const [codeChanged, setCodeChanged] = createSignal(false);
  /**
   * The server said another account holds the saved code's hash (409 `emergency-token-taken`):
   * openings of it would never reach this account. A new code replaces it in the saved profile
   * (and in the draft), and the person is told to print the card again.
   */
  async function redrawToken(): Promise<void> {
    const entry = savedEntry();
    const saved = savedProfile();
    if (!entry || !saved?.token) return;
    const token = newAccessToken();
    const profile = { ...saved, token };
    await app.updateRecord(entry.id, { kind: 'emergency-profile', schemaVersion: 1, profile }, entry.rev);
    if (draft.token === saved.token) setDraftStore('token', token);
    if (hasLockScreenCopy(localStorage, props.person.id))
      saveLockScreenCopy(localStorage, props.person.id, profile);
    setCodeChanged(true);
  }

  const { busy, submit: save } = createSubmit({
    clear: () => {
      setStatus('');
      setError('');
    },
    validate: () => {
      const result = check();
      if (result.ok) return true;
      const known = emergencyEn.sections as Record<string, string>;
      const names = result.fields.map((field) =>
        field in known ? t(`emergency.sections.${field as keyof typeof emergencyEn.sections}`) : field,
      );
      setError(t('emergency.invalid', { fields: names.join(', ') }));
      return false;
    },
    run: async () => {
      const result = check();
      if (!result.ok) return;
      const record: ClinicalRecord = { kind: 'emergency-profile', schemaVersion: 1, profile: result.profile };
      const entry = savedEntry();
      // A removed or replaced access-log token must stop being logged (sent at the next sync if offline).
      const oldToken = savedProfile()?.token;
      if (oldToken && oldToken !== result.profile.token) queueTokenRemoval(localStorage, oldToken);
      if (entry) await app.updateRecord(entry.id, record, entry.rev);
      else await app.addRecord(record);
      // An opted-in lock-screen copy follows every saved change, in full: its page fits its own QR.
      if (hasLockScreenCopy(localStorage, props.person.id)) {
        saveLockScreenCopy(localStorage, props.person.id, result.profile);
      }
      setTouched(false);
      setStatus(t('emergency.saved'));
    },
    fail: (caught) => setError(errorText(t, caught)),
  });

  return (
    <div class="stack emergency">
      <h1>{t('emergency.title')}</h1>
      <p>{t('emergency.intro')}</p>
      <p>
        <A href="/scan">{t('emergency.scan.link')}</A>
      </p>
      <form class="card stack" onSubmit={save} novalidate aria-labelledby="emergency-form-title">
        <h2 id="emergency-form-title" class="visually-hidden">
          {t('emergency.title')}
        </h2>
        <DraftForm draft={draft} setDraft={setDraft} />
        <div class="form-actions">
          <button type="submit" class="button" disabled={busy()}>
            {t('emergency.save')}
          </button>
        </div>
        <p role="status">{status()}</p>
        <FormError text={error()} />
      </form>
      <Show when={codes()}>{(c) => <QrPreview codes={c()} />}</Show>
      <Show when={codeChanged()}>
        <p class="message" role="status" data-testid="emergency-code-changed">
          {t('emergency.accessLog.codeChanged')}
        </p>
      </Show>
      <AccessLog
        draft={draft}
        setDraft={setDraft}
        savedToken={savedProfile()?.token}
        onTokenTaken={redrawToken}
        onToggle={(on) => void setAccessLog(on)}
        toggleStatus={accessLogStatus()}
      />
      <LockScreenSetting profileId={props.person.id} current={savedProfile} />
      <TakeAway codes={savedCodes()} unsaved={unsaved()} today={today} />
    </div>
  );
}

export function EmergencyPage() {
  const app = useApp();
  const { t } = useI18n();
  return (
    <Show when={app.activeProfile()} keyed fallback={<NoProfile title={t('emergency.title')} />}>
      {(person) => <Editor person={person} />}
    </Show>
  );
}
