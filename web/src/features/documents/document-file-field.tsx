import { createSignal, Show } from 'solid-js';
import { useI18n } from '../../i18n/i18n-context.tsx';

export interface DocumentFileFieldProps {
  /** The accepted file, shown with its size under the field. */
  chosen: File | null;
  error: string | null;
  size(bytes: number): string;
  /** A file picked or dropped (null when the picker was cleared). */
  onPick(file: File | null): void;
  ref(input: HTMLInputElement): void;
}

/**
 * The file input. It is also the drop target, made large by CSS: pointer users can drop a file on
 * it, keyboard and screen-reader users get the native picker. The 20 MB limit next to the submit
 * button (`#document-limit`) describes it.
 */
export function DocumentFileField(props: DocumentFileFieldProps) {
  const { t } = useI18n();
  const [dragging, setDragging] = createSignal(false);
  let input: HTMLInputElement | undefined;

  function drop(event: DragEvent) {
    event.preventDefault();
    setDragging(false);
    const dropped = event.dataTransfer?.files?.[0];
    if (!dropped) return;
    // Keep the input in step with what was dropped, so the form has one source of truth.
    if (input) {
      const transfer = new DataTransfer();
      transfer.items.add(dropped);
      input.files = transfer.files;
    }
    props.onPick(dropped);
  }

  return (
    <div class="field">
      <label for="document-file">{t('documents.upload.file')}</label>
      <input
        ref={(element) => {
          input = element;
          props.ref(element);
        }}
        id="document-file"
        name="file"
        type="file"
        class="drop-zone"
        classList={{ 'drop-zone--active': dragging() }}
        aria-invalid={props.error !== null}
        aria-describedby={props.error ? 'document-limit document-file-error' : 'document-limit'}
        onChange={(event) => props.onPick(event.currentTarget.files?.[0] ?? null)}
        onDragEnter={() => setDragging(true)}
        onDragOver={(event) => {
          event.preventDefault();
          if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={drop}
      />
      <p class="field__hint">{dragging() ? t('documents.upload.dropActive') : t('documents.upload.drop')}</p>
      <Show when={props.chosen}>
        {(file) => (
          <p class="field__hint">
            {t('documents.upload.chosen', { name: file().name, size: props.size(file().size) })}
          </p>
        )}
      </Show>
      <Show when={props.error}>
        <p class="field__error" id="document-file-error" role="alert">
          {props.error}
        </p>
      </Show>
    </div>
  );
}
