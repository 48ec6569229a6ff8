import { createSignal, For } from 'solid-js';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { recoveryKeyGroups } from './recovery-groups.ts';

export interface RecoveryKeySheetProps {
  recoveryKey: string;
  createdAt: Date;
}

/**
 * The recovery key, large and grouped, with Print and Copy. Group numbers come from a CSS counter,
 * so they are neither selected nor copied with the key. Only `.key-sheet` prints (see vault.css).
 */
export function RecoveryKeySheet(props: RecoveryKeySheetProps) {
  const { t, formatDate } = useI18n();
  const [copyMessage, setCopyMessage] = createSignal('');

  async function copy() {
    setCopyMessage('');
    try {
      await navigator.clipboard.writeText(props.recoveryKey);
      setCopyMessage(t('vault.recoveryKey.copied'));
    } catch {
      setCopyMessage(t('vault.recoveryKey.copyFailed'));
    }
  }

  return (
    <div class="stack">
      <div class="key-sheet">
        <p class="key-sheet__title">{t('vault.recoveryKey.sheetTitle')}</p>
        <ol class="recovery-key" aria-label={t('vault.recoveryKey.keyLabel')} translate="no">
          <For each={recoveryKeyGroups(props.recoveryKey)}>{(group) => <li>{group}</li>}</For>
        </ol>
        <p class="key-sheet__meta">
          {t('vault.recoveryKey.sheetCreated', { date: formatDate(props.createdAt, { dateStyle: 'long' }) })}
        </p>
        <p class="key-sheet__meta">{t('vault.recoveryKey.sheetHelp')}</p>
      </div>
      <div class="form-actions">
        <button type="button" class="button button--secondary" onClick={() => window.print()}>
          {t('vault.recoveryKey.print')}
        </button>
        <button type="button" class="button button--secondary" onClick={() => void copy()}>
          {t('vault.recoveryKey.copy')}
        </button>
      </div>
      <p role="status" class="vault-status">
        {copyMessage()}
      </p>
    </div>
  );
}
