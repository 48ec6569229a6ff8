/**
 * Notifications (issue 17, item 5): a practitioner away from the conversation gets a notice for a
 * patient's new message (the unread badge in the main navigation, the list at /notifications, which
 * opens the conversation and then reads as read); system notifications are turned on in Settings
 * (the browser's permission granted to the context), a test notification is shown by the service
 * worker, and a click on it (the worker's `notificationclick`) brings the app to its route.
 * Headless Chromium has no push service, so Web Push says it could not be turned on and changes
 * nothing (the sending side is tested against a stand-in push service in sync-server). Screens at
 * 390 px in English and French, axe-clean, by keyboard.
 */
import { expect, test } from '@playwright/test';
import { notificationsFr } from '../web/src/features/notifications/strings.ts';
import { MessagesPage } from './pages/messages-page.ts';
import { NotificationsPage } from './pages/notifications-page.ts';
import { ProfilesPage } from './pages/profiles-page.ts';
import { SyncPage } from './pages/sync-page.ts';
import { VaultPage } from './pages/vault-page.ts';
import { seriousViolations } from './support/axe.ts';
import { chooseLanguage, followMainLink } from './support/main-nav.ts';

const PATIENT_PASS = 'orchard-glacier-thimble-2049';
const DOCTOR_PASS = 'lantern-meadow-copper-7731';
const LIVE = 15_000;

test('notifications: a notice and badge for a new message, the list, system notifications from the service worker', async ({
  browser,
  page,
}, testInfo) => {
  test.setTimeout(240_000);
  const tag = Math.random().toString(36).slice(2, 10);
  const doctorName = `Dr Anne Lefèvre ${tag}`;

  await new VaultPage(page).gotoHome();
  await new VaultPage(page).createVault(PATIENT_PASS);
  await new ProfilesPage(page).createFirst({ name: 'Louis Martin', dateOfBirth: '1979-06-02' });
  await new SyncPage(page).turnOnSync(`patient-${tag}@example.org`, PATIENT_PASS);
  await new SyncPage(page).expectSynced();

  // The practitioner's browser lets Carnet show notifications; a phone-sized window.
  const doctorContext = await browser.newContext({
    baseURL: testInfo.project.use.baseURL,
    locale: 'en-US',
    viewport: { width: 390, height: 844 },
    permissions: ['notifications'],
  });
  try {
    const doc = await doctorContext.newPage();
    await new VaultPage(doc).gotoHome();
    await new VaultPage(doc).createVault(DOCTOR_PASS);
    await new SyncPage(doc).turnOnSync(`doctor-${tag}@example.org`, DOCTOR_PASS);
    await new SyncPage(doc).expectSynced();
    await new MessagesPage(doc).listAsPractitioner({
      name: doctorName,
      profession: 'General practitioner',
      specialty: 'Cardiologie',
      city: 'Nantes',
    });
    const notices = new NotificationsPage(doc);
    await notices.goto();
    await expect(notices.main.getByText(notices.s.page.none)).toBeVisible();
    // Away from the conversation: on the settings screen.
    await followMainLink(doc, /^Settings$/);

    // The patient writes.
    const patient = new MessagesPage(page);
    await patient.writeTo('cardio', doctorName);
    const secret = `Douleur thoracique ${tag}`;
    await patient.send([secret]);
    await expect(patient.messages()).toHaveCount(1, { timeout: LIVE });

    // The practitioner's badge counts one unread notice, live; the list names it without content.
    await expect(notices.navLink()).toContainText(notices.s.navUnread.replace('{{ count }}', '1'), {
      timeout: LIVE,
    });
    await notices.goto();
    await expect(notices.items()).toHaveCount(1);
    await expect(notices.items().first()).toContainText(notices.s.titles.message);
    await expect(notices.items().first()).toContainText(notices.s.page.unread);
    await expect(notices.main).not.toContainText(secret);
    expect(await seriousViolations(doc)).toEqual([]);
    await doc.screenshot({ path: testInfo.outputPath('notifications-en-390.png'), fullPage: true });

    // By keyboard: the notice opens the conversation, and is read from then on.
    await notices.items().first().getByRole('link', { name: notices.s.titles.message }).focus();
    await doc.keyboard.press('Enter');
    const doctor = new MessagesPage(doc);
    await expect(doctor.messages()).toHaveCount(1, { timeout: LIVE });
    await expect(doctor.messages().first()).toContainText(secret);
    await expect(notices.navLink()).not.toContainText(notices.s.navUnread.replace('{{ count }}', '1'));
    await notices.goto();
    await expect(notices.items().first()).not.toContainText(notices.s.page.unread);

    // Settings: system notifications on (permission granted to this context), then a test one.
    await followMainLink(doc, /^Settings$/);
    const settings = notices.settings();
    await expect(settings).toContainText(notices.s.settings.state.granted);
    await expect(settings).toContainText(notices.s.settings.off);
    await settings.getByRole('button', { name: notices.s.settings.turnOn }).click();
    await expect(settings).toContainText(notices.s.settings.on);
    await settings.getByRole('button', { name: notices.s.settings.test }).click();
    await expect(settings.getByRole('status')).toHaveText(notices.s.settings.testSent);
    const shown = await doc.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      return (await registration.getNotifications()).map((n) => ({ title: n.title, data: n.data }));
    });
    expect(shown).toEqual([{ title: notices.s.settings.testTitle, data: { route: '/notifications' } }]);
    expect(await seriousViolations(doc)).toEqual([]);
    await settings.screenshot({ path: testInfo.outputPath('settings-notifications-en-390.png') });

    // A click on it, as the worker receives it: the open window goes to its route.
    const worker = doctorContext.serviceWorkers()[0] ?? (await doctorContext.waitForEvent('serviceworker'));
    await worker.evaluate(async () => {
      const scope = self as unknown as ServiceWorkerGlobalScope;
      const [notification] = await scope.registration.getNotifications({ tag: 'carnet-test' });
      if (!notification) throw new Error('no notification');
      const Click = (scope as unknown as { NotificationEvent: typeof NotificationEvent }).NotificationEvent;
      scope.dispatchEvent(new Click('notificationclick', { notification }));
    });
    await expect(doc).toHaveURL(/\/notifications$/, { timeout: LIVE });
    await expect(notices.main.getByRole('heading', { level: 1, name: notices.s.page.title })).toBeVisible();

    // Web Push: no push service in headless Chromium; the refusal is said, nothing changes.
    await followMainLink(doc, /^Settings$/);
    const pushButton = settings.getByRole('button', { name: notices.s.settings.pushTurnOn });
    if (await pushButton.isVisible()) {
      await pushButton.click();
      await expect(settings.getByRole('status')).toHaveText(notices.s.settings.pushFailed, { timeout: LIVE });
      await expect(settings).toContainText(notices.s.settings.pushOff);
    } else {
      await expect(settings).toContainText(notices.s.settings.pushUnsupported);
    }

    // French, 390 px: the settings section and the list, looked at.
    await chooseLanguage(doc, 'Français');
    const fr = new NotificationsPage(doc, notificationsFr);
    await expect(fr.settings()).toContainText(notificationsFr.settings.on);
    expect(await seriousViolations(doc)).toEqual([]);
    await fr.settings().screenshot({ path: testInfo.outputPath('settings-notifications-fr-390.png') });
    await fr.goto();
    await expect(fr.items().first()).toContainText(notificationsFr.titles.message);
    expect(await seriousViolations(doc)).toEqual([]);
    await doc.screenshot({ path: testInfo.outputPath('notifications-fr-390.png'), fullPage: true });
  } finally {
    await doctorContext.close();
  }
});
