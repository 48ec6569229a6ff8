/** One question of a form definition (shared/second-opinion), in the reader's language. */
import { For, Match, Switch } from 'solid-js';
import type { AnswerValue } from '../../../../shared/second-opinion/answers.ts';
import type { FormLocale, Question } from '../../../../shared/second-opinion/form-definition.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';

export function QuestionField(props: {
  formId: string;
  question: Question;
  locale: FormLocale;
  value: AnswerValue | undefined;
  error?: string;
  onChange: (value: AnswerValue | undefined) => void;
}) {
  const { t } = useI18n();
  const id = () => `q-${props.formId}-${props.question.id}`;
  const label = () => props.question.label[props.locale];
  const describedBy = () => (props.error ? `${id()}-error` : undefined);
  return (
    <div class="field">
      <Switch>
        <Match when={props.question.type === 'statement'}>
          <div class="opinion-check">
            <input
              id={id()}
              type="checkbox"
              checked={props.value === true}
              aria-describedby={describedBy()}
              onChange={(e) => props.onChange(e.currentTarget.checked ? true : undefined)}
            />
            <label for={id()}>{label()}</label>
          </div>
        </Match>
        <Match when={props.question.type === 'yes-no'}>
          <fieldset class="opinion-choices">
            <legend>{label()}</legend>
            <For each={[true, false]}>
              {(choice) => (
                <label>
                  <input
                    type="radio"
                    name={id()}
                    checked={props.value === choice}
                    onChange={() => props.onChange(choice)}
                  />
                  {choice ? t('secondOpinion.form.yes') : t('secondOpinion.form.no')}
                </label>
              )}
            </For>
          </fieldset>
        </Match>
        <Match when={props.question.type === 'choice' && props.question}>
          {(q) => (
            <>
              <label for={id()}>{label()}</label>
              <select
                id={id()}
                aria-describedby={describedBy()}
                value={typeof props.value === 'string' ? props.value : ''}
                onChange={(e) => props.onChange(e.currentTarget.value || undefined)}
              >
                <option value="">—</option>
                <For
                  each={q().type === 'choice' ? (q() as Extract<Question, { type: 'choice' }>).options : []}
                >
                  {(o) => <option value={o.value}>{o.label[props.locale]}</option>}
                </For>
              </select>
            </>
          )}
        </Match>
        <Match when={props.question.type === 'number' && props.question}>
          {(q) => {
            const n = q() as Extract<Question, { type: 'number' }>;
            return (
              <>
                <label for={id()}>
                  {label()}
                  {n.unit ? ` (${n.unit})` : ''}
                </label>
                <input
                  id={id()}
                  type="number"
                  inputMode="numeric"
                  min={n.min}
                  max={n.max}
                  aria-describedby={describedBy()}
                  value={typeof props.value === 'number' ? props.value : ''}
                  onInput={(e) =>
                    props.onChange(e.currentTarget.value === '' ? undefined : Number(e.currentTarget.value))
                  }
                />
              </>
            );
          }}
        </Match>
        <Match when={props.question.type === 'text'}>
          <label for={id()}>{label()}</label>
          <textarea
            id={id()}
            rows={3}
            aria-describedby={describedBy()}
            value={typeof props.value === 'string' ? props.value : ''}
            onInput={(e) => props.onChange(e.currentTarget.value)}
          />
        </Match>
      </Switch>
      {props.error && (
        <p class="field__error" id={`${id()}-error`}>
          {props.error}
        </p>
      )}
    </div>
  );
}
