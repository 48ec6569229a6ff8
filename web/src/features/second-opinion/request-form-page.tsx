/**
 * `/second-opinion/new`: a request for the active profile — field, a listed referent doctor or
 * "let Carnet choose", the role and its proof, the pre-form and the field's form (data from
 * shared/second-opinion, prefilled from the record, every answer editable), documents, the exact
 * summary candidates will see, and the consents, separate and unticked, each with its text version.
 */
import { useNavigate } from '@solidjs/router';
import { createEffect, createMemo, createSignal, For, on, Show } from 'solid-js';
import { ageInMonths } from '../../../../shared/care/age.ts';
import type { DirectoryEntry } from '../../../../shared/protocol/directory.ts';
import { type AnswerValue, checkAnswers } from '../../../../shared/second-opinion/answers.ts';
import {
  CONSENT_KINDS,
  type ConsentKind,
  currentConsentVersion,
  REQUESTER_ROLES,
  type RequesterRole,
  roleNeedsProof,
} from '../../../../shared/second-opinion/consents.ts';
import type { ConsentEvent, OpinionFile } from '../../../../shared/second-opinion/content.ts';
import { OPINION_FIELDS, type OpinionField } from '../../../../shared/second-opinion/form-definition.ts';
import { FIELD_FORMS, PRE_FORM } from '../../../../shared/second-opinion/forms/index.ts';
import { type PrefillRecord, prefillAnswers } from '../../../../shared/second-opinion/prefill.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { fileOf } from '../../opinions/opinions.ts';
import { useApp } from '../../store/app-context.tsx';
import { FormError } from '../../ui/form-error.tsx';
import { ConsentChoices } from './consent-choices.tsx';
import { DoctorChoice } from './doctor-choice.tsx';
import { opinionErrorText } from './opinion-error-text.ts';
import { QuestionField } from './question-field.tsx';
import './second-opinion.css';

type Answers = Record<string, AnswerValue | undefined>;

/** Whole years at today's date (UTC): what the minimal summary says of the patient. */
function ageOf(dateOfBirth: string, now: number): number {
  return Math.max(0, Math.floor(ageInMonths(dateOfBirth, new Date(now).toISOString().slice(0, 10)) / 12));
}

const defined = (a: Answers) =>
  Object.fromEntries(Object.entries(a).filter(([, v]) => v !== undefined && v !== '')) as Record<
    string,
    AnswerValue
  >;

export function RequestFormPage() {
  const app = useApp();
  const navigate = useNavigate();
  const { t, locale } = useI18n();
  const [field, setField] = createSignal<OpinionField>('cardiology');
  const [doctors, setDoctors] = createSignal<DirectoryEntry[]>([]);
  const [doctorId, setDoctorId] = createSignal<string>('any');
  const [role, setRole] = createSignal<RequesterRole>('self');
  const [proof, setProof] = createSignal<File | null>(null);
  const [documents, setDocuments] = createSignal<File[]>([]);
  const [pre, setPre] = createSignal<Answers>({});
  const [form, setForm] = createSignal<Answers>({});
  const [question, setQuestion] = createSignal('');
  const [consents, setConsents] = createSignal<Record<ConsentKind, boolean>>({
    'health-data': false,
    terms: false,
    'gp-exchange': false,
  });
  const [gp, setGp] = createSignal('');
  const [issues, setIssues] = createSignal<Record<string, string>>({});
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);

  const profile = () => app.activeProfile();
  const records = createMemo(() =>
    app
      .records()
      .filter((r) => r.profileId === profile()?.id && r.record)
      .map((r) => r.record as unknown as PrefillRecord),
  );
  // Prefill once per profile and field; what the person typed afterwards is theirs.
  createEffect(on(profile, () => setPre(prefillAnswers(PRE_FORM, records()))));
  createEffect(on([profile, field], () => setForm(prefillAnswers(FIELD_FORMS[field()], records()))));
  createEffect(
    on(field, async (f) => {
      setDoctorId('any');
      try {
        setDoctors((await app.opinions()?.candidates(f)) ?? []);
      } catch {
        setDoctors([]);
      }
    }),
  );

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (busy()) return;
    setError(null);
    const lang = locale() === 'fr' ? 'fr' : 'en';
    const preIssues = checkAnswers(PRE_FORM, defined(pre()), lang) ?? [];
    const formIssues = checkAnswers(FIELD_FORMS[field()], defined(form()), lang) ?? [];
    const found: Record<string, string> = {};
    for (const i of preIssues) found[`pre-form.${i.questionId}`] = i.message;
    for (const i of formIssues) found[`${field()}.${i.questionId}`] = i.message;
    setIssues(found);
    const problems = [...preIssues, ...formIssues].map((i) => i.message);
    if (roleNeedsProof(role()) && !proof()) problems.push(t('secondOpinion.form.proofNeeded'));
    if (!consents()['health-data'] || !consents().terms) problems.push(t('secondOpinion.form.consentNeeded'));
    const p = profile();
    if (!p) problems.push(t('secondOpinion.form.noProfile'));
    if (problems.length > 0 || !p) {
      setError(problems.join(' '));
      return;
    }
    setBusy(true);
    try {
      const service = app.opinions();
      if (!service) throw new Error('locked');
      const at = Date.now();
      const events: ConsentEvent[] = CONSENT_KINDS.filter((k) => consents()[k]).map((kind) => ({
        kind,
        version: currentConsentVersion(kind),
        granted: true,
        at,
        role: role(),
        ...(kind === 'gp-exchange' && gp().trim() ? { gp: gp().trim() } : {}),
      }));
      const proofFile: OpinionFile | undefined =
        roleNeedsProof(role()) && proof() ? await fileOf(proof() as File) : undefined;
      const docs = await Promise.all(documents().slice(0, 5).map(fileOf));
      const preAnswers = defined(pre());
      const chosen = doctors().find((d) => d.accountId === doctorId()) ?? null;
      const id = await service.create({
        field: field(),
        doctor: chosen,
        candidates: doctors(),
        summary: {
          v: 1,
          field: field(),
          ageYears: ageOf(p.profile.dateOfBirth, at),
          question: (question().trim() || String(preAnswers.question ?? '')).slice(0, 500),
          language: lang,
        },
        request: {
          field: field(),
          patient: { profileId: p.id, name: p.profile.displayName, birthDate: p.profile.dateOfBirth },
          role: role(),
          ...(proofFile ? { proof: proofFile } : {}),
          preForm: { version: PRE_FORM.version, answers: preAnswers },
          fieldForm: { version: FIELD_FORMS[field()].version, answers: defined(form()) },
          consents: events,
          documents: docs,
        },
      });
      navigate(`/second-opinion/${id}`);
    } catch (caught) {
      setError(opinionErrorText(t, caught));
    } finally {
      setBusy(false);
    }
  }

  const lang = () => (locale() === 'fr' ? 'fr' : 'en');

  return (
    <section class="stack opinion-page" aria-labelledby="opinion-form-title">
      <h1 id="opinion-form-title">{t('secondOpinion.form.title')}</h1>
      <p>{t('secondOpinion.page.intro')}</p>
      <Show when={profile()} fallback={<p class="message">{t('secondOpinion.form.noProfile')}</p>}>
        {(p) => (
          <form class="stack" onSubmit={submit} novalidate>
            <p>{t('secondOpinion.form.profile', { name: p().profile.displayName })}</p>
            <div class="field">
              <label for="opinion-field">{t('secondOpinion.form.fieldLabel')}</label>
              <select
                id="opinion-field"
                value={field()}
                onChange={(e) => setField(e.currentTarget.value as OpinionField)}
              >
                <For each={OPINION_FIELDS}>
                  {(f) => <option value={f}>{t(`secondOpinion.field.${f}`)}</option>}
                </For>
              </select>
            </div>
            <DoctorChoice doctors={doctors()} chosen={doctorId()} onChoose={setDoctorId} />
            <fieldset class="stack card">
              <legend>{t('secondOpinion.form.roleLegend')}</legend>
              <For each={REQUESTER_ROLES}>
                {(r) => (
                  <label class="opinion-check">
                    <input
                      type="radio"
                      name="opinion-role"
                      checked={role() === r}
                      onChange={() => setRole(r)}
                    />
                    <span>{t(`secondOpinion.role.${r}`)}</span>
                  </label>
                )}
              </For>
              <Show when={roleNeedsProof(role())}>
                <div class="field">
                  <label for="opinion-proof">{t('secondOpinion.form.proof')}</label>
                  <input
                    id="opinion-proof"
                    type="file"
                    onChange={(e) => setProof(e.currentTarget.files?.[0] ?? null)}
                  />
                </div>
              </Show>
            </fieldset>
            <fieldset class="stack card">
              <legend>{PRE_FORM.title[lang()]}</legend>
              <p class="hint">{t('secondOpinion.form.prefilled')}</p>
              <For each={PRE_FORM.questions}>
                {(q) => (
                  <QuestionField
                    formId="pre-form"
                    question={q}
                    locale={lang()}
                    value={pre()[q.id]}
                    error={issues()[`pre-form.${q.id}`]}
                    onChange={(v) => setPre({ ...pre(), [q.id]: v })}
                  />
                )}
              </For>
            </fieldset>
            <fieldset class="stack card">
              <legend>{FIELD_FORMS[field()].title[lang()]}</legend>
              <For each={FIELD_FORMS[field()].questions}>
                {(q) => (
                  <QuestionField
                    formId={field()}
                    question={q}
                    locale={lang()}
                    value={form()[q.id]}
                    error={issues()[`${field()}.${q.id}`]}
                    onChange={(v) => setForm({ ...form(), [q.id]: v })}
                  />
                )}
              </For>
            </fieldset>
            <div class="field">
              <label for="opinion-documents">{t('secondOpinion.form.documents')}</label>
              <input
                id="opinion-documents"
                type="file"
                multiple
                onChange={(e) => setDocuments(Array.from(e.currentTarget.files ?? []))}
              />
            </div>
            <section class="card stack opinion-summary" aria-labelledby="opinion-summary-title">
              <h2 id="opinion-summary-title">{t('secondOpinion.form.summaryTitle')}</h2>
              <p>{t('secondOpinion.form.summaryHelp')}</p>
              <div class="field">
                <label for="opinion-summary-question">{t('secondOpinion.form.summaryQuestion')}</label>
                <textarea
                  id="opinion-summary-question"
                  rows={2}
                  maxLength={500}
                  value={question() || String(pre().question ?? '')}
                  onInput={(e) => setQuestion(e.currentTarget.value)}
                />
              </div>
              <p>
                {t(`secondOpinion.field.${field()}`)} —{' '}
                {t('secondOpinion.page.summary', {
                  age: String(ageOf(p().profile.dateOfBirth, Date.now())),
                  question: (question() || String(pre().question ?? '')).slice(0, 500),
                })}
              </p>
            </section>
            <ConsentChoices consents={consents()} onConsents={setConsents} gp={gp()} onGp={setGp} />
            <p>{t('secondOpinion.form.payment')}</p>
            <FormError text={error()} />
            <div class="form-actions">
              <button type="submit" class="button">
                {t('secondOpinion.form.send')}
              </button>
            </div>
          </form>
        )}
      </Show>
    </section>
  );
}
