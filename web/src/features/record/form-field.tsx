/** One field of the generic record form, rendered from its spec, with its hint, unit and errors. */
import { For, type JSX, Show } from 'solid-js';
import { selectValue } from './build-record.ts';
import type { FieldSpec, FormValues } from './field-spec.ts';
import type { RecordText } from './record-text.ts';

export interface FormFieldProps {
  field: FieldSpec;
  values: FormValues;
  onChange(path: string, value: string | boolean): void;
  /** Localized messages for this field, in the language on screen. */
  errors: readonly string[];
  text: RecordText;
}

/** A stable element id for a field path (`addresses.0.text` → `record-field-addresses-0-text`). */
export function fieldId(path: string): string {
  return `record-field-${path.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
}

const INPUT_TYPES: Partial<Record<FieldSpec['input'], string>> = {
  text: 'text',
  tel: 'tel',
  email: 'email',
  date: 'date',
  datetime: 'datetime-local',
  number: 'text',
  integer: 'text',
  'number-or-text': 'text',
};

export function FormField(props: FormFieldProps) {
  const { tr } = props.text;
  const id = () => fieldId(props.field.path);
  const hasErrors = () => props.errors.length > 0;
  const suffix = () => props.field.suffix?.(props.values, props.text);
  const hint = () => props.field.hint ?? (props.field.input === 'list' ? 'editor.listHint' : undefined);
  const describedBy = () =>
    [hint() && `${id()}-hint`, suffix() && `${id()}-unit`, hasErrors() && `${id()}-error`]
      .filter(Boolean)
      .join(' ') || undefined;
  const invalid = () => (hasErrors() ? ('true' as const) : undefined);
  const required = () => (props.field.required ? ('true' as const) : undefined);
  const raw = () => props.values[props.field.path];
  const text = () => {
    const value = raw();
    return typeof value === 'string' ? value : '';
  };
  const onText = (event: { currentTarget: HTMLInputElement | HTMLTextAreaElement }) =>
    props.onChange(props.field.path, event.currentTarget.value);

  // The required mark sits outside the <label>, so the label's text is the field's name alone
  // (aria-required tells assistive technology; the mark is for the eye).
  const label = () => (
    <span class="field__label">
      <label for={id()}>{tr(props.field.label)}</label>
      <Show when={props.field.required}>
        <span class="field__required" aria-hidden="true">
          *
        </span>
      </Show>
    </span>
  );

  const hintText = () => (
    <Show when={hint()}>
      {(key) => (
        <p class="field__hint" id={`${id()}-hint`}>
          {tr(key())}
        </p>
      )}
    </Show>
  );

  const messages = () => (
    <Show when={hasErrors()}>
      <p class="field__error" id={`${id()}-error`}>
        <For each={props.errors}>{(message) => <span class="field__error-line">{message}</span>}</For>
      </p>
    </Show>
  );

  const control = (): JSX.Element => {
    const field = props.field;
    switch (field.input) {
      case 'textarea':
      case 'list':
        return (
          <textarea
            id={id()}
            name={field.path}
            rows={field.input === 'list' ? 3 : 4}
            aria-invalid={invalid()}
            aria-describedby={describedBy()}
            aria-required={required()}
            value={text()}
            onInput={onText}
          />
        );
      case 'select':
        return (
          <select
            id={id()}
            name={field.path}
            aria-invalid={invalid()}
            aria-describedby={describedBy()}
            aria-required={required()}
            onChange={(event) => props.onChange(field.path, event.currentTarget.value)}
          >
            <Show when={field.emptyChoice}>
              <option value="" selected={selectValue(field, raw()) === ''}>
                {tr('editor.choose')}
              </option>
            </Show>
            <For each={field.options ?? []}>
              {(option) => (
                <option value={option} selected={selectValue(field, raw()) === option}>
                  {field.optionLabel?.(option, props.text) ?? option}
                </option>
              )}
            </For>
          </select>
        );
      default:
        return (
          <input
            id={id()}
            name={field.path}
            type={INPUT_TYPES[field.input] ?? 'text'}
            inputmode={
              field.input === 'integer' ? 'numeric' : field.input === 'number' ? 'decimal' : undefined
            }
            autocomplete={field.autocomplete}
            aria-invalid={invalid()}
            aria-describedby={describedBy()}
            aria-required={required()}
            value={text()}
            onInput={onText}
          />
        );
    }
  };

  if (props.field.input === 'fixed') return null;
  if (props.field.input === 'checkbox') {
    return (
      <div class="field field--checkbox">
        <div class="field__check">
          <input
            id={id()}
            name={props.field.path}
            type="checkbox"
            aria-invalid={invalid()}
            aria-describedby={describedBy()}
            checked={raw() === true}
            onChange={(event) => props.onChange(props.field.path, event.currentTarget.checked)}
          />
          {label()}
        </div>
        {hintText()}
        {messages()}
      </div>
    );
  }
  return (
    <div class="field">
      {label()}
      {hintText()}
      <div class="field__control">
        {control()}
        <Show when={suffix()}>
          {(unit) => (
            <span class="field__unit" id={`${id()}-unit`}>
              {unit()}
            </span>
          )}
        </Show>
      </div>
      {messages()}
    </div>
  );
}
