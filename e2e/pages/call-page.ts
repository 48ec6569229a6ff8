import { expect, type Locator, type Page } from '@playwright/test';
import { callEn } from '../../web/src/features/call/strings.ts';
import { followMainLink } from '../support/main-nav.ts';

/** Bounds every wait on WebRTC: a failed ICE must fail the test, never hang it. */
export const CALL_TIMEOUT = 30_000;

/** Runs `page.evaluate` with a Node-side deadline (a hung RTCPeerConnection can block it forever). */
export async function evaluateWithin<T>(page: Page, ms: number, fn: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`page.evaluate did not return within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([page.evaluate(fn), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** Test-side instrumentation: every RTCPeerConnection the page makes is kept for getStats(). */
export const RECORD_PEER_CONNECTIONS = `
  (() => {
    const Original = window.RTCPeerConnection;
    const all = [];
    window.__carnetPeerConnections = all;
    window.RTCPeerConnection = class extends Original {
      constructor(...args) { super(...args); all.push(this); }
    };
  })();
`;

export interface MediaCounters {
  framesDecoded: number;
  audioBytesReceived: number;
  connected: number;
  /** Addresses of both ends of every selected candidate pair. */
  addresses: string[];
}

/** The teleconsultation screens in English: room, join, call, summary. */
export class CallPage {
  readonly s = callEn;

  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await followMainLink(this.page, this.s.nav);
    await expect(this.page.getByRole('heading', { level: 1, name: this.s.join.title })).toBeVisible();
  }

  async setRate(euros: string): Promise<Locator> {
    await followMainLink(this.page, 'Settings');
    const section = this.page.getByRole('region', { name: this.s.rate.title });
    await section.getByLabel(this.s.rate.label).fill(euros);
    await section.getByRole('button', { name: this.s.rate.save }).click();
    return section;
  }

  /** Host: opens the waiting room; returns the room code. */
  async openRoom(): Promise<string> {
    await this.goto();
    await this.page.getByRole('link', { name: this.s.room.open }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: this.s.room.title })).toBeVisible();
    await this.page.getByRole('button', { name: this.s.room.open }).click();
    const code = this.page.locator('.room-link__code');
    await expect(code).toHaveText(/^[0-9A-Z]{10}$/, { timeout: CALL_TIMEOUT });
    return (await code.textContent()) ?? '';
  }

  /** Patient: code (typed, unless the room link already filled it), pre-call check, knock. */
  async knock(code?: string): Promise<void> {
    await this.goto();
    const field = this.page.getByLabel(this.s.join.codeLabel);
    if (code === undefined) await expect(field).not.toHaveValue('');
    else await field.fill(code);
    await this.page.getByRole('button', { name: this.s.join.startCheck }).click();
    // Opening the fake devices can take seconds on a loaded machine.
    await expect(this.page.getByLabel(this.s.join.camera)).toBeVisible({ timeout: CALL_TIMEOUT });
    await expect(this.page.getByLabel(this.s.join.micLevel)).toBeVisible();
    await this.page.getByRole('button', { name: this.s.join.knock }).click();
    await expect(this.page.getByText(this.s.join.waiting)).toBeVisible({ timeout: CALL_TIMEOUT });
  }

  waitingPatient(name: string): Locator {
    return this.page.locator('.room-list__item').filter({ hasText: name });
  }

  async expectConnected(): Promise<void> {
    await expect(this.page.getByRole('heading', { level: 1, name: this.s.call.title })).toBeVisible();
    await expect(this.page.locator('.call-state')).toHaveText(this.s.call.state.connected, {
      timeout: CALL_TIMEOUT,
    });
  }

  /** Inbound video frames decoded and audio bytes received, summed over connected peer connections. */
  counters(): Promise<MediaCounters> {
    return evaluateWithin(this.page, 10_000, async () => {
      const all = (window as unknown as { __carnetPeerConnections: RTCPeerConnection[] })
        .__carnetPeerConnections;
      const result = { framesDecoded: 0, audioBytesReceived: 0, connected: 0, addresses: [] as string[] };
      for (const pc of all) {
        if (pc.connectionState !== 'connected') continue;
        result.connected++;
        const report = await pc.getStats();
        report.forEach((stat) => {
          if (stat.type === 'candidate-pair' && stat.state === 'succeeded' && stat.nominated) {
            for (const id of [stat.localCandidateId, stat.remoteCandidateId]) {
              result.addresses.push(String(report.get(id)?.address ?? report.get(id)?.ip ?? '?'));
            }
          }
          if (stat.type !== 'inbound-rtp') return;
          if (stat.kind === 'video') result.framesDecoded += stat.framesDecoded ?? 0;
          if (stat.kind === 'audio') result.audioBytesReceived += stat.bytesReceived ?? 0;
        });
      }
      return result;
    });
  }

  async chat(text: string): Promise<void> {
    await this.page.getByLabel(this.s.call.chatLabel, { exact: true }).fill(text);
    await this.page.getByRole('button', { name: this.s.call.send, exact: true }).click();
  }

  chatList(): Locator {
    return this.page.getByRole('list', { name: this.s.call.chatTitle });
  }

  async sendFile(file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    await this.page.getByLabel(this.s.call.fileLabel).setInputFiles(file);
    await this.page.getByRole('button', { name: this.s.call.sendFile }).click();
  }

  summary(): Locator {
    return this.page.getByRole('region', { name: this.s.summary.title });
  }
}
