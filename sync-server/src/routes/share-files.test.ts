import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decryptShareFile, encryptShareFile } from '../../../shared/crypto/share-file.ts';
import {
  generateShareId,
  generateShareKey,
  sealSnapshot,
  shareAccessToken,
} from '../../../shared/crypto/share-key.ts';
import { CHUNK_TEXT_MAX } from '../../../shared/protocol/messages.ts';
import { SHARE_MAX_FILES } from '../../../shared/protocol/shares.ts';
import { jsonInit, register, testVault } from '../testing/api-client.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';

const fileId = () => generateShareId();

describe('share files', () => {
  let t: TestApp;
  let patientToken: string;
  let doctorToken: string;
  let strangerToken: string;
  let otherPatientToken: string;

  beforeAll(async () => {
    t = await createTestApp();
    patientToken = await register(t.fetcher, testVault('patient@example.org'));
    doctorToken = await register(t.fetcher, testVault('doctor@example.org'));
    strangerToken = await register(t.fetcher, testVault('stranger@example.org'));
    otherPatientToken = await register(t.fetcher, testVault('other@example.org'));
    for (const token of [doctorToken, strangerToken]) {
      const res = await call('PUT', '/api/practitioners/me', token, { name: 'Dr Who', profession: 'GP' });
      expect(res.status).toBe(200);
    }
  });
  afterAll(() => t.close());

  const call = (method: string, path: string, token: string, body?: unknown) =>
    t.fetcher(path, jsonInit(method, body, token));

  async function share(mode: 'read' | 'read-add' = 'read-add', singleUse = false) {
    const key = generateShareKey();
    const id = generateShareId();
    const res = await call('POST', '/api/shares', patientToken, {
      id,
      mode,
      sections: ['allergy'],
      expiry: '1h',
      accessToken: shareAccessToken(key),
      hasPasscode: false,
      snapshot: { version: 1, ...sealSnapshot(key, id, 1, { files: [] }) },
      ...(singleUse ? { singleUse: true } : {}),
    });
    expect(res.status).toBe(201);
    return { key, id, token: shareAccessToken(key) };
  }

  async function upload(shareId: string, token: string, chunks: readonly string[], accessToken?: string) {
    const id = fileId();
    const declared = await call('POST', `/api/shares/${shareId}/files`, token, {
      id,
      chunkCount: chunks.length,
      ...(accessToken ? { accessToken } : {}),
    });
    expect(declared.status).toBe(201);
    for (const [index, data] of chunks.entries()) {
      const put = await call('PUT', `/api/shares/${shareId}/files/${id}/chunks/${index}`, token, {
        data,
        ...(accessToken ? { accessToken } : {}),
      });
      expect(put.status).toBe(204);
    }
    return id;
  }

  const read = (shareId: string, id: string, index: number, token: string, accessToken?: string) =>
    call(
      'POST',
      `/api/shares/${shareId}/files/${id}/chunks/${index}/read`,
      token,
      accessToken ? { accessToken } : {},
    );

  it("serves the owner's file to a practitioner with the token, as ciphertext that opens with the share key", async () => {
    const s = await share();
    const bytes = new TextEncoder().encode('Compte rendu IRM genou');
    const { ref, chunks } = encryptShareFile(s.key, s.id, {
      id: 'x',
      bytes,
      name: 'irm.txt',
      mediaType: 'text/plain',
    });
    const id = await upload(s.id, patientToken, chunks);
    const res = await read(s.id, id, 0, doctorToken, s.token);
    expect(res.status).toBe(200);
    const { data } = await res.json();
    expect(data).toBe(chunks[0]);
    // The server-side id is not the one the ciphertext was bound to: only the snapshot's id opens it.
    expect(new TextDecoder().decode(decryptShareFile(s.key, s.id, ref, [data]))).toBe(
      'Compte rendu IRM genou',
    );
    // The owner reads it too, with the session alone.
    expect((await read(s.id, id, 0, patientToken)).status).toBe(200);
  });

  it('answers 404 to outsiders, 403 to a wrong token, and never lets another account write a file', async () => {
    const s = await share();
    const id = await upload(s.id, patientToken, ['AAAA', 'BBBB']);
    // No token: neither a practitioner nor another patient learns that the share exists.
    for (const token of [strangerToken, otherPatientToken]) {
      expect((await read(s.id, id, 0, token)).status).toBe(404);
      expect(
        (await call('POST', `/api/shares/${s.id}/files`, token, { id: fileId(), chunkCount: 1 })).status,
      ).toBe(404);
      expect((await call('DELETE', `/api/shares/${s.id}/files/${id}`, token)).status).toBe(404);
    }
    expect((await read(s.id, id, 0, strangerToken, shareAccessToken(generateShareKey()))).status).toBe(403);
    // A patient account with the right token is not a practitioner.
    expect((await read(s.id, id, 0, otherPatientToken, s.token)).status).toBe(403);
    // The practitioner cannot overwrite the owner's chunk, nor the owner rewrite it.
    const put = (token: string, body: object) =>
      call('PUT', `/api/shares/${s.id}/files/${id}/chunks/1`, token, body);
    expect((await put(doctorToken, { data: 'CCCC', accessToken: s.token })).status).toBe(404);
    expect((await put(patientToken, { data: 'CCCC' })).status).toBe(409);
    expect(await (await read(s.id, id, 1, doctorToken, s.token)).json()).toEqual({ data: 'BBBB' });
    // Chunks past the declared count, malformed ids and indexes: not found.
    expect((await read(s.id, id, 2, doctorToken, s.token)).status).toBe(404);
    expect((await read(s.id, 'short', 0, doctorToken, s.token)).status).toBe(404);
    expect((await read(s.id, id, 100, doctorToken, s.token)).status).toBe(404);
  });

  it('bounds sizes: chunks per file, chunk length, files per share', async () => {
    const s = await share();
    const declare = (chunkCount: number) =>
      call('POST', `/api/shares/${s.id}/files`, patientToken, { id: fileId(), chunkCount });
    expect((await declare(0)).status).toBe(400);
    expect((await declare(41)).status).toBe(400);
    const id = await upload(s.id, patientToken, ['AAAA']);
    const tooLong = 'A'.repeat(CHUNK_TEXT_MAX + 1);
    const big = await call('POST', `/api/shares/${s.id}/files`, patientToken, {
      id: fileId(),
      chunkCount: 1,
    });
    expect(big.status).toBe(201);
    expect(id).toBeTruthy();
    const refused = await call('PUT', `/api/shares/${s.id}/files/${fileId()}/chunks/0`, patientToken, {
      data: tooLong,
    });
    expect([400, 413]).toContain(refused.status);
    for (let i = 2; i < SHARE_MAX_FILES; i++) expect((await declare(1)).status).toBe(201);
    const full = await declare(1);
    expect(full.status).toBe(413);
    expect((await full.json()).error.reason).toBe('payload-too-large');
  });

  it('lets a practitioner attach a file to a read + add share only; a single-use share carries none', async () => {
    const readOnly = await share('read');
    const attach = (s: { id: string; token: string }) =>
      call('POST', `/api/shares/${s.id}/files`, doctorToken, {
        id: fileId(),
        chunkCount: 1,
        accessToken: s.token,
      });
    expect((await attach(readOnly)).status).toBe(403);
    const s = await share('read-add');
    const id = await upload(s.id, doctorToken, ['REPORT'], s.token);
    // The owner reads and then deletes the attachment (once imported); the practitioner cannot delete.
    expect(await (await read(s.id, id, 0, patientToken)).json()).toEqual({ data: 'REPORT' });
    expect((await call('DELETE', `/api/shares/${s.id}/files/${id}`, doctorToken)).status).toBe(404);
    expect((await call('DELETE', `/api/shares/${s.id}/files/${id}`, patientToken)).status).toBe(204);
    expect((await read(s.id, id, 0, patientToken)).status).toBe(404);
    const once = await share('read', true);
    const declared = await call('POST', `/api/shares/${once.id}/files`, patientToken, {
      id: fileId(),
      chunkCount: 1,
    });
    expect(declared.status).toBe(409);
  });

  it("makes the shared documents unreachable at revocation; a practitioner's attachment stays for the owner", async () => {
    const s = await share();
    const doc = await upload(s.id, patientToken, ['DOC']);
    const report = await upload(s.id, doctorToken, ['REPORT'], s.token);
    expect((await call('POST', `/api/shares/${s.id}/revoke`, patientToken)).status).toBe(204);
    const gone = await read(s.id, doc, 0, doctorToken, s.token);
    expect(gone.status).toBe(410);
    expect((await gone.json()).error.reason).toBe('share-revoked');
    expect((await read(s.id, doc, 0, patientToken)).status).toBe(404);
    expect(await (await read(s.id, report, 0, patientToken)).json()).toEqual({ data: 'REPORT' });
    // No new file once ended.
    const late = await call('POST', `/api/shares/${s.id}/files`, patientToken, {
      id: fileId(),
      chunkCount: 1,
    });
    expect(late.status).toBe(410);
  });
});
