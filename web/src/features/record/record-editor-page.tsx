/**
 * `/record/:kind/new` and `/record/:kind/:id`: the form for kinds the patient writes, a read-only
 * view for practitioner entries and consultations, and a plain "not found" for anything else.
 */
import { A, useParams, useSearchParams } from '@solidjs/router';
import { createMemo, Match, Show, Switch } from 'solid-js';
import { useApp } from '../../store/app-context.tsx';
import { isRecordKind, isWritableKind, kindHref } from './kinds.ts';
import { NoProfile } from './no-profile.tsx';
import { ReadOnlyEntry } from './read-only-entry.tsx';
import { RecordEditor } from './record-editor.tsx';
import { useRecordText } from './record-text.ts';
import './record.css';

export function RecordEditorPage() {
  const app = useApp();
  const { tr } = useRecordText();
  const params = useParams<{ kind: string; id?: string }>();
  const [search] = useSearchParams<{ type?: string }>();
  const id = () => (params.id === undefined || params.id === 'new' ? undefined : params.id);
  const writable = () => (isWritableKind(params.kind) ? params.kind : undefined);
  // The entry must be of the kind in the address: /record/note/<id of an allergy> is not found.
  const record = createMemo(() => {
    const wanted = id();
    const found =
      wanted === undefined ? undefined : app.profileRecords().find((r) => r.id === wanted)?.record;
    return found?.kind === params.kind ? found : undefined;
  });
  const readOnly = createMemo(() => {
    const found = record();
    return found?.kind === 'practitioner-entry' || found?.kind === 'consultation' ? found : undefined;
  });

  const notFound = () => (
    <section class="stack" aria-labelledby="record-missing-title">
      <h1 id="record-missing-title">{tr('editor.readOnlyTitle')}</h1>
      <p class="message message--error">
        {tr(isRecordKind(params.kind) ? 'editor.notFound' : 'kindPage.unknown')}
      </p>
      <Show when={isRecordKind(params.kind) ? params.kind : undefined}>
        {(kind) => (
          <p>
            <A href={kindHref(kind())}>{tr('editor.back')}</A>
          </p>
        )}
      </Show>
    </section>
  );

  return (
    <Switch fallback={notFound()}>
      <Match when={!app.activeProfile()}>
        <NoProfile title={tr('timeline.title')} />
      </Match>
      <Match when={id() === undefined && writable()} keyed>
        {(kind) => <RecordEditor kind={kind} initialType={search.type} />}
      </Match>
      {/* Keyed on the id: the form is built once per entry, not again on every change to it. */}
      <Match when={writable() && record() !== undefined && id()} keyed>
        {(entryId) => {
          const kind = writable();
          const rev = app.profileRecords().find((r) => r.id === entryId)?.rev;
          return kind && <RecordEditor kind={kind} id={entryId} record={record()} rev={rev} />;
        }}
      </Match>
      <Match when={readOnly()}>
        {(entry) => (
          <ReadOnlyEntry
            record={entry()}
            verdict={app.profileRecords().find((r) => r.id === id())?.verdict}
          />
        )}
      </Match>
      <Match when={id() === undefined && isRecordKind(params.kind) ? params.kind : undefined}>
        {(kind) => (
          <section class="stack" aria-labelledby="record-cannot-add-title">
            <h1 id="record-cannot-add-title">{tr(`kindTitles.${kind()}`)}</h1>
            <p class="message">{tr('editor.cannotAdd')}</p>
          </section>
        )}
      </Match>
    </Switch>
  );
}
