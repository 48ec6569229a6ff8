/** Reads a QR code from pixels: the browser's BarcodeDetector when it has one, jsQR otherwise. */
import jsQR from 'jsqr';

interface Detector {
  detect(source: CanvasImageSource): Promise<{ rawValue: string }[]>;
}

declare global {
  interface Window {
    BarcodeDetector?: new (options: { formats: string[] }) => Detector;
  }
}

export function nativeDetector(): Detector | undefined {
  return window.BarcodeDetector ? new window.BarcodeDetector({ formats: ['qr_code'] }) : undefined;
}

/** Draws `source` on a canvas and decodes it with jsQR; undefined when no code is found. */
export function decodeWithJsQr(source: CanvasImageSource, width: number, height: number): string | undefined {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx || width === 0 || height === 0) return undefined;
  ctx.drawImage(source, 0, 0, width, height);
  const image = ctx.getImageData(0, 0, width, height);
  return jsQR(image.data, width, height)?.data;
}

export async function decodeImageFile(file: Blob): Promise<string | undefined> {
  const bitmap = await createImageBitmap(file);
  try {
    // Large photos are scaled down: jsQR is slow on 12-megapixel images and does not need them.
    const scale = Math.min(1, 1600 / Math.max(bitmap.width, bitmap.height));
    return decodeWithJsQr(bitmap, Math.round(bitmap.width * scale), Math.round(bitmap.height * scale));
  } finally {
    bitmap.close();
  }
}
