import type { OpinionFile } from '../../../../shared/second-opinion/content.ts';
import { bytesOf } from '../../opinions/opinions.ts';

/** Saves a file carried by a request (proof, document, report PDF) through the browser. */
export function downloadOpinionFile(file: OpinionFile): void {
  const url = URL.createObjectURL(new Blob([bytesOf(file) as BlobPart], { type: file.mediaType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
