import { createSignal, For, Show } from 'solid-js';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { createSubmit } from '../../ui/create-submit.ts';
import { groupMatches } from './recovery-groups.ts';

export interface RecoveryKeyConfirmProps {
  /** The key's groups, in order. */
  groups: readonly string[];
  /** Which groups (1-based) to ask for. */
  asked: readonly number[];
  onBack: () => void;
  onConfirmed: () => Promise<void> | void;
}

/** Step 3: type back two groups of the key, proving a usable copy exists. */
export function RecoveryKeyConfirm(props: RecoveryKeyConfirmProps) {
  const { t } = useI18n();
  const [typed, setTyped] = createSignal<Record<number, string>>({});
  const [wrong, setWrong] = createSignal<readonly number[]>([]);
  const { submit } = createSubmit({
    validate: () => {
      const mismatched = props.asked.filter(
        (number) => !groupMatches(typed()[number] ?? '', props.groups[number - 1] ?? ''),
      );
      setWrong(mismatched);
      return mismatched.length === 0;
    },
    run: () => props.onConfirmed(),
  });

  const isWrong = (number: number) => wrong().includes(number);

  return (
    <form class="stack" onSubmit={submit} novalidate>
      <p>{t('vault.confirmKey.intro', { first: props.asked[0] ?? 0, second: props.asked[1] ?? 0 })}</p>
      <div class="confirm-groups">
        <For each={props.asked}>
          {(number) => (
            <div class="field">
              <label for={`confirm-group-${number}`}>{t('vault.confirmKey.groupLabel', { number })}</label>
              <input
                id={`confirm-group-${number}`}
                class="confirm-groups__input"
                autocomplete="off"
                autocapitalize="characters"
                spellcheck={false}
                maxlength="9"
                value={typed()[number] ?? ''}
                onInput={(event) => setTyped({ ...typed(), [number]: event.currentTarget.value })}
                aria-invalid={isWrong(number) ? 'true' : undefined}
                aria-describedby={
                  isWrong(number)
                    ? `confirm-group-${number}-error confirm-group-${number}-hint`
                    : `confirm-group-${number}-hint`
                }
              />
              <Show when={isWrong(number)}>
                <p class="field__error" id={`confirm-group-${number}-error`}>
                  {t('vault.confirmKey.mismatch', { number })}
                </p>
              </Show>
              <p class="field__hint" id={`confirm-group-${number}-hint`}>
                {t('vault.confirmKey.groupHint')}
              </p>
            </div>
          )}
        </For>
      </div>
      <div class="form-actions">
        <button type="submit" class="button">
          {t('vault.confirmKey.submit')}
        </button>
        <button type="button" class="button button--secondary" onClick={() => props.onBack()}>
          {t('vault.confirmKey.back')}
        </button>
      </div>
    </form>
  );
}
