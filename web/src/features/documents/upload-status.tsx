import { Show } from 'solid-js';
import { useI18n } from '../../i18n/i18n-context.tsx';

export type UploadState =
  | { step: 'reading' | 'encrypting'; fileName: string }
  | { step: 'saved'; title: string }
  | null;

/**
 * Where an upload stands, in a live region that is always in the page (so screen readers announce
 * each change), with an indeterminate progress bar while the file is read and encrypted.
 */
export function UploadStatus(props: { state: UploadState }) {
  const { t } = useI18n();
  const text = () => {
    const state = props.state;
    if (!state) return '';
    if (state.step === 'saved') return t('documents.upload.saved', { title: state.title });
    return state.step === 'reading'
      ? t('documents.upload.reading', { name: state.fileName })
      : t('documents.upload.encrypting', { name: state.fileName });
  };
  const working = () => props.state !== null && props.state.step !== 'saved';

  return (
    <div class="upload-status" role="status">
      <Show when={props.state}>
        <Show when={working()}>
          <progress class="upload-status__progress" aria-hidden="true" />
        </Show>
        <p>{text()}</p>
      </Show>
    </div>
  );
}
