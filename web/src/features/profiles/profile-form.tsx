import { createSignal, For, Show } from 'solid-js';
import {
  PROFILE_LOCALES,
  PROFILE_RELATIONSHIPS,
  PROFILE_SEXES,
  type Profile,
} from '../../../../shared/schema/profile.ts';
import { useApp } from '../../app/app-context.tsx';
import { AppError, toAppError } from '../../core/app-error.ts';
import { errorText } from '../../app/error-text.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { ProfileEntry } from '../../records/profile-service.ts';

type FieldName = 'displayName' | 'relationship' | 'dateOfBirth' | 'sex' | 'locale';

export interface ProfileFormProps {
  /** Edit this profile; without it the form creates a new one. */
  profile?: ProfileEntry;
  onDone?: (entry: ProfileEntry) => void;
  onCancel?: () => void;
}

/** Creates or edits a family profile. Validation is the shared zod schema, messages are localized here. */
export function ProfileForm(props: ProfileFormProps) {
  const app = useApp();
  const { t, locale } = useI18n();
  const idPrefix = `profile-${props.profile?.id ?? 'new'}`;
  const initial = props.profile?.profile;
  const [busy, setBusy] = createSignal(false);
  const [fieldError, setFieldError] = createSignal<FieldName | null>(null);
  const [formError, setFormError] = createSignal<string | null>(null);

  const fieldMessage = (field: FieldName) =>
    field === 'displayName' ? t('profiles.errors.displayName') : t('profiles.errors.dateOfBirth');

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const profile: Profile = {
      schemaVersion: 1,
      displayName: String(data.get('displayName') ?? '').trim(),
      relationship: String(data.get('relationship')) as Profile['relationship'],
      dateOfBirth: String(data.get('dateOfBirth') ?? ''),
      sex: String(data.get('sex')) as Profile['sex'],
      locale: String(data.get('locale')) as Profile['locale'],
    };
    setFieldError(null);
    setFormError(null);
    setBusy(true);
    try {
      const entry = props.profile
        ? await app.updateProfile(props.profile.id, profile)
        : await app.createProfile(profile);
      if (!props.profile) form.reset();
      props.onDone?.(entry);
    } catch (error) {
      const appError = toAppError(error);
      const field = String(appError.meta.field ?? '').split('.')[0] as FieldName;
      if (appError.reason === 'invalid-record' && (field === 'displayName' || field === 'dateOfBirth')) {
        setFieldError(field);
        form.querySelector<HTMLElement>(`#${idPrefix}-${field}`)?.focus();
      } else {
        setFormError(errorText(t, appError instanceof AppError ? appError : error));
      }
    } finally {
      setBusy(false);
    }
  }

  const invalid = (field: FieldName) => fieldError() === field;
  const describedBy = (field: FieldName) => (invalid(field) ? `${idPrefix}-${field}-error` : undefined);

  return (
    <form class="stack profile-form" onSubmit={submit} novalidate>
      <Show when={formError()}>
        <p class="message message--error" role="alert">
          {formError()}
        </p>
      </Show>
      <div class="field">
        <label for={`${idPrefix}-displayName`}>{t('profiles.fields.displayName')}</label>
        <input
          id={`${idPrefix}-displayName`}
          name="displayName"
          autocomplete="name"
          maxlength="80"
          required
          value={initial?.displayName ?? ''}
          aria-invalid={invalid('displayName')}
          aria-describedby={describedBy('displayName')}
        />
        <Show when={invalid('displayName')}>
          <p class="field__error" id={`${idPrefix}-displayName-error`}>
            {fieldMessage('displayName')}
          </p>
        </Show>
      </div>
      <div class="field">
        <label for={`${idPrefix}-relationship`}>{t('profiles.fields.relationship')}</label>
        <select id={`${idPrefix}-relationship`} name="relationship">
          <For each={PROFILE_RELATIONSHIPS}>
            {(value) => (
              <option value={value} selected={(initial?.relationship ?? 'self') === value}>
                {t(`profiles.relationship.${value}`)}
              </option>
            )}
          </For>
        </select>
      </div>
      <div class="field">
        <label for={`${idPrefix}-dateOfBirth`}>{t('profiles.fields.dateOfBirth')}</label>
        <input
          id={`${idPrefix}-dateOfBirth`}
          name="dateOfBirth"
          type="date"
          required
          value={initial?.dateOfBirth ?? ''}
          aria-invalid={invalid('dateOfBirth')}
          aria-describedby={describedBy('dateOfBirth')}
        />
        <Show when={invalid('dateOfBirth')}>
          <p class="field__error" id={`${idPrefix}-dateOfBirth-error`}>
            {fieldMessage('dateOfBirth')}
          </p>
        </Show>
      </div>
      <div class="field">
        <label for={`${idPrefix}-sex`}>{t('profiles.fields.sex')}</label>
        <select id={`${idPrefix}-sex`} name="sex">
          <For each={PROFILE_SEXES}>
            {(value) => (
              <option value={value} selected={(initial?.sex ?? 'unknown') === value}>
                {t(`profiles.sex.${value}`)}
              </option>
            )}
          </For>
        </select>
      </div>
      <div class="field">
        <label for={`${idPrefix}-locale`}>{t('profiles.fields.locale')}</label>
        <select id={`${idPrefix}-locale`} name="locale">
          <For each={PROFILE_LOCALES}>
            {(value) => (
              <option value={value} selected={(initial?.locale ?? locale()) === value}>
                {t(`profiles.locale.${value}`)}
              </option>
            )}
          </For>
        </select>
      </div>
      <div class="form-actions">
        <button type="submit" class="button" disabled={busy()}>
          {props.profile ? t('profiles.save') : t('profiles.create')}
        </button>
        <Show when={props.onCancel}>
          <button type="button" class="button button--secondary" onClick={() => props.onCancel?.()}>
            {t('profiles.cancel')}
          </button>
        </Show>
      </div>
    </form>
  );
}
