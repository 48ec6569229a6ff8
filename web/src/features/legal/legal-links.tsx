import { A } from '@solidjs/router';
import { For } from 'solid-js';
import { useI18n } from '../../i18n/i18n-context.tsx';

const LINKS = [
  ['/legal/terms', 'legal.footer.terms'],
  ['/legal/privacy', 'legal.footer.privacy'],
  ['/legal/notice', 'legal.footer.notice'],
] as const;

/**
 * The three legal documents, as a list of links (the footer, the legal pages, the consent). With
 * `newTab` (inside a form being filled) they open in another tab, so nothing typed is lost.
 */
export function LegalLinks(props: { newTab?: boolean }) {
  const { t } = useI18n();
  return (
    <ul class="legal-links">
      <For each={LINKS}>
        {([href, key]) => (
          <li>
            {props.newTab ? (
              <a href={href} target="_blank" rel="noopener">
                {t(key)}
              </a>
            ) : (
              <A href={href}>{t(key)}</A>
            )}
          </li>
        )}
      </For>
    </ul>
  );
}
