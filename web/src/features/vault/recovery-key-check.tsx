import { createEffect, createSignal, Match, on, Show, Switch } from 'solid-js';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { cryptoRandomInt, pickGroupNumbers, recoveryKeyGroups } from './recovery-groups.ts';
import { RecoveryKeyConfirm } from './recovery-key-confirm.tsx';
import { RecoveryKeySheet } from './recovery-key-sheet.tsx';

export interface RecoveryKeyCheckProps {
  recoveryKey: string;
  /** When the key was made, printed on the sheet. */
  madeAt: Date;
  /** The heading level-2 title above the two steps. */
  title: string;
  intro?: string;
  onConfirmed: () => Promise<void> | void;
  /** Offered when the check may wait (the banner keeps asking). */
  onLater?: () => void;
}

/**
 * The recovery key shown again (step 2) and two of its groups typed back (step 3), for a key not
 * yet confirmed: after the vault's creation was left half-way, or a new key made from Settings.
 */
export function RecoveryKeyCheck(props: RecoveryKeyCheckProps) {
  const { t } = useI18n();
  const [step, setStep] = createSignal<'key' | 'confirm'>('key');
  const asked = pickGroupNumbers(recoveryKeyGroups(props.recoveryKey).length, 2, cryptoRandomInt);
  let heading: HTMLHeadingElement | undefined;
  createEffect(on(step, () => heading?.focus(), { defer: true }));

  return (
    <section class="card stack" aria-labelledby="recovery-check-title">
      <h2 id="recovery-check-title" ref={heading} tabIndex={-1}>
        {step() === 'key' ? props.title : t('vault.confirmKey.title')}
      </h2>
      <Switch>
        <Match when={step() === 'key'}>
          <Show when={props.intro}>{(intro) => <p>{intro()}</p>}</Show>
          <p>{t('vault.recoveryKey.intro')}</p>
          <p>{t('vault.recoveryKey.advice')}</p>
          <RecoveryKeySheet recoveryKey={props.recoveryKey} createdAt={props.madeAt} />
          <div class="form-actions">
            <button type="button" class="button" onClick={() => setStep('confirm')}>
              {t('vault.recoveryKey.continue')}
            </button>
            <Show when={props.onLater}>
              {(later) => (
                <button type="button" class="button button--secondary" onClick={() => later()()}>
                  {t('vault.recoveryCheck.later')}
                </button>
              )}
            </Show>
          </div>
        </Match>
        <Match when={step() === 'confirm'}>
          <RecoveryKeyConfirm
            groups={recoveryKeyGroups(props.recoveryKey)}
            asked={asked}
            onBack={() => setStep('key')}
            onConfirmed={() => props.onConfirmed()}
          />
        </Match>
      </Switch>
    </section>
  );
}
