import { For } from 'solid-js';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { useApp } from '../../store/app-context.tsx';

/** Switches the active profile from the header; every record screen follows it. */
export function ProfileSwitcher() {
  const app = useApp();
  const { t } = useI18n();
  return (
    <div class="field profile-switcher">
      <label for="profile-switcher">{t('profiles.switcher')}</label>
      <select
        id="profile-switcher"
        value={app.activeProfile()?.id ?? ''}
        onChange={(event) => app.setActiveProfile(event.currentTarget.value)}
      >
        <For each={app.profiles()}>
          {(entry) => <option value={entry.id}>{entry.profile.displayName}</option>}
        </For>
      </select>
    </div>
  );
}
