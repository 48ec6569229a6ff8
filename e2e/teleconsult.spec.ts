/**
 * Teleconsultation (issue 7), two browsers on one server, fake camera and microphone, inside a
 * network namespace with only `lo` (npm run test:e2e:call): the practitioner opens the waiting
 * room, the patient checks camera and microphone and knocks, the practitioner admits them; media
 * flows both ways (getStats: inbound video frames decoded and audio bytes received rising on each
 * side); a message each way; a file and a record entry sent; the call ends; both see the summary,
 * saved encrypted in each one's record. Every wait on WebRTC has a Node-side deadline.
 */
import { randomBytes } from 'node:crypto';
import { networkInterfaces } from 'node:os';
import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { callFr } from '../web/src/features/call/strings.ts';
import { CALL_TIMEOUT, CallPage, evaluateWithin, RECORD_PEER_CONNECTIONS } from './pages/call-page.ts';
import { ProfilesPage } from './pages/profiles-page.ts';
import { RecordPage } from './pages/record-page.ts';
import { SharePage } from './pages/share-page.ts';
import { SyncPage } from './pages/sync-page.ts';
import { VaultPage } from './pages/vault-page.ts';
import { seriousViolations } from './support/axe.ts';

const PASSPHRASE = 'orchard-glacier-thimble-2049';
const HOST = 'Dr Claire Dubois';
const PATIENT = 'Camille Martin';

/** Keeps every WebSocket the page opens, so a test can drop the signaling socket. */
function recordSockets(): void {
  const Native = window.WebSocket;
  const sockets: WebSocket[] = [];
  (window as unknown as { __carnetSockets: WebSocket[] }).__carnetSockets = sockets;
  window.WebSocket = class extends Native {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      sockets.push(this);
    }
  };
}

/** Open signaling sockets of a page. */
function openSignaling(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      (window as unknown as { __carnetSockets: WebSocket[] }).__carnetSockets.filter(
        (ws) => ws.url.includes('/peerjs') && ws.readyState === WebSocket.OPEN,
      ).length,
  );
}

async function person(context: BrowserContext, profile: string, withNote?: boolean): Promise<Page> {
  await context.addInitScript(RECORD_PEER_CONNECTIONS);
  await context.addInitScript(recordSockets);
  const page = await context.newPage();
  const vault = new VaultPage(page);
  await vault.gotoHome();
  await vault.createVault(PASSPHRASE);
  await new ProfilesPage(page).createFirst({ name: profile });
  if (withNote) await new RecordPage(page).addNote('Blood pressure diary', 'Morning 128/82, evening 135/85');
  await new SyncPage(page).turnOnSync(
    `${profile.split(' ')[0]?.toLowerCase()}-${randomBytes(5).toString('hex')}@example.org`,
    PASSPHRASE,
  );
  return page;
}

test('practitioner admits a patient: media both ways, chat, file, entry, end, summary on both sides', async ({
  browser,
}, testInfo) => {
  // The signaling drop and the safety code add a few seconds; two shared cores are slow.
  test.setTimeout(360_000);
  // All call traffic must stay on loopback: this runs only in a network namespace that has just `lo`.
  expect(Object.keys(networkInterfaces()), 'run it with `npm run test:e2e:call`').toEqual(['lo']);
  const options = { baseURL: testInfo.project.use.baseURL, locale: 'en-US', acceptDownloads: true };
  const hostContext = await browser.newContext(options);
  const patientContext = await browser.newContext(options);
  try {
    const hostPage = await person(hostContext, HOST);
    // Only a practitioner account may open a waiting room (the server refuses a room token otherwise).
    await new SharePage(hostPage).saveProfile({
      name: HOST,
      profession: 'Médecin généraliste',
      professionalId: '10101010101',
      city: 'Lyon',
    });
    const patientPage = await person(patientContext, PATIENT, true);
    const host = new CallPage(hostPage);
    const patient = new CallPage(patientPage);

    // The practitioner's rate: out of bounds is refused with the rule, 45 € is kept.
    const rate = await host.setRate('95');
    await expect(rate.getByRole('alert')).toHaveText(host.s.rate.invalid);
    await host.setRate('45');
    await expect(rate.getByRole('status')).toHaveText('Rate saved: €45.00 per hour.');

    // A code with no open room: the patient is told, and is not left waiting.
    await patient.goto();
    await patientPage.getByLabel(patient.s.join.codeLabel).fill('0000000000');
    // A typed code carries no rate: the patient is told when it will show, and the 3-minute rule.
    await expect(patientPage.locator('.consult-rate')).toContainText(patient.s.join.rateUnknown);
    await expect(patientPage.locator('.consult-rate')).toContainText(patient.s.join.rateRule);
    await patientPage.getByRole('button', { name: patient.s.join.knock }).click();
    await expect(patientPage.getByRole('alert')).toHaveText(patient.s.join.roomClosed, {
      timeout: CALL_TIMEOUT,
    });
    await expect(patientPage.getByRole('button', { name: patient.s.join.knock })).toBeVisible();

    // 1. Room open; the patient opens the room link (a page load locks the vault: the code waits
    // through the unlock), knocks after the pre-call check, and is listed with the time.
    const code = await host.openRoom();
    expect(await seriousViolations(hostPage)).toEqual([]);
    const link = await hostPage.locator('.room-link a').getAttribute('href');
    // The link carries the rate this device bills, for the patient to see before knocking.
    expect(link).toMatch(new RegExp(`/consult#${code}\\?rate=4500$`));
    await expect(hostPage.getByRole('img', { name: host.s.room.qr })).toBeVisible();

    // The room's signaling socket drops: it registers again with a fresh token (each token is good
    // for one connection), so the patient can still knock below.
    await expect.poll(() => openSignaling(hostPage), { timeout: CALL_TIMEOUT }).toBe(1);
    await hostPage.evaluate(() => {
      for (const ws of (window as unknown as { __carnetSockets: WebSocket[] }).__carnetSockets) {
        if (ws.url.includes('/peerjs')) ws.close();
      }
    });
    await expect.poll(() => openSignaling(hostPage)).toBe(0);
    await expect.poll(() => openSignaling(hostPage), { timeout: CALL_TIMEOUT }).toBe(1);
    await patientPage
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Record', exact: true })
      .click();
    await patientPage.goto(new URL(link ?? '').pathname + new URL(link ?? '').hash);
    await new VaultPage(patientPage).unlock(PASSPHRASE);
    await new SyncPage(patientPage).expectSynced();
    await patient.goto();
    await expect(patientPage.getByLabel(patient.s.join.codeLabel)).toHaveValue(code);
    await expect(patientPage.locator('.consult-rate')).toContainText(
      'Rate announced by the practitioner: €45.00 an hour',
    );
    await patient.knock();
    expect(await seriousViolations(patientPage)).toEqual([]);
    const waiting = host.waitingPatient(PATIENT);
    await expect(waiting).toBeVisible({ timeout: CALL_TIMEOUT });
    await expect(waiting).toContainText('waiting since');

    // 2. Admitted: both connected, with the notice.
    await waiting.getByRole('button', { name: `Admit ${PATIENT}` }).click();
    await host.expectConnected();
    await patient.expectConnected();
    await expect(hostPage.getByText(host.s.notice)).toBeVisible();
    // The rate billed shows on both sides; it is the one the link announced, so no warning.
    for (const page of [hostPage, patientPage]) {
      await expect(page.locator('.call-rate')).toHaveText(
        'Billed at €45.00 an hour, by the minute of connected time.',
      );
    }
    await expect(patientPage.getByText('their link announced')).toHaveCount(0);
    // On a phone the call screen fits the width (the videos used to push it to 640 px).
    await patientPage.setViewportSize({ width: 390, height: 844 });
    await expect
      .poll(() => patientPage.evaluate(() => document.documentElement.scrollWidth))
      .toBeLessThanOrEqual(390);
    await patientPage.screenshot({ path: testInfo.outputPath('call-390.png') });
    await patientPage.setViewportSize({ width: 1280, height: 900 });

    // Both sides show the same safety code (from both ends' DTLS fingerprints): no one in the middle.
    const safety = hostPage.locator('.call-safety__code');
    await expect(safety).toHaveText(/^\d{3} \d{3}$/, { timeout: CALL_TIMEOUT });
    await expect(patientPage.locator('.call-safety__code')).toHaveText((await safety.textContent()) ?? '');
    await expect(patientPage.getByText(host.s.notice)).toBeVisible();

    // 3. Media both ways: counters rise on each side between two readings.
    for (const side of [host, patient]) {
      const first = await side.counters();
      expect(first.connected).toBeGreaterThan(0);
      expect(first.addresses.length).toBeGreaterThan(0);
      for (const address of first.addresses) expect(address).toMatch(/^(127\.0\.0\.1|::1)$/);
      await expect(async () => {
        const later = await side.counters();
        expect(later.framesDecoded).toBeGreaterThan(first.framesDecoded);
        expect(later.audioBytesReceived).toBeGreaterThan(first.audioBytesReceived);
      }).toPass({ timeout: CALL_TIMEOUT });
    }
    await expect(hostPage.locator('.call-elapsed')).not.toHaveText('00:00', { timeout: 5_000 });
    await expect(hostPage.locator('.call-quality')).not.toHaveAttribute('data-grade', 'unknown', {
      timeout: CALL_TIMEOUT,
    });

    // The call screen in French, during the call: the notice, and no serious axe violation.
    await hostPage.getByRole('banner').getByRole('button', { name: 'Français', exact: true }).click();
    await expect(hostPage.getByText(callFr.notice)).toBeVisible();
    await expect(hostPage.locator('.call-state')).toHaveText(callFr.call.state.connected);
    expect(await seriousViolations(hostPage)).toEqual([]);
    await hostPage.getByRole('banner').getByRole('button', { name: 'English', exact: true }).click();

    // 4. A message each way.
    await host.chat('Hello, how are you today?');
    await expect(patient.chatList()).toContainText('Hello, how are you today?');
    await patient.chat('Better since Monday, thank you');
    await expect(host.chatList()).toContainText('Better since Monday, thank you');

    // 5. A file from the patient, downloaded byte-identical by the practitioner; an entry shared.
    const file = {
      name: 'results.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(`Lab results ${randomBytes(40_000).toString('hex')}\n`),
    };
    await patient.sendFile(file);
    const download = hostPage.getByRole('link', { name: `Download ${file.name}` });
    await expect(download).toBeVisible({ timeout: CALL_TIMEOUT });
    const [saved] = await Promise.all([hostPage.waitForEvent('download'), download.click()]);
    const chunks: Buffer[] = [];
    for await (const chunk of await saved.createReadStream()) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).equals(file.buffer)).toBe(true);
    await patientPage.getByLabel(patient.s.call.shareLabel).selectOption({ label: 'Blood pressure diary' });
    await patientPage.getByRole('button', { name: patient.s.call.share, exact: true }).click();
    await expect(host.chatList()).toContainText('Blood pressure diary');

    // Mute and camera off toggle on the patient's side.
    await patientPage.getByRole('button', { name: patient.s.call.mute }).click();
    await expect(patientPage.getByRole('button', { name: patient.s.call.unmute })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await patientPage.getByRole('button', { name: patient.s.call.cameraOff }).click();
    await expect(patientPage.getByRole('button', { name: patient.s.call.cameraOn })).toBeVisible();
    expect(await seriousViolations(hostPage)).toEqual([]);

    // 6. A drop: the patient's media connection dies. The host sees the connection lost, calls again
    // within the grace period, and the session continues as a second connected stretch.
    await evaluateWithin(patientPage, 5_000, async () => {
      const all = (window as unknown as { __carnetPeerConnections: RTCPeerConnection[] })
        .__carnetPeerConnections;
      for (const pc of all) {
        if (pc.getReceivers().some((receiver) => receiver.track.kind === 'video')) pc.close();
      }
    });
    await expect(hostPage.locator('.call-state')).toHaveAttribute('data-state', 'reconnecting', {
      timeout: CALL_TIMEOUT,
    });
    await host.expectConnected();
    await patient.expectConnected();
    const before = await patient.counters();
    await expect(async () => {
      expect((await patient.counters()).framesDecoded).toBeGreaterThan(before.framesDecoded);
    }).toPass({ timeout: CALL_TIMEOUT });

    // 7. The patient ends; both see the same summary: under 3 minutes, not billable, 0 €.
    await patientPage.getByRole('button', { name: patient.s.call.end }).click();
    for (const [side, profile] of [
      [host, HOST],
      [patient, PATIENT],
    ] as const) {
      const summary = side.summary();
      await expect(summary).toBeVisible({ timeout: CALL_TIMEOUT });
      await expect(summary.locator('.call-summary__billable')).toHaveText(side.s.summary.no);
      await expect(summary.locator('.call-summary__amount')).toHaveText('€0.00');
      await expect(summary.locator('.call-summary__segments li')).toHaveCount(2);
      await expect(summary.getByRole('status')).toHaveText(`Saved, encrypted, in the record of ${profile}.`);
    }
    const hostDuration = await host.summary().locator('.call-summary__duration').textContent();
    expect(await patient.summary().locator('.call-summary__duration').textContent()).toBe(hostDuration);
    expect(await seriousViolations(patientPage)).toEqual([]);

    // 8. The summary is an entry of each record now (kind consultation).
    for (const page of [hostPage, patientPage]) {
      await page.getByRole('button', { name: host.s.summary.back }).click();
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Record', exact: true })
        .click();
      await expect(page.getByRole('main').getByText(HOST).first()).toBeVisible();
    }
  } finally {
    await hostContext.close();
    await patientContext.close();
  }
});
