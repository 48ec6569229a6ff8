/**
 * The practitioner directory: listed practitioners who accept messages, filtered by specialty,
 * city and language, each with their rate, with the notice that identities are self-declared; "write to this practitioner" opens (or
 * finds) the conversation.
 */
import { useNavigate } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { DIRECTORY_LANGUAGES, type DirectoryEntry } from '../../../../shared/protocol/directory.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { useApp } from '../../store/app-context.tsx';
import { createSubmit } from '../../ui/create-submit.ts';
import { FormError } from '../../ui/form-error.tsx';
import { messageErrorText } from './message-error-text.ts';
import { requireMessaging } from './require-messaging.ts';

/** Languages offered in the search (ISO 639-1 codes, as practitioners list them). */

export function DirectorySearch() {
  const app = useApp();
  const { t, formatNumber, locale } = useI18n();
  const languageName = (code: string) =>
    new Intl.DisplayNames([locale()], { type: 'language' }).of(code) ?? code;
  const navigate = useNavigate();
  const [specialty, setSpecialty] = createSignal('');
  const [city, setCity] = createSignal('');
  const [language, setLanguage] = createSignal('');
  const [found, setFound] = createSignal<{ notice: boolean; list: DirectoryEntry[] } | null>(null);
  const [error, setError] = createSignal<string | null>(null);

  const { submit } = createSubmit({
    clear: () => setError(null),
    run: async () => {
      const answer = await requireMessaging(app).directory({
        accepts: 'messages',
        ...(specialty().trim() ? { specialty: specialty().trim() } : {}),
        ...(city().trim() ? { city: city().trim() } : {}),
        ...(language() ? { language: language() } : {}),
      });
      setFound({ notice: answer.selfDeclared, list: answer.practitioners });
    },
    fail: (caught) => setError(messageErrorText(t, caught)),
  });

  async function write(entry: DirectoryEntry): Promise<void> {
    setError(null);
    try {
      const id = await requireMessaging(app).startThread(entry);
      navigate(`/messages/${id}`);
    } catch (caught) {
      setError(messageErrorText(t, caught));
    }
  }

  return (
    <section class="card stack" aria-labelledby="directory-title">
      <h2 id="directory-title">{t('messages.directory.title')}</h2>
      <p class="notice">{t('messages.directory.notice')}</p>
      <form class="stack" onSubmit={submit} novalidate>
        <FormError text={error()} />
        <div class="field">
          <label for="directory-specialty">{t('messages.directory.specialty')}</label>
          <input
            id="directory-specialty"
            type="text"
            value={specialty()}
            onInput={(e) => setSpecialty(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="directory-city">{t('messages.directory.city')}</label>
          <input
            id="directory-city"
            type="text"
            value={city()}
            onInput={(e) => setCity(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="directory-language">{t('messages.directory.language')}</label>
          <select
            id="directory-language"
            value={language()}
            onChange={(e) => setLanguage(e.currentTarget.value)}
          >
            <option value="">{t('messages.directory.anyLanguage')}</option>
            <For each={DIRECTORY_LANGUAGES}>
              {(code) => <option value={code}>{languageName(code)}</option>}
            </For>
          </select>
        </div>
        <div class="form-actions">
          <button type="submit" class="button">
            {t('messages.directory.search')}
          </button>
        </div>
      </form>
      <Show when={found()}>
        {(result) => (
          <div class="stack" role="status">
            <Show when={result().list.length > 0} fallback={<p>{t('messages.directory.none')}</p>}>
              <p>{t('messages.directory.results', { count: result().list.length })}</p>
              <ul class="stack directory-list">
                <For each={result().list}>
                  {(entry) => (
                    <li class="directory-entry">
                      <h3>{entry.name}</h3>
                      <p>{[entry.profession, entry.specialty, entry.city].filter((x) => x).join(' · ')}</p>
                      <Show when={entry.languages.length > 0}>
                        <p>
                          {t('messages.directory.speaks', {
                            languages: entry.languages.map(languageName).join(', '),
                          })}
                        </p>
                      </Show>
                      <Show when={entry.rateCents !== null}>
                        <p>
                          {t('messages.directory.rate', {
                            rate: formatNumber((entry.rateCents ?? 0) / 100, { maximumFractionDigits: 2 }),
                          })}
                        </p>
                      </Show>
                      <button
                        type="button"
                        class="button"
                        aria-label={t('messages.directory.writeTo', { name: entry.name })}
                        onClick={() => void write(entry)}
                      >
                        {t('messages.directory.write')}
                      </button>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          </div>
        )}
      </Show>
    </section>
  );
}
