/**
 * The compose box of a thread (docs/architecture.md §8.5): the text (Enter sends, Shift+Enter a new
 * line); for a patient, the family profile written about and a document of that profile's record
 * or a new file to attach; for a practitioner, a structured request ("more information", "a new
 * document", "a clearer copy of document X") and a new file. When the server cannot be reached the
 * message goes to the outbox (sealed on this device) and the box says it will be sent later.
 */
import { createMemo, createSignal, For, Show } from 'solid-js';
import { MAX_DOCUMENT_BYTES } from '../../../../shared/schema/document.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { RequestType } from '../../messaging/message-content.ts';
import type { NewDraft, OpenedThread } from '../../messaging/messaging.ts';
import type { ViewMessage } from '../../messaging/thread-view.ts';
import { useApp } from '../../store/app-context.tsx';
import { createSubmit } from '../../ui/create-submit.ts';
import { FormError } from '../../ui/form-error.tsx';
import { messageErrorText } from './message-error-text.ts';
import { requestText } from './request-text.ts';
import { requireMessaging } from './require-messaging.ts';

export interface ComposeFormProps {
  readonly thread: OpenedThread;
  /** The request being answered, set from a message's "answer" button. */
  readonly answering: ViewMessage['request'] | null;
  readonly onCancelAnswer: () => void;
  readonly onSent: () => void;
}

function newRequestId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, '0')).join(
    '',
  );
}

export function ComposeForm(props: ComposeFormProps) {
  const app = useApp();
  const { t } = useI18n();
  const [text, setText] = createSignal('');
  const [error, setError] = createSignal<string | null>(null);
  const [status, setStatus] = createSignal<'sent' | 'queued' | null>(null);
  const [profileId, setProfileId] = createSignal(app.activeProfile()?.id ?? '');
  const [documentId, setDocumentId] = createSignal('');
  const [file, setFile] = createSignal<File | null>(null);
  const [request, setRequest] = createSignal<RequestType | ''>('');
  const [requestDocument, setRequestDocument] = createSignal('');
  let fileInput: HTMLInputElement | undefined;

  const patient = () => props.thread.myRole === 'patient';
  const profile = () => app.profiles().find((p) => p.id === profileId()) ?? app.profiles()[0];
  const documents = createMemo(() =>
    app
      .records()
      .filter((r) => r.profileId === profile()?.id && r.record?.kind === 'document')
      .map((r) => ({ entry: r, title: r.record?.kind === 'document' ? r.record.title : '' })),
  );

  async function files(): Promise<NonNullable<NewDraft['files']>> {
    const out: { name: string; mediaType: string; bytes: Uint8Array }[] = [];
    const chosen = documents().find((d) => d.entry.id === documentId());
    if (chosen && chosen.entry.record?.kind === 'document') {
      out.push({
        name: chosen.entry.record.fileName,
        mediaType: chosen.entry.record.mediaType,
        bytes: await app.readDocument(chosen.entry),
      });
    }
    const picked = file();
    if (picked)
      out.push({
        name: picked.name,
        mediaType: picked.type,
        bytes: new Uint8Array(await picked.arrayBuffer()),
      });
    return out;
  }

  const { submit, busy } = createSubmit({
    clear: () => {
      setError(null);
      setStatus(null);
    },
    validate: () => {
      if (request() === 'clearer-copy' && requestDocument().trim() === '') {
        setError(t('messages.thread.request.needDocument'));
        return false;
      }
      if ((file()?.size ?? 0) > MAX_DOCUMENT_BYTES) {
        setError(t('messages.thread.attach.tooLarge'));
        return false;
      }
      if (text().trim() !== '' || documentId() !== '' || file() !== null) return true;
      setError(t('messages.thread.empty'));
      return false;
    },
    run: async () => {
      const kind = request();
      const draft: NewDraft = {
        text: text().trim(),
        ...(patient() && profile() ? { for: profile()?.profile.displayName } : {}),
        ...(kind
          ? {
              request: {
                id: newRequestId(),
                type: kind,
                ...(kind === 'clearer-copy' ? { document: requestDocument().trim() } : {}),
              },
            }
          : {}),
        ...(props.answering ? { answers: props.answering.id } : {}),
        files: await files(),
      };
      setStatus(await requireMessaging(app).sendDraft(props.thread.id, draft));
      setText('');
      setDocumentId('');
      setFile(null);
      if (fileInput) fileInput.value = '';
      setRequest('');
      setRequestDocument('');
      props.onSent();
    },
    fail: (caught) => setError(messageErrorText(t, caught)),
  });

  function onKeyDown(event: KeyboardEvent & { currentTarget: HTMLTextAreaElement }): void {
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing) return;
    event.preventDefault();
    event.currentTarget.form?.requestSubmit();
  }

  return (
    <form class="stack compose" onSubmit={submit} novalidate aria-busy={busy()}>
      <FormError text={error()} />
      <Show when={status()}>
        {(done) => (
          <p class="message" role="status">
            {done() === 'sent' ? t('messages.thread.sent') : t('messages.thread.queued')}
          </p>
        )}
      </Show>
      <Show when={props.answering}>
        {(answering) => (
          <p class="answering">
            {t('messages.thread.request.answering', { what: requestText(t, answering()) })}{' '}
            <button type="button" class="button button--secondary" onClick={() => props.onCancelAnswer()}>
              {t('messages.thread.request.cancel')}
            </button>
          </p>
        )}
      </Show>
      <Show when={patient() && app.profiles().length > 1}>
        <div class="field">
          <label for="compose-for">{t('messages.thread.writingFor')}</label>
          <select
            id="compose-for"
            value={profile()?.id ?? ''}
            onChange={(e) => {
              setProfileId(e.currentTarget.value);
              setDocumentId('');
            }}
          >
            <For each={app.profiles()}>{(p) => <option value={p.id}>{p.profile.displayName}</option>}</For>
          </select>
        </div>
      </Show>
      <Show when={!patient()}>
        <div class="field">
          <label for="compose-request">{t('messages.thread.request.label')}</label>
          <select
            id="compose-request"
            value={request()}
            onChange={(e) => setRequest(e.currentTarget.value as RequestType | '')}
          >
            <option value="">{t('messages.thread.request.none')}</option>
            <option value="more-info">{t('messages.thread.request.more-info')}</option>
            <option value="new-document">{t('messages.thread.request.new-document')}</option>
            <option value="clearer-copy">{t('messages.thread.request.clearer-copy')}</option>
          </select>
        </div>
        <Show when={request() === 'clearer-copy'}>
          <div class="field">
            <label for="compose-request-document">{t('messages.thread.request.document')}</label>
            <input
              id="compose-request-document"
              type="text"
              value={requestDocument()}
              onInput={(e) => setRequestDocument(e.currentTarget.value)}
            />
          </div>
        </Show>
      </Show>
      <div class="field">
        <label for="compose">{t('messages.thread.compose')}</label>
        <textarea
          id="compose"
          rows="3"
          aria-describedby="compose-hint"
          value={text()}
          onInput={(e) => setText(e.currentTarget.value)}
          onKeyDown={onKeyDown}
        />
        <p id="compose-hint" class="hint">
          {t('messages.thread.composeHint')}
        </p>
      </div>
      <Show when={patient() && documents().length > 0}>
        <div class="field">
          <label for="compose-document">{t('messages.thread.attach.fromRecord')}</label>
          <select
            id="compose-document"
            value={documentId()}
            onChange={(e) => setDocumentId(e.currentTarget.value)}
          >
            <option value="">{t('messages.thread.attach.noneChosen')}</option>
            <For each={documents()}>{(d) => <option value={d.entry.id}>{d.title}</option>}</For>
          </select>
        </div>
      </Show>
      <div class="field">
        <label for="compose-file">{t('messages.thread.attach.newFile')}</label>
        <input
          ref={(element) => {
            fileInput = element;
          }}
          id="compose-file"
          type="file"
          onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
        />
      </div>
      <div class="form-actions">
        <button type="submit" class="button" disabled={busy()}>
          {t('messages.thread.send')}
        </button>
      </div>
    </form>
  );
}
