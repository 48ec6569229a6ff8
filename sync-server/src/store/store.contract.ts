/**
 * The contract every Store keeps (store.ts), run against SQLite and PostgreSQL by their own test
 * files. `open()` must return a store on the same database each time it is called, so the suite
 * can check that reopening (and re-running migrations) keeps the data.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { create, envelope } from '../testing/envelopes.ts';
import { appointmentContract } from './appointments.contract.ts';
import { deletionScanContract, type ReadAllRows } from './deletion-scan.contract.ts';
import { devicesContract } from './devices.contract.ts';
import { documentContract, NOW } from './documents.contract.ts';
import { emergencyContract } from './emergency.contract.ts';
import { AccountGoneError } from './errors.ts';
import { limitsContract } from './limits.contract.ts';
import { messageContract } from './messages.contract.ts';
import { opinionContract } from './opinions.contract.ts';
import { pushSubscriptionsContract } from './push-subscriptions.contract.ts';
import { shareFileContract } from './share-files.contract.ts';
import { shareContract } from './shares.contract.ts';
import type { Store } from './store.ts';

/** `readAllRows` reads the store's database directly (a connection of its own), for the deletion scan. */
export function storeContract(name: string, open: () => Promise<Store>, readAllRows: ReadAllRows): void {
  describe(`Store contract: ${name}`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await open();
    });
    afterAll(async () => {
      await store.close();
    });

    async function newAccount(): Promise<string> {
      const id = randomUUID();
      const created = await store.createAccount({
        id,
        emailHash: `hash-${id}`,
        keyringJson: '{"v":1}',
        authPublicKey: `pk-${id}`,
        createdAt: NOW,
      });
      expect(created).toBe(true);
      return id;
    }

    documentContract(() => store, newAccount);
    emergencyContract(() => store, newAccount);
    shareContract(() => store, newAccount);
    shareFileContract(() => store, newAccount);
    limitsContract(() => store, newAccount);
    messageContract(() => store, newAccount);
    opinionContract(() => store, newAccount);
    devicesContract(() => store, newAccount);
    pushSubscriptionsContract(() => store, newAccount);
    appointmentContract(() => store, newAccount);
    deletionScanContract(() => store, newAccount, readAllRows);

    it('creates accounts, refuses a second one with the same email hash, finds them', async () => {
      const id = await newAccount();
      const again = await store.createAccount({
        id: randomUUID(),
        emailHash: `hash-${id}`,
        keyringJson: '{}',
        authPublicKey: 'x',
        createdAt: NOW,
      });
      expect(again).toBe(false);
      const found = await store.findAccountByEmailHash(`hash-${id}`);
      expect(found).toEqual({
        id,
        emailHash: `hash-${id}`,
        keyringJson: '{"v":1}',
        authPublicKey: `pk-${id}`,
        createdAt: NOW,
        seq: 0,
        storedBytes: 0,
        termsJson: null,
      });
      expect(await store.getAccount(id)).toEqual(found);
      expect(await store.findAccountByEmailHash('nobody')).toBeNull();
      expect(await store.getAccount('nobody')).toBeNull();
    });

    it('replaces the keyring and auth key', async () => {
      const id = await newAccount();
      expect(await store.updateKeyring(id, '{"v":2}', 'pk-new')).toBe(true);
      expect(await store.getAccount(id)).toMatchObject({ keyringJson: '{"v":2}', authPublicKey: 'pk-new' });
      expect(await store.updateKeyring('nobody', '{}', 'x')).toBe(false);
    });

    it('records the acceptance of the terms, the newest one replacing the last', async () => {
      const id = await newAccount();
      expect((await store.getAccount(id))?.termsJson).toBeNull();
      expect(await store.setTerms(id, '{"version":1}')).toBe(true);
      expect(await store.setTerms(id, '{"version":2}')).toBe(true);
      expect(await store.getAccount(id)).toMatchObject({
        termsJson: '{"version":2}',
        keyringJson: '{"v":1}',
      });
      expect(await store.setTerms('nobody', '{}')).toBe(false);
    });

    it('hands out a challenge once, and never after it expired', async () => {
      const nonce = `n-${randomUUID()}`;
      await store.putChallenge(nonce, 'email-a', NOW + 1000);
      expect(await store.takeChallenge(nonce, NOW)).toBe('email-a');
      expect(await store.takeChallenge(nonce, NOW)).toBeNull();
      await store.putChallenge(`${nonce}-old`, 'email-a', NOW + 1000);
      expect(await store.takeChallenge(`${nonce}-old`, NOW + 1000)).toBeNull();
      expect(await store.takeChallenge('unknown', NOW)).toBeNull();
    });

    it('finds live sessions only, and ends them', async () => {
      const id = await newAccount();
      await store.createSession(`t1-${id}`, id, NOW + 1000);
      await store.createSession(`t2-${id}`, id, NOW + 1000);
      await store.createSession(`t3-${id}`, id, NOW + 1000);
      expect(await store.findSession(`t1-${id}`, NOW)).toMatchObject({
        accountId: id,
        expiresAt: NOW + 1000,
      });
      expect(await store.findSession(`t1-${id}`, NOW + 1000)).toBeNull();
      await store.deleteSession(`t1-${id}`);
      expect(await store.findSession(`t1-${id}`, NOW)).toBeNull();
      await store.endOtherSessions(id, `t2-${id}`, 'keyring-changed');
      expect(await store.findSession(`t2-${id}`, NOW)).not.toBeNull();
      expect(await store.findSession(`t3-${id}`, NOW)).toBeNull();
      // The ended one remembers why (until it would have expired); a live or unknown one has no reason.
      expect(await store.sessionEndReason(`t3-${id}`, NOW)).toBe('keyring-changed');
      expect(await store.sessionEndReason(`t2-${id}`, NOW)).toBeNull();
      expect(await store.sessionEndReason(`t1-${id}`, NOW)).toBeNull();
      expect(await store.sessionEndReason(`t3-${id}`, NOW + 1000)).toBeNull();
      // A later "sign out everywhere else" does not rewrite an earlier reason.
      await store.createSession(`t4-${id}`, id, NOW + 1000);
      await store.endOtherSessions(id, `t2-${id}`, 'signed-out-elsewhere');
      expect(await store.sessionEndReason(`t3-${id}`, NOW)).toBe('keyring-changed');
      expect(await store.sessionEndReason(`t4-${id}`, NOW)).toBe('signed-out-elsewhere');
      await store.purgeExpired(NOW + 2000);
      expect(await store.findSession(`t2-${id}`, NOW)).toBeNull();
    });

    it('deletes an account and everything it owns, and nothing else', async () => {
      const a = await newAccount();
      const b = await newAccount();
      await store.push(a, [create(envelope('x'))], NOW);
      await store.push(b, [create(envelope('x'))], NOW);
      await store.createSession(`ta-${a}`, a, NOW + 1000);
      await store.createSession(`tb-${b}`, b, NOW + 1000);
      await store.putChallenge(`na-${a}`, `hash-${a}`, NOW + 1000);
      expect(await store.deleteAccount(a)).toBe(true);
      expect(await store.getAccount(a)).toBeNull();
      expect(await store.findAccountByEmailHash(`hash-${a}`)).toBeNull();
      expect(await store.findSession(`ta-${a}`, NOW)).toBeNull();
      expect(await store.takeChallenge(`na-${a}`, NOW)).toBeNull();
      expect((await store.pull(a, 0, 10)).documents).toEqual([]);
      await expect(store.push(a, [create(envelope('y'))], NOW)).rejects.toBeInstanceOf(AccountGoneError);
      expect(await store.deleteAccount(a)).toBe(false);

      expect(await store.findSession(`tb-${b}`, NOW)).not.toBeNull();
      expect((await store.pull(b, 0, 10)).documents).toHaveLength(1);
    });

    it('keeps its data when reopened (migrations run once)', async () => {
      const id = await newAccount();
      await store.push(id, [create(envelope('kept'))], NOW);
      const again = await open();
      try {
        expect((await again.pull(id, 0, 10)).documents.map((d) => d.id)).toEqual(['kept']);
      } finally {
        await again.close();
      }
    });
  });
}
