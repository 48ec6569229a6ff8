import type { Page } from '@playwright/test';

/**
 * Everything the app left in the browser's storage, as one string: every record of every object
 * store of every IndexedDB database (binary values as text), localStorage, sessionStorage and every
 * Cache Storage response body. A privacy test searches it for plaintext markers.
 */
export async function dumpBrowserStorage(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const decoder = new TextDecoder('utf-8', { fatal: false });
    const parts: string[] = [];
    const stringify = (value: unknown): string =>
      JSON.stringify(value, (_key, v: unknown) => {
        if (v instanceof ArrayBuffer) return decoder.decode(new Uint8Array(v));
        if (ArrayBuffer.isView(v))
          return decoder.decode(new Uint8Array(v.buffer, v.byteOffset, v.byteLength));
        return v;
      });

    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(info.name as string);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      for (const storeName of Array.from(db.objectStoreNames)) {
        const rows = await new Promise<unknown[]>((resolve, reject) => {
          const request = db.transaction(storeName, 'readonly').objectStore(storeName).getAll();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        for (const row of rows) {
          if (row instanceof Blob) parts.push(decoder.decode(await row.arrayBuffer()));
          else parts.push(stringify(row));
        }
        parts.push(`[${info.name}/${storeName}: ${rows.length} rows]`);
      }
      db.close();
    }
    for (const storage of [localStorage, sessionStorage]) {
      for (let i = 0; i < storage.length; i++) {
        const key = storage.key(i) ?? '';
        parts.push(`${key}=${storage.getItem(key)}`);
      }
    }
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        const response = await cache.match(request);
        parts.push(request.url, response ? decoder.decode(await response.arrayBuffer()) : '');
      }
    }
    return parts.join('\n');
  });
}
