/**
 * QR codes from the `qrcode` package's module matrix, at the fixed error correction M. One matrix
 * feeds the on-screen SVG, the PDF (vector squares) and the wallpaper (canvas), so all three show
 * exactly the same code.
 */
import { create } from 'qrcode';
import { QR_ERROR_CORRECTION } from '../../../../shared/emergency/budget.ts';

export interface QrMatrix {
  /** Modules per side, without the quiet zone. */
  readonly size: number;
  readonly version: number;
  isDark(x: number, y: number): boolean;
}

export const QUIET_ZONE = 4;

export function qrMatrix(text: string): QrMatrix {
  const qr = create(text, { errorCorrectionLevel: QR_ERROR_CORRECTION });
  const { size, data } = qr.modules;
  return { size, version: qr.version, isDark: (x, y) => data[y * size + x] === 1 };
}

/** Horizontal runs of dark modules, as `[x, y, length]`, offset by the quiet zone. */
export function darkRuns(matrix: QrMatrix): [number, number, number][] {
  const runs: [number, number, number][] = [];
  for (let y = 0; y < matrix.size; y++) {
    let start = -1;
    for (let x = 0; x <= matrix.size; x++) {
      const dark = x < matrix.size && matrix.isDark(x, y);
      if (dark && start < 0) start = x;
      if (!dark && start >= 0) {
        runs.push([start + QUIET_ZONE, y + QUIET_ZONE, x - start]);
        start = -1;
      }
    }
  }
  return runs;
}

/** An SVG path drawing every dark module: one rectangle per horizontal run. */
export function qrPath(matrix: QrMatrix): string {
  return darkRuns(matrix)
    .map(([x, y, length]) => `M${x} ${y}h${length}v1h-${length}z`)
    .join('');
}
