import { Show } from 'solid-js';

export interface EmailFieldProps {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  hint?: string;
  error: string | null;
  ref?: (element: HTMLInputElement) => void;
}

/**
 * A labelled email field with its hint and error. `autocomplete="username"` pairs it with the
 * passphrase field, so a password manager can fill both.
 */
export function EmailField(props: EmailFieldProps) {
  const describedBy = () =>
    [props.hint ? `${props.id}-hint` : '', props.error ? `${props.id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <Show when={props.hint}>
        <p class="field__hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      </Show>
      <input
        ref={(element) => props.ref?.(element)}
        id={props.id}
        type="email"
        inputmode="email"
        autocomplete="username"
        autocapitalize="off"
        spellcheck={false}
        value={props.value}
        onInput={(event) => props.onInput(event.currentTarget.value)}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy() || undefined}
      />
      <Show when={props.error}>
        <p class="field__error" id={`${props.id}-error`} role="alert">
          {props.error}
        </p>
      </Show>
    </div>
  );
}
