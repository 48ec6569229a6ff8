import { Show } from 'solid-js';
import { BackupReminder } from '../features/backup/backup-reminder.tsx';
import { ProfileForm } from '../features/profiles/profile-form.tsx';
import { TimelinePage } from '../features/record/timeline-page.tsx';
import { useI18n } from '../i18n/i18n-context.tsx';
import { useApp } from '../store/app-context.tsx';

/** The unlocked home: the first profile to create, or the active profile's timeline. */
export function Dashboard() {
  const app = useApp();
  const { t } = useI18n();
  return (
    <Show
      when={app.activeProfile()}
      fallback={
        <section class="card" aria-labelledby="first-profile-title">
          <h2 id="first-profile-title">{t('profiles.firstTitle')}</h2>
          <p>{t('profiles.firstIntro')}</p>
          <ProfileForm />
        </section>
      }
    >
      <BackupReminder />
      {/* Profiles are one item of the main menu: no stray link under the timeline. */}
      <TimelinePage />
    </Show>
  );
}
