import { useNavigate } from '@solidjs/router';
import { createEffect, createSignal, on, onMount } from 'solid-js';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { useApp } from '../../store/app-context.tsx';
import { createSubmit } from '../../ui/create-submit.ts';
import { errorText } from '../../ui/error-text.ts';
import { FormError } from '../../ui/form-error.tsx';
import { TERMS_VERSION } from '../../vault/terms-acceptance.ts';
import { type TermsChoice, TermsFields, termsComplete } from './terms-fields.tsx';

/**
 * Shown instead of every screen while the vault is unlocked but the current version of the terms is
 * not accepted (a new version, a vault made before the terms or opened on a new device). The legal
 * pages stay readable; locking is the way out.
 */
export function TermsGate() {
  const app = useApp();
  const { t } = useI18n();
  const navigate = useNavigate();
  const [choice, setChoice] = createSignal<TermsChoice>({ terms: false, adult: false });
  const [showErrors, setShowErrors] = createSignal(false);
  const [formError, setFormError] = createSignal<string | null>(null);
  const { busy, submit } = createSubmit({
    clear: () => setFormError(null),
    validate: () => {
      setShowErrors(true);
      return termsComplete(choice());
    },
    run: () => app.acceptTerms({ terms: true, adult: true }),
    fail: (error) => setFormError(errorText(t, error)),
  });
  let heading: HTMLHeadingElement | undefined;
  onMount(() => heading?.focus());
  // Accepted on another device of this vault? The account says so once sync is up.
  createEffect(
    on(app.server, (server) => {
      if (server) void app.adoptAccountTerms().catch(() => undefined);
    }),
  );
  const isNew = () => app.termsAcceptance() === null;

  return (
    <section class="stack card legal-gate" aria-labelledby="terms-gate-title">
      <h1 id="terms-gate-title" ref={heading} tabIndex={-1}>
        {isNew() ? t('legal.gate.titleNew') : t('legal.gate.title')}
      </h1>
      <p>{isNew() ? t('legal.gate.introNew') : t('legal.gate.intro', { version: TERMS_VERSION })}</p>
      <form class="stack" onSubmit={submit} novalidate>
        <FormError text={formError()} />
        <TermsFields idPrefix="gate" value={choice()} onChange={setChoice} showErrors={showErrors()} />
        <div class="form-actions">
          <button type="submit" class="button" disabled={busy()}>
            {t('legal.gate.submit')}
          </button>
          <button
            type="button"
            class="button button--secondary"
            onClick={() => {
              app.lock();
              navigate('/');
            }}
          >
            {t('legal.gate.lock')}
          </button>
        </div>
      </form>
    </section>
  );
}
