import { createHash, randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { crc32, deflateSync } from 'node:zlib';
import { expect, type Page, test } from '@playwright/test';
import { DocumentsPage } from './pages/documents-page.ts';
import { ProfilesPage } from './pages/profiles-page.ts';
import { VaultPage } from './pages/vault-page.ts';
import { watchPage } from './support/page-watch.ts';

const PASSPHRASE = 'orchard-glacier-thimble-2049';
const MB = 1024 * 1024;

/** A fresh vault with one profile, unlocked, on the documents screen. */
async function openDocuments(page: Page): Promise<DocumentsPage> {
  const vault = new VaultPage(page);
  await vault.gotoHome();
  await vault.createVault(PASSPHRASE);
  await new ProfilesPage(page).createFirst({ name: 'Camille Martin' });
  const documents = new DocumentsPage(page);
  await documents.goto();
  return documents;
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** A valid one-page PDF with a line of text: header, objects, cross-reference table with exact offsets. */
function tinyPdf(text: string): Buffer {
  const stream = `BT /F1 24 Tf 72 720 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** A valid RGB PNG of one colour. */
function solidPng(width: number, height: number, rgb: [number, number, number]): Buffer {
  const chunk = (type: string, data: Buffer): Buffer => {
    const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(8 + data.length + 4);
    out.writeUInt32BE(data.length, 0);
    typed.copy(out, 4);
    out.writeUInt32BE(crc32(typed), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit, truecolour, deflate, no filter, no interlace
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3).fill(Buffer.from(rgb))]);
  const pixels = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

test('a PDF and a 10 MB file come back byte-identical; an image and a PDF preview; French sizes', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const watch = await watchPage(page);
  const documents = await openDocuments(page);
  await expect(page.getByText('No documents for this profile yet.')).toBeVisible();
  await expect(page.getByText('Up to 20 MB per file.')).toBeVisible();
  // The date defaults to today on this device (the browser runs in the same time zone as Node).
  const now = new Date();
  const today = [now.getFullYear(), now.getMonth() + 1, now.getDate()].map((n) => String(n).padStart(2, '0'));
  await expect(documents.form.getByLabel('Date of the document')).toHaveValue(today.join('-'));

  const pdf = tinyPdf('Carnet test prescription');
  const big = randomBytes(10 * MB);
  const png = solidPng(48, 32, [15, 92, 87]);

  await documents.upload(
    { name: 'prescription.pdf', mimeType: 'application/pdf', buffer: pdf },
    { title: 'Prescription Dr Roux', category: 'Prescription', date: '2026-03-14', note: 'Amoxicillin 1 g' },
  );
  const bigItem = await documents.upload(
    { name: 'scan.bin', mimeType: 'application/octet-stream', buffer: big },
    { date: '2026-05-01' },
  );
  await documents.upload(
    { name: 'rash.png', mimeType: 'image/png', buffer: png },
    { category: 'Image', date: '2026-06-02' },
  );

  // Newest date first: the PNG (June), the scan (May), the prescription (March).
  await expect(documents.list.getByRole('heading', { level: 3 })).toHaveText([
    'rash.png',
    'scan.bin',
    'Prescription Dr Roux',
  ]);
  const pdfItem = documents.item('Prescription Dr Roux');
  await expect(pdfItem).toContainText('Prescription');
  await expect(pdfItem).toContainText('Mar 14, 2026');
  await expect(pdfItem).toContainText('PDF');
  await expect(pdfItem).toContainText('Amoxicillin 1 g');
  await expect(bigItem).toContainText('10 MB');
  // Nothing to preview in a file of unknown type: download only.
  await expect(bigItem.getByRole('button', { name: /^Preview/ })).toHaveCount(0);

  const pdfBack = await documents.download('Prescription Dr Roux');
  expect(pdfBack.fileName).toBe('prescription.pdf');
  expect(sha256(pdfBack.bytes)).toBe(sha256(pdf));
  const bigBack = await documents.download('scan.bin');
  expect(bigBack.fileName).toBe('scan.bin');
  expect(bigBack.bytes.length).toBe(big.length);
  expect(sha256(bigBack.bytes)).toBe(sha256(big));

  // The image preview is the decrypted PNG, shown from a blob: URL.
  const imagePreview = await documents.openPreview('rash.png');
  const image = imagePreview.getByRole('img', { name: 'Preview of “rash.png”' });
  await expect(image).toBeVisible();
  await expect(image).toHaveAttribute('src', /^blob:/);
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(48);
  // Adding another document leaves the open preview alone.
  await documents.upload({ name: 'later.txt', mimeType: 'text/plain', buffer: Buffer.from('later') });
  await expect(image).toBeVisible();
  await documents
    .item('rash.png')
    .getByRole('button', { name: /^Close preview/ })
    .click();
  await expect(image).toHaveCount(0);

  // The PDF preview is a frame on a blob: URL, allowed by the CSP's frame-src.
  const pdfPreview = await documents.openPreview('Prescription Dr Roux');
  const frame = pdfPreview.locator('iframe');
  await expect(frame).toBeVisible();
  await expect(frame).toHaveAttribute('src', /^blob:/);
  await expect(frame).toHaveAttribute('title', 'Preview of “Prescription Dr Roux”');

  // Sizes follow the language: "10 Mo" in French.
  await page.getByRole('button', { name: 'Français', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Documents' })).toBeVisible();
  await expect(page.getByText('Jusqu’à 20 Mo par fichier.')).toBeVisible();
  await expect(documents.item('scan.bin')).toContainText('10 Mo');
  await expect(documents.item('Prescription Dr Roux')).toContainText('Ordonnance');
  await expect(documents.item('Prescription Dr Roux')).toContainText('14 mars 2026');
  await page.getByRole('button', { name: 'English', exact: true }).click();

  expect.soft(watch.errors, 'console errors').toEqual([]);
  // zod 4 probes once whether `Function('')` is allowed (to pick its JIT parser); the CSP refuses
  // it, as it should, and zod falls back. Any other violation is a bug.
  const violations = watch.cspViolations.filter(
    (v) => !(v.directive === 'script-src' && v.blockedUri === 'eval'),
  );
  expect.soft(violations, 'CSP violations').toEqual([]);
});

test('a file over 20 MB is refused before it is read; delete asks first and removes the file', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  const documents = await openDocuments(page);

  // A 21 MB file on disk (a buffer that large does not belong in the protocol).
  const tooLarge = testInfo.outputPath('too-large.bin');
  await writeFile(tooLarge, Buffer.alloc(21 * MB, 7));
  await documents.fileInput.setInputFiles(tooLarge);
  await expect(documents.fileError).toHaveText(
    'too-large.bin is 21 MB: files can be at most 20 MB. Nothing was read or saved.',
  );
  await expect(documents.fileInput).toHaveAttribute('aria-invalid', 'true');
  await expect(documents.fileInput).toHaveValue('');
  await documents.submit.click();
  await expect(documents.fileError).toHaveText('Choose a file first.');
  await expect(page.getByText('No documents for this profile yet.')).toBeVisible();

  // Drag and drop onto the file field chooses the file like the picker does.
  const dataTransfer = await page.evaluateHandle(() => {
    const transfer = new DataTransfer();
    transfer.items.add(new File(['Dear colleague'], 'letter.txt', { type: 'text/plain' }));
    return transfer;
  });
  await documents.fileInput.dispatchEvent('drop', { dataTransfer });
  await expect(documents.form.getByText('Chosen: letter.txt (14 bytes)')).toBeVisible();
  await expect(documents.form.getByLabel('Title')).toHaveValue('letter.txt');
  await documents.submit.click();
  await expect(documents.uploadStatus).toHaveText('“letter.txt” is saved.');
  await documents.upload({ name: 'keep.txt', mimeType: 'text/plain', buffer: Buffer.from('Keep me') });

  // Cancel keeps it and gives focus back to Delete.
  const item = documents.item('letter.txt');
  await item.getByRole('button', { name: /^Delete/ }).click();
  await expect(item.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await item.getByRole('button', { name: 'Cancel' }).click();
  await expect(item.getByRole('button', { name: /^Delete/ })).toBeFocused();

  await documents.delete('letter.txt');
  await expect(page.getByRole('status').filter({ hasText: '“letter.txt” is deleted.' })).toBeAttached();
  await expect(documents.list.getByRole('listitem')).toHaveCount(1);
  await expect(documents.item('keep.txt')).toBeVisible();
});

test('a document whose stored chunk was altered shows an error, never content', async ({ page }) => {
  test.setTimeout(120_000);
  const documents = await openDocuments(page);
  await documents.upload({
    name: 'report.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('Results: normal'),
  });

  // Reload (which locks and empties every in-memory cache), alter one stored chunk, unlock again.
  await page.reload();
  const altered = await page.evaluate(alterOneBlobCiphertext);
  expect(altered).toBe(1);
  const vault = new VaultPage(page);
  await vault.unlock(PASSPHRASE);
  await documents.goto();

  let downloaded = false;
  page.on('download', () => {
    downloaded = true;
  });
  const item = documents.item('report.txt');
  await item.getByRole('button', { name: /^Download/ }).click();
  await expect(item.getByRole('alert')).toHaveText('This data was altered or damaged and cannot be trusted.');
  expect(downloaded).toBe(false);
});

/**
 * Runs in the page: flips one character of the ciphertext of the one stored blob envelope, in
 * IndexedDB directly, as an attacker with access to the device's storage (or a bad sync) would.
 */
async function alterOneBlobCiphertext(): Promise<number> {
  const open = (name: string) =>
    new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  let altered = 0;
  for (const info of await indexedDB.databases()) {
    if (!info.name?.includes('blobs')) continue;
    const db = await open(info.name);
    for (const storeName of Array.from(db.objectStoreNames)) {
      const store = db.transaction(storeName, 'readwrite').objectStore(storeName);
      const rows = await new Promise<{ key: IDBValidKey; value: Record<string, unknown> }[]>(
        (resolve, reject) => {
          const out: { key: IDBValidKey; value: Record<string, unknown> }[] = [];
          const request = store.openCursor();
          request.onsuccess = () => {
            const cursor = request.result;
            if (!cursor) return resolve(out);
            out.push({ key: cursor.primaryKey, value: cursor.value as Record<string, unknown> });
            cursor.continue();
          };
          request.onerror = () => reject(request.error);
        },
      );
      for (const { key, value } of rows) {
        const ciphertext = value.ciphertext;
        if (typeof ciphertext !== 'string' || ciphertext.length < 8) continue;
        const flipped = ciphertext[4] === 'A' ? 'B' : 'A';
        const changed = { ...value, ciphertext: `${ciphertext.slice(0, 4)}${flipped}${ciphertext.slice(5)}` };
        await new Promise<void>((resolve, reject) => {
          const request = store.keyPath === null ? store.put(changed, key) : store.put(changed);
          request.onsuccess = () => resolve();
          request.onerror = () => reject(request.error);
        });
        altered++;
      }
    }
    db.close();
  }
  return altered;
}
