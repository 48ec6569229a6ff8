import { createUniqueId, Show } from 'solid-js';
import { useI18n } from '../i18n/i18n-context.tsx';
import { useApp } from '../store/app-context.tsx';

/**
 * Shown while Argon2id runs in its Worker. The status line is a live region that is always in the
 * page (a region inserted with its text is not reliably announced); the bar itself is not live, so
 * screen readers hear one sentence rather than a stream of percentages.
 */
export function KdfProgressBar(props: { active: boolean }) {
  const app = useApp();
  const { t, formatNumber } = useI18n();
  const id = createUniqueId();
  const value = () => app.kdfProgress() ?? 0;
  return (
    <div class="kdf-progress" classList={{ 'kdf-progress--active': props.active }}>
      <p role="status" id={`kdf-status-${id}`} class="kdf-progress__status">
        {props.active ? t('vault.kdf.working') : ''}
      </p>
      <Show when={props.active}>
        <div class="kdf-progress__row">
          <progress
            class="kdf-progress__bar"
            max="1"
            value={value()}
            aria-label={t('vault.kdf.progress')}
            aria-describedby={`kdf-status-${id}`}
          />
          <span class="kdf-progress__percent" aria-hidden="true">
            {formatNumber(value(), { style: 'percent' })}
          </span>
        </div>
      </Show>
    </div>
  );
}
