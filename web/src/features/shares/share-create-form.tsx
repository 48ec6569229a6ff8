/**
 * The patient's "New share" form: profile, sections, documents to include (sizes shown before
 * sharing), mode, expiry, optional passcode and typed code.
 */
import { createSignal, For } from 'solid-js';
import {
  SHARE_SECTIONS,
  type ShareExpiry,
  type ShareMode,
  type ShareSection,
} from '../../../../shared/protocol/shares.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { ShareSecret } from '../../shares/shares-state.ts';
import { useApp } from '../../store/app-context.tsx';
import { createSubmit } from '../../ui/create-submit.ts';
import { FormError } from '../../ui/form-error.tsx';
import { requireSharing } from './require-sharing.ts';
import { ShareDocumentsPicker } from './share-documents-picker.tsx';
import { shareErrorText } from './share-error-text.ts';

const EXPIRIES: readonly ShareExpiry[] = ['1h', '24h', '7d', '30d'];

export function ShareCreateForm(props: { onCreated: (secret: ShareSecret) => void }) {
  const app = useApp();
  const { t } = useI18n();
  const [profileId, setProfileId] = createSignal(app.activeProfile()?.id ?? '');
  const [sections, setSections] = createSignal<readonly ShareSection[]>(['allergy', 'medication']);
  const [mode, setMode] = createSignal<ShareMode>('read');
  const [expiry, setExpiry] = createSignal<ShareExpiry>('24h');
  const [passcode, setPasscode] = createSignal('');
  const [typedCode, setTypedCode] = createSignal(false);
  const [singleUse, setSingleUse] = createSignal(false);
  const [documents, setDocuments] = createSignal<readonly string[]>([]);
  const [error, setError] = createSignal<string | null>(null);
  const chosenProfile = () => profileId() || (app.activeProfile()?.id ?? '');

  const toggle = (section: ShareSection, on: boolean) =>
    setSections((list) => (on ? [...list, section] : list.filter((s) => s !== section)));

  const { busy, submit } = createSubmit({
    clear: () => setError(null),
    validate: () => {
      if (sections().length > 0) return true;
      setError(t('shares.page.noSections'));
      return false;
    },
    run: async () => {
      const secret = await requireSharing(app).createShare(
        {
          profileId: chosenProfile(),
          sections: SHARE_SECTIONS.filter((s) => sections().includes(s)),
          // A single-use share is read-only (the server refuses otherwise).
          mode: singleUse() ? 'read' : mode(),
          expiry: expiry(),
          passcode: passcode(),
          typedCode: typedCode(),
          singleUse: singleUse(),
          // A single-use share carries no document (its one opening closes it at once).
          documents: singleUse() ? [] : documents(),
        },
        Date.now(),
      );
      setPasscode('');
      setDocuments([]);
      props.onCreated(secret);
    },
    fail: (caught) => setError(shareErrorText(t, caught)),
  });

  return (
    <form class="stack card" aria-labelledby="share-create-title" onSubmit={submit} novalidate>
      <h2 id="share-create-title">{t('shares.page.createTitle')}</h2>
      <FormError text={error()} />
      <fieldset class="stack share-fieldset" disabled={busy()}>
        <div class="field">
          <label for="share-profile">{t('shares.page.profile')}</label>
          <select
            id="share-profile"
            value={profileId()}
            onChange={(e) => {
              setProfileId(e.currentTarget.value);
              setDocuments([]);
            }}
          >
            <For each={app.profiles()}>{(p) => <option value={p.id}>{p.profile.displayName}</option>}</For>
          </select>
        </div>
        <fieldset class="share-options">
          <legend>{t('shares.page.sections')}</legend>
          <For each={SHARE_SECTIONS}>
            {(section) => (
              <label class="share-option">
                <input
                  type="checkbox"
                  name="sections"
                  value={section}
                  checked={sections().includes(section)}
                  onChange={(e) => toggle(section, e.currentTarget.checked)}
                />
                {t(`record.kindTitles.${section}`)}
              </label>
            )}
          </For>
        </fieldset>
        <ShareDocumentsPicker
          profileId={chosenProfile()}
          chosen={documents()}
          onChange={setDocuments}
          disabled={singleUse()}
        />
        <fieldset class="share-options">
          <legend>{t('shares.page.mode')}</legend>
          <label class="share-option">
            <input
              type="radio"
              name="mode"
              value="read"
              checked={mode() === 'read' || singleUse()}
              onChange={() => setMode('read')}
            />
            {t('shares.page.modeRead')}
          </label>
          <label class="share-option">
            <input
              type="radio"
              name="mode"
              value="read-add"
              checked={mode() === 'read-add' && !singleUse()}
              disabled={singleUse()}
              onChange={() => setMode('read-add')}
            />
            {t('shares.page.modeReadAdd')}
          </label>
        </fieldset>
        <div class="field">
          <label for="share-expiry">{t('shares.page.expiry')}</label>
          <select
            id="share-expiry"
            value={expiry()}
            onChange={(e) => setExpiry(e.currentTarget.value as ShareExpiry)}
          >
            <For each={EXPIRIES}>
              {(value) => <option value={value}>{t(`shares.page.expiry${value}`)}</option>}
            </For>
          </select>
        </div>
        <div class="field">
          <label for="share-passcode">{t('shares.page.passcode')}</label>
          <input
            id="share-passcode"
            type="text"
            autocomplete="off"
            value={passcode()}
            maxLength={64}
            aria-describedby="share-passcode-hint"
            onInput={(e) => setPasscode(e.currentTarget.value)}
          />
          <p class="field__hint" id="share-passcode-hint">
            {t('shares.page.passcodeHint')}
          </p>
        </div>
        <label class="share-option">
          <input
            type="checkbox"
            checked={typedCode()}
            onChange={(e) => setTypedCode(e.currentTarget.checked)}
          />
          {t('shares.page.typedCode')}
        </label>
        <div class="field">
          <label class="share-option">
            <input
              type="checkbox"
              checked={singleUse()}
              aria-describedby="share-single-use-hint"
              onChange={(e) => setSingleUse(e.currentTarget.checked)}
            />
            {t('shares.page.singleUse')}
          </label>
          <p class="field__hint" id="share-single-use-hint">
            {t('shares.page.singleUseHint')}
          </p>
        </div>
        <div class="form-actions">
          <button type="submit" class="button">
            {busy() ? t('shares.page.creating') : t('shares.page.create')}
          </button>
        </div>
      </fieldset>
    </form>
  );
}
