/** The practitioner's public, self-declared profile: name, profession, specialty, ID, city, languages. */
import { createSignal, For, Show } from 'solid-js';
import { DIRECTORY_LANGUAGES } from '../../../../shared/protocol/directory.ts';
import { type PractitionerProfile, practitionerProfileSchema } from '../../../../shared/protocol/shares.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { requireServer } from '../../shares/share-problem.ts';
import { useApp } from '../../store/app-context.tsx';
import { createSubmit } from '../../ui/create-submit.ts';
import { FormError } from '../../ui/form-error.tsx';
import { shareErrorText } from './share-error-text.ts';

const FIELDS = ['name', 'profession', 'specialty', 'professionalId', 'city'] as const;
type Field = (typeof FIELDS)[number];

export function PractitionerProfileForm() {
  const app = useApp();
  const { t, locale } = useI18n();
  const current = app.sharing()?.role.practitioner()?.profile;
  const [values, setValues] = createSignal<Record<Field, string>>({
    name: current?.name ?? '',
    profession: current?.profession ?? '',
    specialty: current?.specialty ?? '',
    professionalId: current?.professionalId ?? '',
    city: current?.city ?? '',
  });
  // Listed in the directory and accepting messages: one choice here; the other `accepts` are kept.
  const [listed, setListed] = createSignal(current?.listed === true && current.accepts?.messages === true);
  const [opinions, setOpinions] = createSignal(current?.accepts?.secondOpinions === true);
  // The languages patients can find this practitioner by (the directory's language search).
  const [languages, setLanguages] = createSignal<readonly string[]>(current?.languages ?? []);
  const languageName = (code: string) =>
    new Intl.DisplayNames([locale()], { type: 'language' }).of(code) ?? code;
  const toggleLanguage = (code: string, on: boolean) =>
    setLanguages(
      on ? [...languages().filter((c) => c !== code), code] : languages().filter((c) => c !== code),
    );
  const [message, setMessage] = createSignal<string | null>(null);
  const [error, setError] = createSignal<string | null>(null);

  const parsed = () => {
    const entries = Object.entries(values()).filter(([, v]) => v.trim() !== '');
    const accepts = {
      calls: false,
      ...current?.accepts,
      messages: listed(),
      secondOpinions: opinions(),
    };
    return practitionerProfileSchema.safeParse({
      // The rate is set beside the waiting room, not here: kept as it was.
      ...(languages().length > 0 ? { languages: [...languages()] } : {}),
      ...(current?.rateCents !== undefined ? { rateCents: current.rateCents } : {}),
      ...Object.fromEntries(entries),
      // Second-opinion requests reach only doctors the directory lists.
      listed: listed() || opinions(),
      accepts,
    });
  };

  // No busy state on screen: the form looks as it did; a second submit while saving is ignored.
  const { submit } = createSubmit({
    clear: () => {
      setMessage(null);
      setError(null);
    },
    validate: () => {
      const result = parsed();
      if (!result.success) setError(result.error.issues.map((i) => i.message).join('; '));
      return result.success;
    },
    run: async () => {
      const result = parsed();
      if (!result.success) return;
      const saved = await requireServer(app).practitioners.putPractitioner(
        result.data as PractitionerProfile,
      );
      app.sharing()?.role.remember(saved);
      setMessage(t('shares.practitioner.saved'));
    },
    fail: (caught) => setError(shareErrorText(t, caught)),
  });

  return (
    <form class="card stack" aria-labelledby="practitioner-profile-title" onSubmit={submit} novalidate>
      <h2 id="practitioner-profile-title">{t('shares.practitioner.profileTitle')}</h2>
      <FormError text={error()} />
      <Show when={message()}>
        <p class="message" role="status">
          {message()}
        </p>
      </Show>
      <For each={FIELDS}>
        {(field) => (
          <div class="field">
            <label for={`practitioner-${field}`}>{t(`shares.practitioner.${field}`)}</label>
            <input
              id={`practitioner-${field}`}
              type="text"
              value={values()[field]}
              required={field === 'name' || field === 'profession'}
              onInput={(e) => setValues({ ...values(), [field]: e.currentTarget.value })}
            />
          </div>
        )}
      </For>
      <fieldset class="practitioner-languages">
        <legend>{t('shares.practitioner.languages')}</legend>
        <For each={DIRECTORY_LANGUAGES}>
          {(code) => (
            <div class="practitioner-listed">
              <input
                id={`practitioner-language-${code}`}
                type="checkbox"
                checked={languages().includes(code)}
                onChange={(e) => toggleLanguage(code, e.currentTarget.checked)}
              />
              <label for={`practitioner-language-${code}`}>{languageName(code)}</label>
            </div>
          )}
        </For>
      </fieldset>
      <div class="practitioner-listed">
        <input
          id="practitioner-listed"
          type="checkbox"
          checked={listed()}
          onChange={(e) => setListed(e.currentTarget.checked)}
        />
        <label for="practitioner-listed">{t('shares.practitioner.listed')}</label>
      </div>
      <div class="practitioner-listed">
        <input
          id="practitioner-opinions"
          type="checkbox"
          checked={opinions()}
          onChange={(e) => setOpinions(e.currentTarget.checked)}
        />
        <label for="practitioner-opinions">{t('shares.practitioner.secondOpinions')}</label>
      </div>
      <div class="form-actions">
        <button type="submit" class="button">
          {t('shares.practitioner.save')}
        </button>
      </div>
    </form>
  );
}
