import { A, useNavigate } from '@solidjs/router';
import { batch, createEffect, createSignal, Match, on, Switch } from 'solid-js';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { useApp } from '../../store/app-context.tsx';
import type { TermsConsent } from '../../vault/terms-acceptance.ts';
import { ChoosePassphraseForm } from './choose-passphrase-form.tsx';
import { cryptoRandomInt, pickGroupNumbers, recoveryKeyGroups } from './recovery-groups.ts';
import { RecoveryKeyConfirm } from './recovery-key-confirm.tsx';
import { RecoveryKeySheet } from './recovery-key-sheet.tsx';
import './vault.css';

type Step = 'passphrase' | 'key' | 'confirm';
const STEP_NUMBER: Record<Step, number> = { passphrase: 1, key: 2, confirm: 3 };

/**
 * `/create`: passphrase → recovery key shown once → two groups typed back → `/`.
 * `app.createVault()` unlocks the vault as soon as it resolves; this route is not guarded, so the
 * recovery steps stay on screen until the person confirms, then `/` shows the first-profile form.
 */
export function CreateVaultPage() {
  const app = useApp();
  const { t } = useI18n();
  const navigate = useNavigate();
  const [step, setStep] = createSignal<Step>('passphrase');
  const [creating, setCreating] = createSignal(false);
  const [recoveryKey, setRecoveryKey] = createSignal('');
  const [createdAt, setCreatedAt] = createSignal(new Date());
  const [asked, setAsked] = createSignal<number[]>([]);
  let heading: HTMLHeadingElement | undefined;

  // A new step replaces most of the page: move focus to its heading so it is read from the top.
  createEffect(on(step, () => heading?.focus(), { defer: true }));

  async function create(passphrase: string, consent: TermsConsent) {
    setCreating(true);
    try {
      const key = await app.createVault(passphrase, consent);
      const groups = recoveryKeyGroups(key);
      batch(() => {
        setRecoveryKey(key);
        setCreatedAt(new Date());
        setAsked(pickGroupNumbers(groups.length, 2, cryptoRandomInt));
        setStep('key');
      });
    } finally {
      setCreating(false);
    }
  }

  const alreadyExists = () =>
    step() === 'passphrase' && !creating() && (app.status() === 'locked' || app.status() === 'unlocked');

  const stepTitle = () => {
    switch (step()) {
      case 'passphrase':
        return t('vault.create.passphraseTitle');
      case 'key':
        return t('vault.recoveryKey.title');
      case 'confirm':
        return t('vault.confirmKey.title');
    }
  };

  return (
    <div class="stack vault-page">
      <h1>{t('vault.create.title')}</h1>
      <Switch>
        <Match when={app.status() === 'loading'}>
          <p role="status">{t('app.loading')}</p>
        </Match>
        <Match when={alreadyExists()}>
          <div class="card">
            <p>{t('vault.create.alreadyExists')}</p>
            <p>
              <A href="/">{t('vault.create.home')}</A>
            </p>
          </div>
        </Match>
        <Match when={true}>
          <section class="card" aria-labelledby="create-step-title">
            <p class="vault-step">{t('vault.create.step', { step: STEP_NUMBER[step()] })}</p>
            <h2 id="create-step-title" ref={heading} tabIndex={-1}>
              {stepTitle()}
            </h2>
            <Switch>
              <Match when={step() === 'passphrase'}>
                <ChoosePassphraseForm create={create} />
              </Match>
              <Match when={step() === 'key'}>
                <p>{t('vault.recoveryKey.intro')}</p>
                <p>{t('vault.recoveryKey.advice')}</p>
                <RecoveryKeySheet recoveryKey={recoveryKey()} createdAt={createdAt()} />
                <div class="form-actions">
                  <button type="button" class="button" onClick={() => setStep('confirm')}>
                    {t('vault.recoveryKey.continue')}
                  </button>
                </div>
              </Match>
              <Match when={step() === 'confirm'}>
                <RecoveryKeyConfirm
                  groups={recoveryKeyGroups(recoveryKey())}
                  asked={asked()}
                  onBack={() => setStep('key')}
                  onConfirmed={async () => {
                    await app.confirmRecoveryKey();
                    navigate('/', { replace: true });
                  }}
                />
              </Match>
            </Switch>
          </section>
        </Match>
      </Switch>
    </div>
  );
}
