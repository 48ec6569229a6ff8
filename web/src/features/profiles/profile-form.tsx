import { createSignal, For, Show } from 'solid-js';
import {
  PROFILE_LOCALES,
  PROFILE_RELATIONSHIPS,
  PROFILE_SEXES,
  type Profile,
} from '../../../../shared/schema/profile.ts';
import { AppError, toAppError } from '../../core/app-error.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { ProfileEntry } from '../../records/profile-service.ts';
import { useApp } from '../../store/app-context.tsx';
import { createSubmit } from '../../ui/create-submit.ts';
import { errorText } from '../../ui/error-text.ts';
import { FormError } from '../../ui/form-error.tsx';

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
  const [fieldError, setFieldError] = createSignal<FieldName | null>(null);
  const [formError, setFormError] = createSignal<string | null>(null);

  const fieldMessage = (field: FieldName) =>
    field === 'displayName' ? t('profiles.errors.displayName') : t('profiles.errors.dateOfBirth');

  let form: HTMLFormElement | undefined;

  /** The profile as typed; the shared schema judges it when it is saved. */
  function typed(): Profile {
    const data = new FormData(form);
    return {
      schemaVersion: 1,
      displayName: String(data.get('displayName') ?? '').trim(),
      relationship: String(data.get('relationship')) as Profile['relationship'],
      dateOfBirth: String(data.get('dateOfBirth') ?? ''),
      sex: String(data.get('sex')) as Profile['sex'],
      locale: String(data.get('locale')) as Profile['locale'],
    };
  }

  const { busy, submit } = createSubmit({
    clear: () => {
      setFieldError(null);
      setFormError(null);
    },
    run: async () => {
      const profile = typed();
      const entry = props.profile
        ? await app.updateProfile(props.profile.id, profile)
        : await app.createProfile(profile);
      if (!props.profile) form?.reset();
      props.onDone?.(entry);
    },
    fail: (error) => {
      const appError = toAppError(error);
      const field = String(appError.meta.field ?? '').split('.')[0] as FieldName;
      if (appError.reason === 'invalid-record' && (field === 'displayName' || field === 'dateOfBirth')) {
        setFieldError(field);
        form?.querySelector<HTMLElement>(`#${idPrefix}-${field}`)?.focus();
      } else {
        setFormError(errorText(t, appError instanceof AppError ? appError : error));
      }
    },
  });

  const invalid = (field: FieldName) => fieldError() === field;
  const describedBy = (field: FieldName) => (invalid(field) ? `${idPrefix}-${field}-error` : undefined);

  return (
    <form ref={form} class="stack profile-form" onSubmit={submit} novalidate>
      <FormError text={formError()} />
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
