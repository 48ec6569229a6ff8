/**
 * The generic form: creates or edits a record of a writable kind from its field specs. The schema
 * is the only judge (through `app.addRecord`/`updateRecord`); when it refuses, each problem is
 * shown next to its field and in a summary at the top, in the language on screen.
 */
import { A, useNavigate } from '@solidjs/router';
import { createMemo, createSignal, For, Show } from 'solid-js';
import { createStore, unwrap } from 'solid-js/store';
import { type DetailedIssue, parseWithDetails } from '../../../../shared/schema/readable-issues.ts';
import { type ClinicalRecord, recordSchema } from '../../../../shared/schema/record.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { InvalidRecordError } from '../../records/record-service.ts';
import { useApp } from '../../store/app-context.tsx';
import { createSubmit } from '../../ui/create-submit.ts';
import { errorText } from '../../ui/error-text.ts';
import { FormError } from '../../ui/form-error.tsx';
import { buildRecord, initialValues } from './build-record.ts';
import { DeleteButton } from './delete-dialog.tsx';
import { ErrorSummary } from './error-summary.tsx';
import type { FormValues } from './field-spec.ts';
import { allFormFields, formFields } from './field-specs.ts';
import { FormField, fieldId } from './form-field.tsx';
import { fieldForPath, issueMessage } from './issue-text.ts';
import type { WritableKind } from './kinds.ts';
import { isMeasurementType } from './measurement-units.ts';
import { useRecordText } from './record-text.ts';
import { summarize } from './summary.ts';

export interface RecordEditorProps {
  kind: WritableKind;
  /** The entry to edit; without it the form creates a new record. */
  id?: string;
  record?: ClinicalRecord;
  /** The revision the form was opened on: saving over a newer one is refused, not silently lost. */
  rev?: number;
  /** A measurement type to start with (`?type=blood-pressure`). */
  initialType?: string;
}

/** Where a page's status notice comes from after a save or a deletion. */
export interface RecordNotice {
  notice?: 'saved' | 'deleted';
}

export function RecordEditor(props: RecordEditorProps) {
  const app = useApp();
  const { t } = useI18n();
  const text = useRecordText();
  const { tr } = text;
  const navigate = useNavigate();
  // The form is mounted once per entry: later changes to the stored record do not reset typing.
  const kind = props.kind;
  const original = props.record;
  const [values, setValues] = createStore<FormValues>(initialValues(allFormFields(kind), original));
  if (!original && isMeasurementType(props.initialType)) setValues('type', props.initialType);

  // Only a measurement's type changes which fields exist; typing elsewhere keeps the same inputs.
  const fields = createMemo(() => formFields(kind, { type: values.type ?? '' }));
  const [issues, setIssues] = createSignal<readonly DetailedIssue[]>([]);
  const [formError, setFormError] = createSignal('');

  const placed = createMemo(() =>
    issues().map((issue) => ({ issue, field: fieldForPath(fields(), issue.path) })),
  );
  const messageOf = (issue: DetailedIssue) => issueMessage(issue, fields(), values, text);
  const errorsFor = (path: string) =>
    placed()
      .filter((p) => p.field?.path === path)
      .map((p) => messageOf(p.issue));
  const summaryItems = () =>
    placed().map(({ issue, field }) => ({
      message: messageOf(issue),
      target: field && field.input !== 'fixed' ? fieldId(field.path) : undefined,
    }));

  const back = `/record/${kind}`;

  const { busy, submit } = createSubmit({
    clear: () => {
      setIssues([]);
      setFormError('');
    },
    run: async () => {
      const managed = allFormFields(kind).map((f) => f.path);
      const record = buildRecord(
        kind,
        fields(),
        { ...unwrap(values) },
        original ? { record: original, managed } : undefined,
      );
      try {
        if (props.id) await app.updateRecord(props.id, record, props.rev);
        else await app.addRecord(record);
      } catch (error) {
        if (!(error instanceof InvalidRecordError)) throw error;
        // The service reports English sentences; the same check with details lets us word them.
        const detailed = parseWithDetails(recordSchema, record);
        setIssues(
          detailed.ok
            ? error.issues.map((issue) => ({ ...issue, detail: { code: 'custom', missing: false } }))
            : detailed.issues,
        );
        return;
      }
      navigate(back, { state: { notice: 'saved' } satisfies RecordNotice });
    },
    // The error summary takes focus itself when it appears; any other error is above the form.
    fail: (error) => setFormError(errorText(t, error)),
  });

  async function remove(): Promise<void> {
    if (!props.id) return;
    setFormError('');
    try {
      await app.deleteRecord(props.id);
      navigate(back, { state: { notice: 'deleted' } satisfies RecordNotice });
    } catch (error) {
      setFormError(errorText(t, error));
    }
  }

  return (
    <section class="stack record-editor" aria-labelledby="record-editor-title">
      <h1 id="record-editor-title">{tr(props.id ? `editKind.${kind}` : `addKind.${kind}`)}</h1>
      <Show when={issues().length > 0}>
        <ErrorSummary title={tr('editor.errorTitle')} items={summaryItems()} />
      </Show>
      <FormError text={formError()} />
      <form class="stack card record-form" onSubmit={submit} novalidate>
        <p class="field__hint">{tr('editor.requiredNote')}</p>
        <Show when={kind === 'lifestyle'}>
          <p class="field__hint">{tr('hints.lifestyle')}</p>
        </Show>
        <For each={fields()}>
          {(field) => (
            <FormField
              field={field}
              values={values}
              onChange={(path, value) => setValues(path, value)}
              errors={errorsFor(field.path)}
              text={text}
            />
          )}
        </For>
        <div class="form-actions">
          <button type="submit" class="button" disabled={busy()}>
            {tr('editor.save')}
          </button>
          <A href={back} class="button button--secondary">
            {tr('editor.cancel')}
          </A>
        </div>
      </form>
      <Show when={props.id !== undefined && original}>
        {(current) => (
          <div class="form-actions record-editor__danger">
            <DeleteButton
              buttonLabel={tr('editor.delete')}
              title={tr('editor.confirmTitle')}
              text={tr('editor.confirmText', { title: summarize(current(), text).title })}
              confirmLabel={tr('editor.confirmYes')}
              cancelLabel={tr('editor.confirmNo')}
              onConfirm={remove}
            />
          </div>
        )}
      </Show>
    </section>
  );
}
