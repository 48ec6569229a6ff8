/**
 * Puts the backup's bytes in a file the person chooses. With the File System Access API
 * (`showSaveFilePicker`, Chromium on desktop) the stream goes straight to disk, one 64 KiB chunk at a
 * time. Elsewhere (Firefox, Safari, phones) the only way is a download of a Blob: the Blob holds the
 * whole file in memory (about the size of the vault's stored envelopes, e.g. ~30 MB for 20 MB of
 * documents) until the download has started, then it is released.
 */
import { BACKUP_FILE_EXTENSION, BACKUP_MEDIA_TYPE } from '../../../shared/backup/backup-format.ts';

export type SaveOutcome = 'saved' | 'cancelled';

interface SaveFilePickerWindow {
  showSaveFilePicker?: (options: {
    suggestedName: string;
    types: { description: string; accept: Record<string, string[]> }[];
  }) => Promise<{ createWritable(): Promise<WritableStream<Uint8Array>> }>;
}

/** `carnet-2026-12-04.carnet`: the date sorts, and says which backup is which. */
export function backupFileName(now: Date): string {
  return `carnet-${now.toISOString().slice(0, 10)}${BACKUP_FILE_EXTENSION}`;
}

export async function saveBackupFile(
  makeStream: () => ReadableStream<Uint8Array>,
  fileName: string,
): Promise<SaveOutcome> {
  const picker = (window as unknown as SaveFilePickerWindow).showSaveFilePicker;
  if (picker) {
    let handle: Awaited<ReturnType<NonNullable<SaveFilePickerWindow['showSaveFilePicker']>>>;
    try {
      handle = await picker.call(window, {
        suggestedName: fileName,
        types: [{ description: 'Carnet backup', accept: { [BACKUP_MEDIA_TYPE]: [BACKUP_FILE_EXTENSION] } }],
      });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') return 'cancelled';
      throw error;
    }
    await makeStream().pipeTo(await handle.createWritable());
    return 'saved';
  }
  const blob = await new Response(makeStream()).blob();
  const url = URL.createObjectURL(new Blob([blob], { type: BACKUP_MEDIA_TYPE }));
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // The download has its own reference by now; a short delay covers browsers that start it late.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
  return 'saved';
}
