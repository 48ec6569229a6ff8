import { createSignal, Match, onCleanup, Show, Switch } from 'solid-js';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { useApp } from '../../store/app-context.tsx';
import { errorText } from '../../ui/error-text.ts';
import {
  type DocumentEntry,
  fileTypeLabel,
  formatFileSize,
  type PreviewKind,
  previewBlobType,
  previewKind,
} from './document-files.ts';
import type { ObjectUrls } from './object-urls.ts';

export interface DocumentItemProps {
  item: DocumentEntry;
  urls: ObjectUrls;
  /** Tells the page's live region what happened. */
  announce(message: string): void;
  /** Called after the document is deleted, so the page can move focus somewhere sensible. */
  onDeleted(): void;
}

interface Preview {
  kind: PreviewKind;
  url: string;
}

/**
 * One document: what it is, and Preview / Download / Delete. Bytes are decrypted only on demand;
 * if decryption or the checksum fails, the item shows the error and nothing of the content. A file
 * a practitioner attached to a signed entry is read-only (no Delete, like the entry) and says who
 * signed it, from the entry's verdict: verified only while the entry verifies, under an unchanged
 * key, and signs this very SHA-256.
 */
export function DocumentItem(props: DocumentItemProps) {
  const app = useApp();
  const { t, locale, formatDate } = useI18n();
  const [busy, setBusy] = createSignal(false);
  const [preview, setPreview] = createSignal<Preview | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const [confirming, setConfirming] = createSignal(false);
  let deleteButton: HTMLButtonElement | undefined;
  let cancelButton: HTMLButtonElement | undefined;
  let disposed = false;

  const doc = () => props.item.record;
  const id = () => props.item.id;
  const kind = () => previewKind(doc().mediaType);
  const type = () => fileTypeLabel(doc().fileName, doc().mediaType);
  const signer = (): { name: string; fingerprint: string } | 'unverified' | null => {
    const from = doc().fromEntry;
    if (!from) return null;
    const verdict = app.records().find((r) => r.id === from)?.verdict;
    return verdict?.status === 'verified' &&
      !verdict.keyChanged &&
      verdict.payload.entry.attachment?.sha256 === doc().sha256
      ? { name: verdict.payload.author.name, fingerprint: verdict.fingerprint }
      : 'unverified';
  };

  async function decrypt(): Promise<Uint8Array | null> {
    setError(null);
    setBusy(true);
    props.announce(t('documents.status.decrypting', { title: doc().title }));
    try {
      return await app.readDocument(props.item);
    } catch (caught) {
      closePreview();
      props.announce('');
      setError(errorText(t, caught));
      return null;
    } finally {
      setBusy(false);
    }
  }

  function closePreview() {
    const open = preview();
    if (open) props.urls.revoke(open.url);
    setPreview(null);
  }

  // Deleted, another profile chosen, or the vault locked: the decrypted image goes too.
  onCleanup(() => {
    disposed = true;
    closePreview();
  });

  async function togglePreview() {
    if (preview()) {
      closePreview();
      return;
    }
    const previewType = previewBlobType(doc().mediaType);
    const previewAs = kind();
    if (!previewType || !previewAs) return;
    const bytes = await decrypt();
    // Gone while decrypting (locked, deleted): make no URL that nothing would revoke.
    if (!bytes || disposed) return;
    setPreview({ kind: previewAs, url: props.urls.create(bytes, previewType) });
    props.announce('');
  }

  async function download() {
    const bytes = await decrypt();
    if (!bytes || disposed) return;
    props.urls.download(bytes, doc().fileName);
    props.announce(t('documents.status.downloaded', { title: doc().title }));
  }

  function askDelete() {
    setConfirming(true);
    cancelButton?.focus();
  }

  function cancelDelete() {
    setConfirming(false);
    deleteButton?.focus();
  }

  async function confirmDelete() {
    setBusy(true);
    try {
      closePreview();
      await app.deleteRecord(id());
      props.announce(t('documents.status.deleted', { title: doc().title }));
      props.onDeleted();
    } catch (caught) {
      setError(errorText(t, caught));
      setConfirming(false);
      setBusy(false);
    }
  }

  const titleId = () => `document-${id()}-title`;
  const previewId = () => `document-${id()}-preview`;

  return (
    <li class="list__item document" aria-labelledby={titleId()}>
      <h3 class="document__title" id={titleId()}>
        {doc().title}
      </h3>
      <dl class="document__meta">
        <div>
          <dt>{t('documents.list.meta.category')}</dt>
          <dd>{t(`documents.category.${doc().category}`)}</dd>
        </div>
        <div>
          <dt>{t('documents.list.meta.date')}</dt>
          <dd>{formatDate(doc().date)}</dd>
        </div>
        <div>
          <dt>{t('documents.list.meta.size')}</dt>
          <dd>{formatFileSize(doc().sizeBytes, locale())}</dd>
        </div>
        <Show when={type()}>
          <div>
            <dt>{t('documents.list.meta.type')}</dt>
            <dd>{type()}</dd>
          </div>
        </Show>
      </dl>
      <Show when={doc().note}>
        <p class="document__note">{doc().note}</p>
      </Show>
      {/* Keyed: the entry may be imported (and verified) after its file is listed. */}
      <Show when={signer()} keyed>
        {(by) =>
          by === 'unverified' ? (
            <p class="message message--error entry-check entry-check--invalid">
              {t('shares.verify.documentUnverified')}
            </p>
          ) : (
            <p class="message entry-check entry-check--verified">
              {t('shares.verify.documentVerified', { name: by.name })}
              <br />
              {t('shares.verify.fingerprint')} <span class="entry-check__fingerprint">{by.fingerprint}</span>
            </p>
          )
        }
      </Show>
      <Show when={error()}>
        <p class="message message--error" role="alert">
          {error()}
        </p>
      </Show>
      <Show
        when={confirming()}
        fallback={
          <div class="form-actions">
            <Show when={kind()}>
              <button
                type="button"
                class="button button--secondary"
                aria-expanded={preview() !== null}
                aria-controls={previewId()}
                disabled={busy()}
                onClick={togglePreview}
              >
                {preview() ? t('documents.actions.closePreview') : t('documents.actions.preview')}
                <span class="visually-hidden">: {doc().title}</span>
              </button>
            </Show>
            <button type="button" class="button button--secondary" disabled={busy()} onClick={download}>
              {t('documents.actions.download')}
              <span class="visually-hidden">: {doc().title}</span>
            </button>
            <Show when={!doc().fromEntry}>
              <button
                ref={deleteButton}
                type="button"
                class="button button--secondary document__delete"
                disabled={busy()}
                onClick={askDelete}
              >
                {t('documents.actions.delete')}
                <span class="visually-hidden">: {doc().title}</span>
              </button>
            </Show>
          </div>
        }
      >
        <fieldset class="message document__confirm">
          <legend>{t('documents.actions.confirmDelete', { title: doc().title })}</legend>
          <div class="form-actions">
            <button type="button" class="button button--danger" disabled={busy()} onClick={confirmDelete}>
              {t('documents.actions.confirmDeleteYes')}
            </button>
            <button ref={cancelButton} type="button" class="button button--secondary" onClick={cancelDelete}>
              {t('documents.actions.cancel')}
            </button>
          </div>
        </fieldset>
      </Show>
      <div id={previewId()} class="document__preview">
        <Show when={preview()}>
          {(open) => (
            <Switch>
              <Match when={open().kind === 'image'}>
                <img src={open().url} alt={t('documents.preview.label', { title: doc().title })} />
              </Match>
              <Match when={open().kind === 'pdf'}>
                <iframe src={open().url} title={t('documents.preview.label', { title: doc().title })} />
              </Match>
            </Switch>
          )}
        </Show>
      </div>
    </li>
  );
}
