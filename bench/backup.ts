/**
 * Backup figures: write and read a `.carnet` file of 10,000 records of about 1 KB plus 20 MB of
 * documents (512 KiB chunk envelopes, as the web app stores them), through a file on disk, as the web
 * side will stream it. The envelopes are made before timing: a backup copies stored envelopes, it
 * does not encrypt records. Argon2id (one run at the default parameters) is timed apart.
 */
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openBackup } from '../shared/backup/backup-reader.ts';
import { createBackupWriter } from '../shared/backup/backup-writer.ts';
import { envelopeFrame } from '../shared/backup/envelope-frames.ts';
import type { BackupFrame } from '../shared/backup/frame-codec.ts';
import { createVault } from '../shared/crypto/keyring.ts';
import { encryptBytes, encryptRecord } from '../shared/crypto/record-envelope.ts';
import { initCrypto } from '../shared/crypto/sodium.ts';
import { generateKey } from '../shared/crypto/symmetric-key.ts';
import { median, report } from './measure.ts';

const RECORDS = 10_000;
const DOCUMENT_BYTES = 20 * 1024 * 1024;
const DOCUMENT_CHUNK = 512 * 1024;

function sampleFrames(): BackupFrame[] {
  const key = generateKey();
  const frames: BackupFrame[] = [];
  for (let i = 0; i < RECORDS; i++) {
    const binding = { profileId: 'p1', kind: 'record' as const, id: `r${i}`, rev: 1 };
    const record = { kind: 'note', schemaVersion: 1, title: 'Bench', body: randomBytes(400).toString('hex') };
    frames.push(
      envelopeFrame({ ...binding, updatedAt: 0, _deleted: false, ...encryptRecord(binding, record, key) }),
    );
  }
  const document = randomBytes(DOCUMENT_BYTES);
  for (let index = 0; index * DOCUMENT_CHUNK < DOCUMENT_BYTES; index++) {
    const binding = { profileId: 'p1', kind: 'blob' as const, id: `doc_${index}`, rev: 1 };
    const slice = document.subarray(index * DOCUMENT_CHUNK, (index + 1) * DOCUMENT_CHUNK);
    frames.push(
      envelopeFrame({ ...binding, updatedAt: 0, _deleted: false, ...encryptBytes(binding, slice, key) }),
    );
  }
  return frames;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

interface Run {
  writeMs: number;
  openMs: number;
  readMs: number;
  size: number;
  peak: number;
}

async function writeAndRead(path: string, frames: readonly BackupFrame[], expected: number): Promise<Run> {
  const passphrase = PASSPHRASE;
  const writeStart = performance.now();
  const out = createWriteStream(path);
  for await (const chunk of createBackupWriter({
    keyring: vault().keyring,
    vaultKey: vault().vaultKey,
    frames,
  })) {
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  const writeMs = performance.now() - writeStart;
  const size = (await stat(path)).size;

  const baseline = process.memoryUsage().arrayBuffers;
  const openStart = performance.now();
  const opened = await openBackup(createReadStream(path), { passphrase });
  const openMs = performance.now() - openStart;
  const readStart = performance.now();
  let read = 0;
  let peak = 0;
  let count = 0;
  for await (const frame of opened.frames()) {
    read += frame.bytes.length;
    // Sampled: memoryUsage() costs more than reading a small frame.
    if (++count % 256 === 0 || frame.bytes.length > 65_536) {
      peak = Math.max(peak, process.memoryUsage().arrayBuffers - baseline);
    }
  }
  const readMs = performance.now() - readStart;
  if (read !== expected) throw new Error('the bench backup did not read back whole');
  return { writeMs, openMs, readMs, size, peak };
}

const PASSPHRASE = 'correct horse battery staple';
let created: ReturnType<typeof createVault> | null = null;
function vault(): ReturnType<typeof createVault> {
  created ??= createVault(PASSPHRASE);
  return created;
}

export async function benchBackup(): Promise<void> {
  await initCrypto();
  const frames = sampleFrames();
  const envelopeBytes = frames.reduce((sum, frame) => sum + frame.bytes.length, 0);
  const dir = await mkdtemp(join(tmpdir(), 'carnet-backup-bench-'));
  try {
    const runs: Run[] = [];
    for (let i = 0; i < 3; i++)
      runs.push(await writeAndRead(join(dir, `bench-${i}.carnet`), frames, envelopeBytes));
    const mid = (pick: (run: Run) => number) => median(runs.map(pick));
    const size = runs[0]?.size ?? 0;
    const label = '10k records + 20 MB documents';
    const writeMs = mid((r) => r.writeMs);
    const readMs = mid((r) => r.readMs);
    report(
      `Backup write, ${label} (median of 3)`,
      `${writeMs.toFixed(0)} ms (${mb(envelopeBytes / (writeMs / 1000))}/s)`,
    );
    report(
      'Backup file size',
      `${mb(size)} (stored envelopes ${mb(envelopeBytes)}, +${((size / envelopeBytes - 1) * 100).toFixed(2)} %)`,
    );
    report('Backup open: Argon2id + unwraps (median of 3)', `${mid((r) => r.openMs).toFixed(0)} ms`);
    report(
      `Backup read and verify, ${label} (median of 3)`,
      `${readMs.toFixed(0)} ms (${mb(envelopeBytes / (readMs / 1000))}/s)`,
    );
    report(
      'Backup read, ArrayBuffer growth (uncollected garbage incl.)',
      mb(Math.max(...runs.map((r) => r.peak))),
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
