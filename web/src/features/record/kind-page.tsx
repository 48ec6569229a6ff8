/** `/record/:kind`: the active profile's entries of one kind, newest first, with Add and Edit. */
import { A, useLocation, useParams } from '@solidjs/router';
import { createMemo, createSignal, For, onMount, Show } from 'solid-js';
import { useApp } from '../../store/app-context.tsx';
import { KindMenu } from './kind-menu.tsx';
import { isRecordKind, isWritableKind, READ_ONLY_KINDS } from './kinds.ts';
import { NoProfile } from './no-profile.tsx';
import { sortByClinicalDate } from './record-dates.ts';
import type { RecordNotice } from './record-editor.tsx';
import { RecordItem } from './record-item.tsx';
import { useRecordText } from './record-text.ts';
import { ShowMore, usePaging } from './show-more.tsx';
import './record.css';
import { AdverseReactionLink } from '../legal/adverse-reaction-link.tsx';

export function KindPage() {
  const app = useApp();
  const text = useRecordText();
  const { tr } = text;
  const params = useParams<{ kind: string }>();
  const location = useLocation<RecordNotice>();
  const kind = () => (isRecordKind(params.kind) ? params.kind : undefined);
  const entries = createMemo(() =>
    sortByClinicalDate(app.profileRecords().filter((entry) => entry.record?.kind === params.kind)),
  );

  const paging = usePaging();

  // Set after mount, so the live region exists before its text changes and is announced.
  const [notice, setNotice] = createSignal('');
  let heading: HTMLHeadingElement | undefined;
  onMount(() => {
    const arrived = location.state?.notice;
    if (!arrived) return;
    setNotice(tr(`kindPage.${arrived}`));
    // Back from the form: the focused button is gone, so start again from the top of the list.
    heading?.focus();
  });

  return (
    <Show when={app.activeProfile()} fallback={<NoProfile title={tr('timeline.title')} />}>
      <section class="stack record-page" aria-labelledby="kind-page-title">
        <h1 id="kind-page-title" ref={heading} tabIndex={-1}>
          {kind() ? tr(`kindTitles.${params.kind}`) : tr('editor.readOnlyTitle')}
        </h1>
        <p role="status" class="record-notice">
          {notice()}
        </p>
        <Show when={kind()} fallback={<p class="message message--error">{tr('kindPage.unknown')}</p>}>
          <p>
            {entries().length === 0
              ? tr('kindPage.introNone')
              : entries().length === 1
                ? tr('kindPage.introOne')
                : tr('kindPage.intro', { count: entries().length })}
          </p>
          <Show when={isWritableKind(params.kind)}>
            <p>
              <A class="button" href={`/record/${params.kind}/new`}>
                {tr(`addKind.${params.kind}`)}
              </A>
            </p>
          </Show>
          <Show when={params.kind === 'medication'}>
            <AdverseReactionLink />
          </Show>
          <Show when={(READ_ONLY_KINDS as readonly string[]).includes(params.kind)}>
            <p class="message">{tr('kindPage.readOnly')}</p>
          </Show>
          <Show when={params.kind === 'document'}>
            <p class="message">
              {tr('kindPage.documentsHint')} <A href="/documents">{tr('timeline.openDocuments')}</A>
            </p>
          </Show>
          <Show when={entries().length > 0}>
            <ul class="list record-list" aria-labelledby="kind-page-title">
              <For each={entries().slice(0, paging.limit())}>
                {(entry) => <RecordItem entry={entry} text={text} />}
              </For>
            </ul>
            <ShowMore paging={paging} total={entries().length} text={text} />
          </Show>
        </Show>
        <KindMenu />
      </section>
    </Show>
  );
}
