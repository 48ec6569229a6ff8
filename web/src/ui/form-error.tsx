import { Show } from 'solid-js';

/**
 * A problem with the whole form, above its fields. An alert, so it is read out as it appears;
 * nothing is rendered while there is none, so the next one is a new alert.
 */
export function FormError(props: { text: string | null | undefined }) {
  return (
    <Show when={props.text}>
      <p class="message message--error" role="alert">
        {props.text}
      </p>
    </Show>
  );
}
