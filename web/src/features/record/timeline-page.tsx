/**
 * `/record` (and the unlocked home): every entry of the active profile, grouped by the month of
 * its clinical date, with an accent-insensitive search over the decrypted text. Only the active
 * profile's records are searched: the others are not even in the list it filters.
 */
import { A } from '@solidjs/router';
import { createMemo, createSignal, For, Show } from 'solid-js';
import { useApp } from '../../store/app-context.tsx';
import { KindMenu } from './kind-menu.tsx';
import { WRITABLE_KINDS } from './kinds.ts';
import { NoProfile } from './no-profile.tsx';
import { groupByMonth, sortByClinicalDate } from './record-dates.ts';
import { RecordItem } from './record-item.tsx';
import { type RecordText, useRecordText } from './record-text.ts';
import { matchesQuery, normalizeText, recordWords } from './search.ts';
import { ShowMore, usePaging } from './show-more.tsx';
import { summarize } from './summary.ts';
import './record.css';

function monthTitle(month: string | null, { tr, formatDate }: RecordText): string {
  if (month === null) return tr('timeline.undated');
  const title = formatDate(`${month}-01`, { month: 'long', year: 'numeric' });
  return title.charAt(0).toUpperCase() + title.slice(1);
}

export function TimelinePage() {
  const app = useApp();
  const text = useRecordText();
  const { tr } = text;
  const [query, setQuery] = createSignal('');
  const paging = usePaging();

  const sorted = createMemo(() => sortByClinicalDate(app.profileRecords()));
  // The searchable text of each entry: its own words plus what the list shows in this language.
  // Built only while searching, so opening the record does not pay for it.
  const indexed = createMemo(() =>
    sorted().map((entry) => {
      if (!entry.record) return { entry, haystack: '' };
      const summary = summarize(entry.record, text, entry.verdict);
      const words = [
        tr(`kinds.${entry.record.kind}`),
        summary.title,
        ...summary.details,
        ...recordWords(entry.record),
      ];
      return { entry, haystack: normalizeText(words.join(' ')) };
    }),
  );
  const searching = () => normalizeText(query()) !== '';
  const found = createMemo(() =>
    searching()
      ? indexed()
          .filter(({ entry, haystack }) => entry.record !== null && matchesQuery(haystack, query()))
          .map(({ entry }) => entry)
      : sorted(),
  );
  const groups = createMemo(() => groupByMonth(found().slice(0, paging.limit())));

  return (
    <Show when={app.activeProfile()} fallback={<NoProfile title={tr('timeline.title')} />}>
      {(profile) => (
        <section class="stack record-page timeline" aria-labelledby="timeline-title">
          <h1 id="timeline-title">{tr('timeline.title')}</h1>
          <p>{tr('timeline.intro', { name: profile().profile.displayName })}</p>

          <section class="timeline__start" aria-labelledby="timeline-start-title">
            <h2 id="timeline-start-title">{tr('timeline.start')}</h2>
            <ul class="chip-list">
              <For each={WRITABLE_KINDS}>
                {(kind) => (
                  <li>
                    <A class="chip chip--add" href={`/record/${kind}/new`}>
                      {tr(`addKind.${kind}`)}
                    </A>
                  </li>
                )}
              </For>
            </ul>
          </section>

          <search class="field timeline__search">
            <label for="timeline-search">{tr('timeline.search')}</label>
            <p class="field__hint" id="timeline-search-hint">
              {tr('timeline.searchHint')}
            </p>
            <input
              id="timeline-search"
              type="search"
              autocomplete="off"
              aria-describedby="timeline-search-hint"
              value={query()}
              onInput={(event) => {
                setQuery(event.currentTarget.value);
                paging.reset();
              }}
            />
          </search>
          <p role="status" class="timeline__count">
            {searching()
              ? found().length === 0
                ? tr('timeline.noResults', { query: query().trim() })
                : found().length === 1
                  ? tr('timeline.resultsOne')
                  : tr('timeline.results', { count: found().length })
              : ''}
          </p>

          <Show when={app.profileRecords().length > 0} fallback={<p>{tr('timeline.empty')}</p>}>
            <For each={groups()}>
              {(group, index) => (
                <section class="timeline__month" aria-labelledby={`timeline-month-${index()}`}>
                  <h2 id={`timeline-month-${index()}`}>{monthTitle(group.month, text)}</h2>
                  <ul class="list record-list">
                    <For each={group.entries}>
                      {(entry) => <RecordItem entry={entry} text={text} showKind />}
                    </For>
                  </ul>
                </section>
              )}
            </For>
            <ShowMore paging={paging} total={found().length} text={text} />
          </Show>
          <KindMenu />
        </section>
      )}
    </Show>
  );
}
