/**
 * The problems of a refused save, listed at the top of the form (GOV.UK pattern): announced as an
 * alert, focused so keyboard and screen-reader users land on it, each item a link to its field.
 */
import { For, onMount } from 'solid-js';

export interface SummaryItem {
  readonly message: string;
  /** Element id of the field to focus; undefined for problems of the whole entry. */
  readonly target?: string;
}

export interface ErrorSummaryProps {
  title: string;
  items: readonly SummaryItem[];
}

export function ErrorSummary(props: ErrorSummaryProps) {
  let box: HTMLDivElement | undefined;
  onMount(() => box?.focus());

  const jump = (event: MouseEvent, target: string) => {
    // Not a navigation: the router would treat the hash as a new route.
    event.preventDefault();
    const element = document.getElementById(target);
    element?.focus();
    element?.scrollIntoView({ block: 'center' });
  };

  return (
    <div
      ref={box}
      class="message message--error error-summary"
      role="alert"
      tabIndex={-1}
      aria-labelledby="record-error-summary-title"
    >
      <h2 id="record-error-summary-title" class="error-summary__title">
        {props.title}
      </h2>
      <ul class="error-summary__list">
        <For each={props.items}>
          {(item) => (
            <li>
              {item.target ? (
                <a href={`#${item.target}`} onClick={(event) => jump(event, item.target ?? '')}>
                  {item.message}
                </a>
              ) : (
                item.message
              )}
            </li>
          )}
        </For>
      </ul>
    </div>
  );
}
