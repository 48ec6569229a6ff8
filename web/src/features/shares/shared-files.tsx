/**
 * The documents a share carries, on the practitioner's page: title, file name, size and date, and
 * a download that fetches the chunks, checks each and the whole file's SHA-256 (the sharing
 * service), and only then saves the bytes. An altered file is said to be so, and nothing is saved.
 */
import { createSignal, For, onCleanup, Show } from 'solid-js';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { SharedFile } from '../../shares/share-files.ts';
import { useApp } from '../../store/app-context.tsx';
import { formatFileSize } from '../documents/document-files.ts';
import { createObjectUrls } from '../documents/object-urls.ts';
import { requireSharing } from './require-sharing.ts';
import { shareErrorText } from './share-error-text.ts';

type FileState = { readonly kind: 'busy' | 'done' } | { readonly kind: 'error'; readonly error: unknown };

export function SharedFiles(props: {
  files: readonly SharedFile[];
  share: { shareId: string; shareKey: Uint8Array; passcode: string };
}) {
  const app = useApp();
  const { t, locale, formatDate } = useI18n();
  const urls = createObjectUrls();
  onCleanup(() => urls.revokeAll());
  const [states, setStates] = createSignal<Readonly<Record<string, FileState>>>({});
  const setState = (id: string, state: FileState) => setStates((all) => ({ ...all, [id]: state }));

  async function download(file: SharedFile): Promise<void> {
    setState(file.id, { kind: 'busy' });
    try {
      const bytes = await requireSharing(app).openFile(props.share, file);
      urls.download(bytes, file.name);
      setState(file.id, { kind: 'done' });
    } catch (error) {
      setState(file.id, { kind: 'error', error });
    }
  }

  // Worded when shown, so the message follows a change of language.
  const errorText = (error: unknown) =>
    error instanceof Error && 'reason' in error && error.reason === 'tampered'
      ? t('shares.open.fileTampered')
      : shareErrorText(t, error);

  return (
    <section class="share-section stack" aria-labelledby="shared-files-title" data-section="documents">
      <h2 id="shared-files-title">{t('shares.open.files')}</h2>
      <ul class="list share-files">
        <For each={props.files}>
          {(file) => {
            const state = () => states()[file.id];
            return (
              <li class="list__item stack share-file" data-file={file.name}>
                <span>
                  <strong>{file.title}</strong>
                  <br />
                  {t('shares.open.fileMeta', {
                    name: file.name,
                    size: formatFileSize(file.size, locale()),
                    date: formatDate(file.date, { dateStyle: 'medium' }),
                  })}
                </span>
                <div class="form-actions">
                  <button
                    type="button"
                    class="button button--secondary"
                    aria-label={t('shares.open.downloadNamed', { title: file.title })}
                    disabled={state()?.kind === 'busy'}
                    onClick={() => void download(file)}
                  >
                    {state()?.kind === 'busy' ? t('shares.open.downloading') : t('shares.open.download')}
                  </button>
                </div>
                <p role="status" classList={{ message: state()?.kind === 'done' }}>
                  <Show when={state()?.kind === 'done'}>{t('shares.open.downloaded')}</Show>
                </p>
                <Show when={state()?.kind === 'error' ? (state() as { error: unknown }) : undefined}>
                  {(failed) => (
                    <p role="alert" class="message message--error">
                      {errorText(failed().error)}
                    </p>
                  )}
                </Show>
              </li>
            );
          }}
        </For>
      </ul>
    </section>
  );
}
