import { Show } from 'solid-js';
import { MAX_PROFILES } from '../../../../shared/schema/profile.ts';
import type { PreparedRestore } from '../../backup/restore-backup.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';

/** The restore's plan in numbers, before anything is written. */
export function RestorePreview(props: { prepared: PreparedRestore }) {
  const { t, formatNumber } = useI18n();
  const counts = () => props.prepared.plan.counts;
  const row = (label: string, value: number) => (
    <>
      <dt>{label}</dt>
      <dd>{formatNumber(value)}</dd>
    </>
  );
  return (
    <div class="stack">
      <p>
        {t('backup.restore.contents', {
          profiles: props.prepared.contents.profiles,
          records: props.prepared.contents.records,
          chunks: props.prepared.contents.chunks,
        })}
      </p>
      <dl class="restore-plan">
        {row(t('backup.restore.added'), counts().add)}
        {row(t('backup.restore.same'), counts().same)}
        {row(t('backup.restore.kept'), counts().keep)}
        {row(t('backup.restore.taken'), counts()['take-backup'])}
        {row(t('backup.restore.copies'), counts()['conflict-copy'])}
      </dl>
      <Show when={!props.prepared.sameVault}>
        <p class="message">{t('backup.restore.otherVault')}</p>
      </Show>
      <Show when={props.prepared.plan.profileLimitExceeded}>
        <p class="message message--error" role="alert">
          {t('backup.restore.profileLimit', {
            count: props.prepared.plan.profilesAfter,
            max: MAX_PROFILES,
          })}
        </p>
      </Show>
    </div>
  );
}
