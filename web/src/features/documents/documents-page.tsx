import { createMemo, createSignal, For, onCleanup, Show } from 'solid-js';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { useApp } from '../../store/app-context.tsx';
import { documentsOf } from './document-files.ts';
import { DocumentItem } from './document-item.tsx';
import { DocumentUploadForm } from './document-upload-form.tsx';
import { createObjectUrls } from './object-urls.ts';
import './documents.css';

/** `/documents`: add files to the active profile and open, download or delete them. */
export function DocumentsPage() {
  const app = useApp();
  const { t } = useI18n();
  const urls = createObjectUrls();
  const [announcement, setAnnouncement] = createSignal('');
  const documents = createMemo(() => documentsOf(app.profileRecords()));
  let listHeading: HTMLHeadingElement | undefined;

  // Leaving the screen (or locking, which unmounts it) drops every decrypted blob.
  onCleanup(() => urls.revokeAll());

  return (
    <div class="stack documents">
      <h1>{t('documents.title')}</h1>
      <p>{t('documents.intro')}</p>
      <DocumentUploadForm />
      <section class="stack" aria-labelledby="documents-list-title">
        <h2 id="documents-list-title" ref={listHeading} tabIndex={-1}>
          {t('documents.list.title')}
        </h2>
        <p class="visually-hidden" role="status">
          {announcement()}
        </p>
        <Show when={documents().length > 0} fallback={<p>{t('documents.list.empty')}</p>}>
          <ul class="list documents__list">
            <For each={documents()}>
              {(item) => (
                <DocumentItem
                  item={item}
                  urls={urls}
                  announce={setAnnouncement}
                  onDeleted={() => listHeading?.focus()}
                />
              )}
            </For>
          </ul>
        </Show>
      </section>
    </div>
  );
}
