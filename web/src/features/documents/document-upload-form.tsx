import { createSignal, For, Show } from 'solid-js';
import {
  DOCUMENT_CATEGORIES,
  type DocumentRecord,
  MAX_DOCUMENT_BYTES,
} from '../../../../shared/schema/document.ts';
import { toAppError } from '../../core/app-error.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { useApp } from '../../store/app-context.tsx';
import { createSubmit } from '../../ui/create-submit.ts';
import { errorText } from '../../ui/error-text.ts';
import { FormError } from '../../ui/form-error.tsx';
import { DocumentFileField } from './document-file-field.tsx';
import { formatFileSize, mediaTypeOf, todayIso } from './document-files.ts';
import { type UploadState, UploadStatus } from './upload-status.tsx';

type FieldName = 'title' | 'date' | 'note';

const TITLE_MAX = 200;

/**
 * Chooses a file (input or drag and drop), checks its size before reading a single byte, then hands
 * it to the store, which encrypts it in chunks. The limit is stated next to the button.
 */
export function DocumentUploadForm() {
  const app = useApp();
  const { t, locale } = useI18n();
  const [file, setFile] = createSignal<File | null>(null);
  const [title, setTitle] = createSignal('');
  const [titleEdited, setTitleEdited] = createSignal(false);
  const [category, setCategory] = createSignal<DocumentRecord['category']>('other');
  const [date, setDate] = createSignal(todayIso());
  const [note, setNote] = createSignal('');
  const [status, setStatus] = createSignal<UploadState>(null);
  const [fileError, setFileError] = createSignal<string | null>(null);
  const [fieldError, setFieldError] = createSignal<FieldName | null>(null);
  const [formError, setFormError] = createSignal<string | null>(null);
  let fileInput: HTMLInputElement | undefined;

  const size = (bytes: number) => formatFileSize(bytes, locale());

  /** Refuses a file that is too large or empty from its size alone: nothing is read. */
  function sizeProblem(candidate: File): string | null {
    if (candidate.size > MAX_DOCUMENT_BYTES) {
      return t('documents.upload.errors.tooLarge', { name: candidate.name, size: size(candidate.size) });
    }
    if (candidate.size === 0) return t('documents.upload.errors.empty', { name: candidate.name });
    return null;
  }

  function choose(candidate: File | null) {
    setStatus(null);
    setFormError(null);
    setFieldError(null);
    const problem = candidate ? sizeProblem(candidate) : null;
    setFileError(problem);
    if (!candidate || problem) {
      setFile(null);
      if (fileInput) fileInput.value = '';
      return;
    }
    setFile(candidate);
    if (!titleEdited()) setTitle(candidate.name.slice(0, TITLE_MAX));
  }

  const { busy, submit } = createSubmit({
    clear: () => {
      setStatus(null);
      setFormError(null);
      setFieldError(null);
    },
    validate: () => {
      const chosen = file();
      const problem = chosen ? sizeProblem(chosen) : t('documents.upload.errors.noFile');
      if (problem) setFileError(problem);
      return problem === null;
    },
    focusInvalid: () => fileInput?.focus(),
    run: async () => {
      const chosen = file();
      if (!chosen) return;
      const trimmedNote = note().trim();
      const trimmedTitle = title().trim();
      setStatus({ step: 'reading', fileName: chosen.name });
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(await chosen.arrayBuffer());
      } catch {
        setFileError(t('documents.upload.errors.unreadable'));
        setStatus(null);
        return;
      }
      setStatus({ step: 'encrypting', fileName: chosen.name });
      // Let the status paint before the synchronous encryption of the first chunks starts.
      await new Promise((resolve) => setTimeout(resolve, 0));
      await app.addDocument({
        fileName: chosen.name,
        mediaType: mediaTypeOf(chosen),
        bytes,
        title: trimmedTitle,
        category: category(),
        date: date(),
        ...(trimmedNote ? { note: trimmedNote } : {}),
      });
      // Back to the defaults: a date carried over from the previous file would be easy to miss.
      if (fileInput) fileInput.value = '';
      setFile(null);
      setTitle('');
      setTitleEdited(false);
      setCategory('other');
      setDate(todayIso());
      setNote('');
      setStatus({ step: 'saved', title: trimmedTitle });
    },
    fail: (error, { form }) => {
      setStatus(null);
      const appError = toAppError(error);
      const field = String(appError.meta.field ?? '').split('.')[0];
      if (
        appError.reason === 'invalid-record' &&
        (field === 'title' || field === 'date' || field === 'note')
      ) {
        setFieldError(field);
        form.querySelector<HTMLElement>(`#document-${field}`)?.focus();
      } else if (appError.reason === 'file-too-large') {
        const chosen = file();
        setFileError((chosen && sizeProblem(chosen)) ?? errorText(t, appError));
      } else {
        setFormError(errorText(t, appError));
      }
    },
  });

  const invalid = (field: FieldName) => fieldError() === field;
  const describedBy = (field: FieldName, hint?: string) =>
    [hint, invalid(field) ? `document-${field}-error` : undefined].filter(Boolean).join(' ') || undefined;

  return (
    <section class="card" aria-labelledby="document-upload-title">
      <h2 id="document-upload-title">{t('documents.upload.title')}</h2>
      <form class="stack" onSubmit={submit} novalidate>
        <FormError text={formError()} />
        <DocumentFileField
          chosen={file()}
          error={fileError()}
          size={size}
          onPick={choose}
          ref={(input) => {
            fileInput = input;
          }}
        />
        <div class="field">
          <label for="document-title">{t('documents.upload.fields.title')}</label>
          <input
            id="document-title"
            name="title"
            maxlength={TITLE_MAX}
            required
            value={title()}
            onInput={(event) => {
              setTitle(event.currentTarget.value);
              setTitleEdited(true);
            }}
            aria-invalid={invalid('title')}
            aria-describedby={describedBy('title', 'document-title-hint')}
          />
          <p class="field__hint" id="document-title-hint">
            {t('documents.upload.titleHint')}
          </p>
          <Show when={invalid('title')}>
            <p class="field__error" id="document-title-error">
              {t('documents.upload.errors.title')}
            </p>
          </Show>
        </div>
        <div class="field">
          <label for="document-category">{t('documents.upload.fields.category')}</label>
          <select
            id="document-category"
            name="category"
            value={category()}
            onChange={(event) => setCategory(event.currentTarget.value as DocumentRecord['category'])}
          >
            <For each={DOCUMENT_CATEGORIES}>
              {(value) => (
                <option value={value} selected={value === category()}>
                  {t(`documents.category.${value}`)}
                </option>
              )}
            </For>
          </select>
        </div>
        <div class="field">
          <label for="document-date">{t('documents.upload.fields.date')}</label>
          <input
            id="document-date"
            name="date"
            type="date"
            required
            value={date()}
            onInput={(event) => setDate(event.currentTarget.value)}
            aria-invalid={invalid('date')}
            aria-describedby={describedBy('date')}
          />
          <Show when={invalid('date')}>
            <p class="field__error" id="document-date-error">
              {t('documents.upload.errors.date')}
            </p>
          </Show>
        </div>
        <div class="field">
          <label for="document-note">{t('documents.upload.fields.note')}</label>
          <textarea
            id="document-note"
            name="note"
            rows="3"
            maxlength="2000"
            value={note()}
            onInput={(event) => setNote(event.currentTarget.value)}
            aria-invalid={invalid('note')}
            aria-describedby={describedBy('note')}
          />
          <Show when={invalid('note')}>
            <p class="field__error" id="document-note-error">
              {t('documents.upload.errors.note')}
            </p>
          </Show>
        </div>
        <div class="form-actions upload-actions">
          <button type="submit" class="button" disabled={busy()} aria-describedby="document-limit">
            {t('documents.upload.submit')}
          </button>
          <p class="field__hint" id="document-limit">
            {t('documents.upload.limit')}
          </p>
        </div>
        <UploadStatus state={status()} />
      </form>
    </section>
  );
}
