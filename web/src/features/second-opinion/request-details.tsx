/** The request as the doctor reads it: patient, role and its proof, both forms' answers, documents. */
import { For, Show } from 'solid-js';
import type { FormDefinition, FormLocale } from '../../../../shared/second-opinion/form-definition.ts';
import { FIELD_FORMS, PRE_FORM } from '../../../../shared/second-opinion/forms/index.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { OpenedOpinion } from '../../opinions/opinion-views.ts';
import { downloadOpinionFile } from './opinion-download.ts';

function Answers(props: { form: FormDefinition; answers: Record<string, unknown>; locale: FormLocale }) {
  return (
    <dl class="stack">
      <For each={props.form.questions.filter((q) => props.answers[q.id] !== undefined)}>
        {(q) => {
          const value = props.answers[q.id];
          const shown =
            q.type === 'choice'
              ? (q.options.find((o) => o.value === value)?.label[props.locale] ?? String(value))
              : typeof value === 'boolean'
                ? value
                  ? '✓'
                  : '✗'
                : String(value);
          return (
            <div>
              <dt>{q.label[props.locale]}</dt>
              <dd>{shown}</dd>
            </div>
          );
        }}
      </For>
    </dl>
  );
}

export function RequestDetails(props: { request: NonNullable<OpenedOpinion['request']> }) {
  const { t, locale } = useI18n();
  const lang = (): FormLocale => (locale() === 'fr' ? 'fr' : 'en');
  const req = () => props.request;
  return (
    <section class="card stack" aria-labelledby="opinion-request-title">
      <h2 id="opinion-request-title">{t('secondOpinion.detail.requestTitle')}</h2>
      <p>{t('secondOpinion.detail.patient', { name: req().patient.name })}</p>
      <p>{t('secondOpinion.detail.roleLine', { role: t(`secondOpinion.role.${req().role}`) })}</p>
      <Show when={req().proof}>
        {(proof) => (
          <button type="button" class="button button--secondary" onClick={() => downloadOpinionFile(proof())}>
            {t('secondOpinion.detail.download', { name: proof().name })}
          </button>
        )}
      </Show>
      <h3>{PRE_FORM.title[lang()]}</h3>
      <Answers form={PRE_FORM} answers={req().preForm.answers} locale={lang()} />
      <h3>{FIELD_FORMS[req().field].title[lang()]}</h3>
      <Answers form={FIELD_FORMS[req().field]} answers={req().fieldForm.answers} locale={lang()} />
      <For each={req().documents}>
        {(doc) => (
          <button type="button" class="button button--secondary" onClick={() => downloadOpinionFile(doc)}>
            {t('secondOpinion.detail.download', { name: doc.name })}
          </button>
        )}
      </For>
    </section>
  );
}
