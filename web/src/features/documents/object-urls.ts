/**
 * Decrypted bytes reach the page only as `blob:` URLs made here, and every URL made is revoked:
 * when its preview closes, shortly after a download starts, and when the screen goes away.
 */

// Long enough for the browser to start reading a 20 MB download, short enough not to keep the
// plaintext around in memory.
const DOWNLOAD_URL_LIFETIME_MS = 30_000;

export interface ObjectUrls {
  create(bytes: Uint8Array, type: string): string;
  revoke(url: string): void;
  /** Saves `bytes` as `fileName` through a temporary `<a download>`. */
  download(bytes: Uint8Array, fileName: string): void;
  revokeAll(): void;
}

export function createObjectUrls(): ObjectUrls {
  const live = new Set<string>();
  const timers = new Set<ReturnType<typeof setTimeout>>();

  const urls: ObjectUrls = {
    create(bytes, type) {
      // Copied into an ArrayBuffer-backed view: Blob parts may not be shared memory.
      const url = URL.createObjectURL(new Blob([new Uint8Array(bytes)], { type }));
      live.add(url);
      return url;
    },
    revoke(url) {
      if (live.delete(url)) URL.revokeObjectURL(url);
    },
    download(bytes, fileName) {
      // application/octet-stream: the file is saved, never rendered by this origin.
      const url = urls.create(bytes, 'application/octet-stream');
      const link = document.createElement('a');
      link.href = url;
      link.download = fileName;
      link.hidden = true;
      document.body.append(link);
      link.click();
      link.remove();
      const timer = setTimeout(() => {
        timers.delete(timer);
        urls.revoke(url);
      }, DOWNLOAD_URL_LIFETIME_MS);
      timers.add(timer);
    },
    revokeAll() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      for (const url of live) URL.revokeObjectURL(url);
      live.clear();
    },
  };
  return urls;
}
