/**
 * The documents a new share carries: the profile's documents as checkboxes, each with its size,
 * and the total of the chosen ones, all shown before anything is shared (sizes in the user's
 * language: "1.2 MB", "1,2 Mo").
 */
import { createMemo, For, Show } from 'solid-js';
import { SHARE_MAX_FILES } from '../../../../shared/protocol/shares.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { useApp } from '../../store/app-context.tsx';
import { formatFileSize } from '../documents/document-files.ts';

export function ShareDocumentsPicker(props: {
  profileId: string;
  chosen: readonly string[];
  onChange: (chosen: readonly string[]) => void;
  disabled: boolean;
}) {
  const app = useApp();
  const { t, locale } = useI18n();
  const documents = createMemo(() =>
    app
      .records()
      .flatMap((entry) =>
        entry.profileId === props.profileId && entry.record?.kind === 'document'
          ? [{ id: entry.id, doc: entry.record }]
          : [],
      )
      .sort((a, b) => b.doc.date.localeCompare(a.doc.date) || a.doc.title.localeCompare(b.doc.title)),
  );
  const chosen = createMemo(() => documents().filter((d) => props.chosen.includes(d.id)));
  const total = () => chosen().reduce((sum, d) => sum + d.doc.sizeBytes, 0);
  const toggle = (id: string, on: boolean) =>
    props.onChange(on ? [...props.chosen, id] : props.chosen.filter((c) => c !== id));

  return (
    <fieldset class="share-options share-documents" aria-describedby="share-documents-hint">
      <legend>{t('shares.page.documents')}</legend>
      <p class="field__hint" id="share-documents-hint">
        {props.disabled ? t('shares.page.documentsSingleUse') : t('shares.page.documentsHint')}
      </p>
      <Show when={!props.disabled}>
        <Show when={documents().length > 0} fallback={<p>{t('shares.page.documentsNone')}</p>}>
          <For each={documents()}>
            {(item) => (
              <label class="share-option share-document">
                <input
                  type="checkbox"
                  name="documents"
                  value={item.id}
                  checked={props.chosen.includes(item.id)}
                  disabled={!props.chosen.includes(item.id) && props.chosen.length >= SHARE_MAX_FILES}
                  onChange={(e) => toggle(item.id, e.currentTarget.checked)}
                />
                <span>
                  {item.doc.title}{' '}
                  <span class="share-document__size">({formatFileSize(item.doc.sizeBytes, locale())})</span>
                </span>
              </label>
            )}
          </For>
          <p class="share-documents__total" role="status">
            {t('shares.page.documentsTotal', {
              count: String(chosen().length),
              size: formatFileSize(total(), locale()),
            })}
          </p>
        </Show>
      </Show>
    </fieldset>
  );
}
