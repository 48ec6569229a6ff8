/** `/legal/:doc`: the terms of use, the privacy notice or the legal notice; readable before sign-in. */
import { A, useParams } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { TERMS_DATE, TERMS_VERSION } from '../../vault/terms-acceptance.ts';
import { isLegalDocument, LEGAL_DOCUMENTS, type LegalDocument, placeholderParts } from './legal-documents.ts';
import { LegalLinks } from './legal-links.tsx';
import './legal.css';

export function LegalPage() {
  const params = useParams<{ doc: string }>();
  const { t, formatDate } = useI18n();
  // The dictionary is typed by flattened keys; these are built from the document's own list.
  const tr = (key: string, args?: Record<string, string | number>) =>
    t(key as Parameters<typeof t>[0], args as never) as string;
  const doc = (): LegalDocument | undefined => (isLegalDocument(params.doc) ? params.doc : undefined);

  return (
    <article class="stack legal-page" aria-labelledby="legal-title">
      <Show
        when={doc()}
        fallback={
          <>
            <h1 id="legal-title">{t('legal.pages.nav')}</h1>
            <p class="message message--error">{t('legal.pages.notFound')}</p>
          </>
        }
      >
        {(name) => (
          <>
            <h1 id="legal-title">{tr(`legal.${name()}.title`)}</h1>
            <Show when={name() !== 'notice'}>
              <p class="legal-page__version">
                {t('legal.pages.version', {
                  version: TERMS_VERSION,
                  date: formatDate(TERMS_DATE, { dateStyle: 'long' }),
                })}
              </p>
            </Show>
            <Show when={name() !== 'notice'}>
              <p>{tr(`legal.${name()}.intro`)}</p>
            </Show>
            <For each={LEGAL_DOCUMENTS[name()]}>
              {(section) => (
                <section class="legal-page__section" aria-labelledby={`legal-${section}`}>
                  <h2 id={`legal-${section}`}>{tr(`legal.${name()}.${section}Title`)}</h2>
                  <p>
                    <For each={placeholderParts(tr(`legal.${name()}.${section}`))}>
                      {(part) =>
                        part.placeholder ? (
                          <mark class="legal-placeholder" title={t('legal.placeholder')}>
                            {part.text}
                          </mark>
                        ) : (
                          part.text
                        )
                      }
                    </For>
                  </p>
                </section>
              )}
            </For>
          </>
        )}
      </Show>
      <nav aria-label={t('legal.pages.nav')}>
        <LegalLinks />
      </nav>
      <p>
        <A href="/">{t('legal.pages.back')}</A>
      </p>
    </article>
  );
}
