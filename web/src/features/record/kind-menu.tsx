/** Links to every kind of entry, so each list is one Tab-and-Enter away; the router marks the current one. */
import { A } from '@solidjs/router';
import { For } from 'solid-js';
import { kindHref, MENU_KINDS } from './kinds.ts';
import { useRecordText } from './record-text.ts';

export function KindMenu() {
  const { tr } = useRecordText();
  return (
    <nav class="kind-menu" aria-labelledby="kind-menu-title">
      <h2 id="kind-menu-title" class="kind-menu__title">
        {tr('timeline.browse')}
      </h2>
      <ul class="chip-list">
        <For each={MENU_KINDS}>
          {(kind) => (
            <li>
              <A class="chip" href={kindHref(kind)}>
                {tr(`kindTitles.${kind}`)}
              </A>
            </li>
          )}
        </For>
      </ul>
    </nav>
  );
}
