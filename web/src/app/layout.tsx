import { A, useLocation, useNavigate } from '@solidjs/router';
import { createEffect, createSignal, lazy, on, onCleanup, onMount, type ParentProps, Show } from 'solid-js';
import { OpeningsNoticeScope } from '../features/emergency/openings-notice-scope.tsx';
import { LegalFooter } from '../features/legal/legal-footer.tsx';
import { UnreadBadge } from '../features/messages/unread-badge.tsx';
import { NotificationsBadge } from '../features/notifications/notifications-badge.tsx';
import { ProfileSwitcher } from '../features/profiles/profile-switcher.tsx';
import { UpdatePrompt } from '../features/pwa/update-prompt.tsx';
import { ShareAgentRunner } from '../features/shares/share-agent-runner.tsx';
import { SyncStatusBadge } from '../features/sync/sync-status-badge.tsx';
import { RecoveryKeyBanner } from '../features/vault/recovery-key-banner.tsx';
import { useI18n } from '../i18n/i18n-context.tsx';
import { useApp } from '../store/app-context.tsx';
import { LanguageSwitch } from '../ui/language-switch.tsx';

// Only an unlocked session shows or runs these; they bring zod and the sealed local state, which the
// welcome and unlock screens do not need, so they stay out of the entry chunk.
const TermsGate = lazy(() =>
  import('../features/legal/terms-gate.tsx').then((m) => ({ default: m.TermsGate })),
);
const NotificationsBridge = lazy(() =>
  import('../features/notifications/notifications-bridge.tsx').then((m) => ({
    default: m.NotificationsBridge,
  })),
);
const ReminderRunner = lazy(() =>
  import('../features/reminders/reminder-runner.tsx').then((m) => ({ default: m.ReminderRunner })),
);
const EmergencyUpkeep = lazy(() =>
  import('../features/emergency/emergency-upkeep.tsx').then((m) => ({ default: m.EmergencyUpkeep })),
);

/** The shell, inside what lives as long as an unlocked session and is shared across its screens. */
export function Layout(props: ParentProps) {
  return (
    <OpeningsNoticeScope>
      <Shell>{props.children}</Shell>
    </OpeningsNoticeScope>
  );
}

function Shell(props: ParentProps) {
  const app = useApp();
  const i18n = useI18n();
  const { t } = i18n;
  const navigate = useNavigate();

  // Any keyboard or pointer activity restarts the auto-lock countdown; waking up checks the clock.
  const touch = () => app.touch();
  const check = () => app.checkIdle();
  const activity = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;
  const wakeUps = ['focus', 'pageshow'] as const;
  let interval: ReturnType<typeof setInterval> | undefined;
  onMount(() => {
    for (const type of activity) window.addEventListener(type, touch, { passive: true });
    for (const type of wakeUps) window.addEventListener(type, check);
    document.addEventListener('visibilitychange', check);
    interval = setInterval(check, 15_000);
  });
  onCleanup(() => {
    for (const type of activity) window.removeEventListener(type, touch);
    for (const type of wakeUps) window.removeEventListener(type, check);
    document.removeEventListener('visibilitychange', check);
    clearInterval(interval);
  });

  const lock = () => {
    setMenuOpen(false);
    app.lock();
    navigate('/');
  };

  // On a phone the tools and the menu fold behind one button (app.css shows them inline on wider
  // screens, where this state has no effect). Escape closes it and gives focus back to the button.
  const [menuOpen, setMenuOpen] = createSignal(false);
  let menuButton: HTMLButtonElement | undefined;
  let menu: HTMLDivElement | undefined;
  const location = useLocation();
  createEffect(
    on(
      () => location.pathname,
      () => setMenuOpen(false),
      { defer: true },
    ),
  );
  const toggleMenu = () => {
    const open = !menuOpen();
    setMenuOpen(open);
    if (open) menu?.querySelector<HTMLElement>('a, button, select')?.focus();
  };
  const onMenuKey = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !menuOpen()) return;
    setMenuOpen(false);
    menuButton?.focus();
  };
  // Following a link closes the menu, even one to the screen already shown.
  const onMenuClick = (event: MouseEvent) => {
    if (event.target instanceof Element && event.target.closest('a')) setMenuOpen(false);
  };
  onMount(() => {
    document.addEventListener('keydown', onMenuKey);
    menu?.addEventListener('click', onMenuClick);
  });
  onCleanup(() => document.removeEventListener('keydown', onMenuKey));

  // The entry chunk holds the first screen's strings only (strings/first-screen-keys.ts): any other
  // screen waits for the whole dictionary of the language, which the store's opening loads too.
  const firstScreen = () => location.pathname === '/';
  createEffect(() => {
    if (!firstScreen()) void i18n.loadAll().catch(() => undefined);
  });

  return (
    <div class="shell">
      <a class="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header
        class="shell__header"
        classList={{ 'shell__header--app': app.status() === 'unlocked', 'shell__header--open': menuOpen() }}
      >
        <A class="brand" href="/">
          <img class="brand__logo" src="/favicon.svg" alt="" width="40" height="40" />
          <span class="brand__name">{t('app.name')}</span>
        </A>
        <Show when={app.status() === 'unlocked'}>
          {/* Whose record every screen shows, even with the menu folded away. */}
          <Show when={app.activeProfile()}>
            {(active) => (
              <p class="shell__person">
                <span class="visually-hidden">{t('profiles.switcher')}: </span>
                {active().profile.displayName}
              </p>
            )}
          </Show>
          <SyncStatusBadge />
          <button
            ref={menuButton}
            type="button"
            class="button button--secondary shell__menu-button"
            aria-expanded={menuOpen()}
            aria-controls="shell-menu"
            onClick={toggleMenu}
          >
            {t('nav.menu')}
          </button>
        </Show>
        <div class="shell__menu" id="shell-menu" ref={menu}>
          {/* A practitioner's vault may hold no profile: no empty picker then. */}
          <Show when={app.status() === 'unlocked' && app.profiles().length > 0}>
            <ProfileSwitcher />
          </Show>
          <div class="shell__tools">
            <LanguageSwitch />
            <Show when={app.status() === 'unlocked'}>
              <EmergencyUpkeep />
              <button type="button" class="button button--secondary" onClick={lock}>
                {t('nav.lock')}
              </button>
            </Show>
          </div>
          <Show when={app.status() === 'unlocked'}>
            <nav class="shell__nav" aria-label={t('nav.label')}>
              <A href="/record" end>
                {t('nav.record')}
              </A>
              <A href="/measurements">{t('nav.measurements')}</A>
              <A href="/exercise">{t('exercise.nav')}</A>
              <A href="/reminders">{t('reminders.nav')}</A>
              <A href="/documents">{t('nav.documents')}</A>
              <A href="/profiles">{t('nav.profiles')}</A>
              <A href="/emergency">{t('emergency.navLink')}</A>
              <A href="/consult">{t('call.nav')}</A>
              <A href="/appointments">{t('appointments.nav')}</A>
              <A href="/shares">{t('shares.nav')}</A>
              <A href="/messages">
                {t('messages.nav')}
                <UnreadBadge />
              </A>
              <A href="/notifications">
                {t('notifications.nav')}
                <NotificationsBadge />
              </A>
              <A href="/second-opinion">{t('secondOpinion.nav')}</A>
              <A href="/settings">{t('nav.settings')}</A>
            </nav>
          </Show>
        </div>
      </header>
      <UpdatePrompt />
      <ShareAgentRunner />
      <Show when={app.status() === 'unlocked'}>
        <NotificationsBridge />
        <ReminderRunner />
      </Show>
      <main class="shell__main" id="main" tabIndex={-1}>
        <RecoveryKeyBanner />
        {/* Unlocked without the current terms accepted: only the legal pages, until they are. */}
        <Show
          when={app.status() !== 'unlocked' || app.termsAccepted() || location.pathname.startsWith('/legal/')}
          fallback={<TermsGate />}
        >
          <Show when={i18n.complete() || firstScreen()}>{props.children}</Show>
        </Show>
      </main>
      {/* Not while the vault's status is unknown: the first screen's height is not known either, and
          a footer drawn meanwhile would move when it arrives (a layout shift). Added after, it moves
          nothing. */}
      <Show when={app.status() !== 'loading'}>
        <LegalFooter />
      </Show>
    </div>
  );
}
