/** One list section of the editor: each item can be switched off, edited, removed; items can be added. */
import { For } from 'solid-js';
import type { SetStoreFunction } from 'solid-js/store';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { EmergencyDraft, ListSection } from './draft.ts';

export function ItemList(props: {
  section: ListSection;
  draft: EmergencyDraft;
  setDraft: SetStoreFunction<EmergencyDraft>;
}) {
  const { t } = useI18n();
  const items = () => props.draft[props.section];
  const id = (index: number) => `emergency-${props.section}-${index}`;
  return (
    <fieldset class="emergency-section stack" data-section={props.section}>
      <legend>{t(`emergency.sections.${props.section}`)}</legend>
      <ul class="emergency-items">
        <For each={items()}>
          {(item, index) => (
            <li class="emergency-item">
              <input
                type="checkbox"
                id={`${id(index())}-include`}
                checked={item.include}
                aria-label={t('emergency.item.include', { text: item.text || String(index() + 1) })}
                onChange={(e) => props.setDraft(props.section, index(), 'include', e.currentTarget.checked)}
              />
              <input
                type="text"
                id={id(index())}
                class="emergency-item__text"
                value={item.text}
                maxLength={120}
                aria-label={`${t(`emergency.sections.${props.section}`)}: ${t('emergency.item.text', { n: index() + 1 })}`}
                onInput={(e) => props.setDraft(props.section, index(), 'text', e.currentTarget.value)}
              />
              <button
                type="button"
                class="button button--secondary"
                aria-label={`${t('emergency.item.remove')} ${item.text}`}
                onClick={() => props.setDraft(props.section, (list) => list.filter((_, i) => i !== index()))}
              >
                {t('emergency.item.remove')}
              </button>
            </li>
          )}
        </For>
      </ul>
      <button
        type="button"
        class="button button--secondary"
        aria-label={`${t('emergency.item.add')}: ${t(`emergency.sections.${props.section}`)}`}
        onClick={() => {
          props.setDraft(props.section, (list) => [...list, { text: '', include: true }]);
          document.getElementById(id(items().length - 1))?.focus();
        }}
      >
        {t('emergency.item.add')}
      </button>
    </fieldset>
  );
}
