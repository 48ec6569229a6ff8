/** Emergency contacts: name, relationship and phone, each switchable, in calling order. */
import { For } from 'solid-js';
import type { SetStoreFunction } from 'solid-js/store';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { DraftContact, EmergencyDraft } from './draft.ts';

type Field = 'name' | 'relationship' | 'phone';

export function ContactList(props: { draft: EmergencyDraft; setDraft: SetStoreFunction<EmergencyDraft> }) {
  const { t } = useI18n();
  const field = (contact: DraftContact, index: number, name: Field, label: string, type = 'text') => (
    <div class="field">
      <label for={`emergency-contact-${index}-${name}`}>{label}</label>
      <input
        id={`emergency-contact-${index}-${name}`}
        type={type}
        value={contact[name]}
        maxLength={name === 'relationship' ? 40 : name === 'phone' ? 30 : 60}
        onInput={(e) => props.setDraft('contacts', index, name, e.currentTarget.value)}
      />
    </div>
  );
  return (
    <fieldset class="emergency-section stack" data-section="contacts">
      <legend>{t('emergency.sections.contacts')}</legend>
      <For each={props.draft.contacts}>
        {(contact, index) => (
          <div class="emergency-contact">
            <label class="emergency-check">
              <input
                type="checkbox"
                checked={contact.include}
                onChange={(e) => props.setDraft('contacts', index(), 'include', e.currentTarget.checked)}
              />
              {t('emergency.item.include', { text: contact.name || String(index() + 1) })}
            </label>
            {field(contact, index(), 'name', t('emergency.sections.contactName'))}
            {field(contact, index(), 'relationship', t('emergency.sections.contactRelationship'))}
            {field(contact, index(), 'phone', t('emergency.sections.contactPhone'), 'tel')}
          </div>
        )}
      </For>
      <button
        type="button"
        class="button button--secondary"
        onClick={() =>
          props.setDraft('contacts', (list) => [
            ...list,
            { name: '', relationship: '', phone: '', include: true },
          ])
        }
      >
        {t('emergency.item.addContact')}
      </button>
    </fieldset>
  );
}
