/** The editor's fields, in the order a responder reads them. */
import type { SetStoreFunction } from 'solid-js/store';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { ContactList } from './contact-list.tsx';
import type { EmergencyDraft } from './draft.ts';
import { ItemList } from './item-list.tsx';

type TextKey = 'name' | 'dateOfBirth' | 'directive' | 'pregnancy' | 'languages' | 'bloodType';

export function DraftForm(props: { draft: EmergencyDraft; setDraft: SetStoreFunction<EmergencyDraft> }) {
  const { t } = useI18n();
  const text = (
    key: TextKey,
    label: string,
    options: { type?: string; max?: number; hint?: string } = {},
  ) => (
    <div class="field">
      <label for={`emergency-${key}`}>{label}</label>
      <input
        id={`emergency-${key}`}
        type={options.type ?? 'text'}
        value={props.draft[key]}
        maxLength={options.max}
        aria-describedby={options.hint ? `emergency-${key}-hint` : undefined}
        onInput={(e) => props.setDraft(key, e.currentTarget.value)}
      />
      {options.hint && (
        <p class="field__hint" id={`emergency-${key}-hint`}>
          {options.hint}
        </p>
      )}
    </div>
  );
  return (
    <div class="stack">
      <fieldset class="emergency-section stack">
        <legend>{t('emergency.sections.directive')}</legend>
        {text('directive', t('emergency.sections.directive'), {
          max: 120,
          hint: t('emergency.sections.directiveHint'),
        })}
      </fieldset>
      <ItemList section="conditions" draft={props.draft} setDraft={props.setDraft} />
      <ItemList section="allergies" draft={props.draft} setDraft={props.setDraft} />
      <ItemList section="medications" draft={props.draft} setDraft={props.setDraft} />
      <ItemList section="devices" draft={props.draft} setDraft={props.setDraft} />
      <fieldset class="emergency-section stack">
        <legend>{t('emergency.sections.pregnancy')}</legend>
        {text('pregnancy', t('emergency.sections.pregnancy'), { max: 120 })}
      </fieldset>
      <fieldset class="emergency-section stack">
        <legend>{t('emergency.sections.identity')}</legend>
        {text('name', t('emergency.sections.name'), { max: 60 })}
        {text('dateOfBirth', t('emergency.sections.dateOfBirth'), { type: 'date' })}
        <label class="emergency-check">
          <input
            type="checkbox"
            checked={props.draft.includeDateOfBirth}
            onChange={(e) => props.setDraft('includeDateOfBirth', e.currentTarget.checked)}
          />
          {t('emergency.sections.includeDateOfBirth')}
        </label>
        <div class="field">
          <label for="emergency-language">{t('emergency.sections.language')}</label>
          <select
            id="emergency-language"
            value={props.draft.language}
            onChange={(e) => props.setDraft('language', e.currentTarget.value === 'fr' ? 'fr' : 'en')}
          >
            <option value="en">English</option>
            <option value="fr">Français</option>
          </select>
        </div>
      </fieldset>
      <ContactList draft={props.draft} setDraft={props.setDraft} />
      <fieldset class="emergency-section stack">
        <legend>{t('emergency.sections.more')}</legend>
        {text('languages', t('emergency.sections.languages'), {
          hint: t('emergency.sections.languagesHint'),
        })}
        {text('bloodType', t('emergency.sections.bloodType'), { max: 12 })}
        <div class="field">
          <label for="emergency-organ-donor">{t('emergency.sections.organDonor')}</label>
          <select
            id="emergency-organ-donor"
            value={props.draft.organDonor}
            onChange={(e) =>
              props.setDraft('organDonor', e.currentTarget.value as EmergencyDraft['organDonor'])
            }
          >
            <option value="unknown">{t('emergency.sections.donorUnknown')}</option>
            <option value="yes">{t('emergency.sections.donorYes')}</option>
            <option value="no">{t('emergency.sections.donorNo')}</option>
          </select>
        </div>
        <div class="field">
          <label for="emergency-note">{t('emergency.sections.note')}</label>
          <textarea
            id="emergency-note"
            value={props.draft.note}
            maxLength={300}
            onInput={(e) => props.setDraft('note', e.currentTarget.value)}
          />
        </div>
      </fieldset>
    </div>
  );
}
