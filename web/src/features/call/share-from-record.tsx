import { createSignal, For } from 'solid-js';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { useApp } from '../../store/app-context.tsx';
import { useRecordText } from '../record/record-text.ts';
import { summarize } from '../record/summary.ts';
import { FILE_MAX_BYTES } from './call-messages.ts';
import type { CallSession } from './call-session.ts';

/**
 * The patient picks one entry of the active profile to show the practitioner: a document goes as its
 * file (decrypted on this device, sent over the call's encrypted data channel), anything else as the
 * one-line summary the record shows. Nothing is shared without this explicit choice.
 */
export function ShareFromRecord(props: { session: CallSession }) {
  const app = useApp();
  const { t } = useI18n();
  const text = useRecordText();
  const [choice, setChoice] = createSignal('');
  const [error, setError] = createSignal<string | null>(null);

  // Entries that failed to decrypt or parse (record null) cannot be shared.
  const shareable = () => app.profileRecords().filter((e) => e.record !== null);
  const line = (id: string) => {
    const entry = shareable().find((e) => e.id === id);
    if (!entry?.record) return undefined;
    const summary = summarize(entry.record, text, entry.verdict);
    return { record: entry.record, entry, title: summary.title, details: summary.details.join(' — ') };
  };

  async function share(event: SubmitEvent) {
    event.preventDefault();
    setError(null);
    const picked = line(choice());
    if (!picked) return;
    const { record } = picked;
    if (record.kind === 'document') {
      if (record.sizeBytes > FILE_MAX_BYTES) return setError(t('call.call.fileTooLarge'));
      const bytes = await app.readDocument(picked.entry);
      props.session.sendFile(record.fileName, record.mediaType, bytes);
    } else {
      props.session.shareEntry(picked.title, picked.details);
    }
  }

  return (
    <form class="call-chat__form" onSubmit={(e) => void share(e)}>
      <div class="field">
        <label for="call-share">{t('call.call.shareLabel')}</label>
        <select id="call-share" onChange={(e) => setChoice(e.currentTarget.value)}>
          <option value="" />
          <For each={shareable()}>
            {(entry) => <option value={entry.id}>{line(entry.id)?.title ?? entry.id}</option>}
          </For>
        </select>
        <p class="field__error" role="alert">
          {error() ?? ''}
        </p>
      </div>
      <button type="submit" class="button button--secondary" disabled={!choice()}>
        {t('call.call.share')}
      </button>
    </form>
  );
}
