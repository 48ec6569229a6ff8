import { Show } from 'solid-js';

export interface FieldErrorProps {
  /** The id the field's `aria-describedby` points to. */
  id: string;
  text: string | null | undefined;
  /** Announced as soon as it appears (`role="alert"`), as most fields' errors are. */
  alert?: boolean;
}

/** What is wrong with one field, under it; nothing while the field is fine. */
export function FieldError(props: FieldErrorProps) {
  return (
    <Show when={props.text}>
      <p class="field__error" id={props.id} role={props.alert ? 'alert' : undefined}>
        {props.text}
      </p>
    </Show>
  );
}
