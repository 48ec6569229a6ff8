/** A lock-screen wallpaper (PNG, phone portrait) with the link QR and the top items, drawn on a canvas. */
import { EMERGENCY_LABELS } from '../../../../shared/emergency/labels.ts';
import { cardLines, wrap } from './card-lines.ts';
import type { FittedCodes } from './fitted-codes.ts';
import { darkRuns, QUIET_ZONE, qrMatrix } from './qr-matrix.ts';

const WIDTH = 1080;
const HEIGHT = 2340;

export function wallpaperPng(codes: FittedCodes, today: string): Promise<Blob> {
  const profile = codes.link.profile;
  const canvas = document.createElement('canvas');
  canvas.width = WIDTH;
  canvas.height = HEIGHT;
  const ctx = canvas.getContext('2d');
  if (!ctx) return Promise.reject(new Error('No 2D canvas'));
  ctx.fillStyle = '#000';
  ctx.fillRect(0, 0, WIDTH, HEIGHT);
  // The clock and notifications cover the top third of most lock screens: text starts below.
  let y = 760;
  ctx.fillStyle = '#b00000';
  ctx.fillRect(0, y - 70, WIDTH, 100);
  ctx.fillStyle = '#fff';
  ctx.font = 'bold 48px system-ui, sans-serif';
  // maxWidth: the French title is longer than the canvas at this size; the browser narrows it.
  ctx.fillText(EMERGENCY_LABELS[profile.language].title, 60, y, WIDTH - 120);
  y += 110;
  ctx.font = 'bold 60px system-ui, sans-serif';
  ctx.fillText(profile.name, 60, y, WIDTH - 120);
  y += 80;
  ctx.font = '42px system-ui, sans-serif';
  for (const line of cardLines(profile, today).slice(0, 6)) {
    for (const piece of wrap(line, WIDTH - 120, (s) => ctx.measureText(s).width).slice(0, 2)) {
      ctx.fillText(piece, 60, y);
      y += 56;
    }
  }
  const matrix = qrMatrix(codes.link.text);
  const side = 760;
  const unit = Math.floor(side / (matrix.size + 2 * QUIET_ZONE));
  const total = unit * (matrix.size + 2 * QUIET_ZONE);
  const x0 = (WIDTH - total) / 2;
  const y0 = HEIGHT - total - 200;
  ctx.fillStyle = '#fff';
  ctx.fillRect(x0, y0, total, total);
  ctx.fillStyle = '#000';
  for (const [mx, my, length] of darkRuns(matrix))
    ctx.fillRect(x0 + mx * unit, y0 + my * unit, length * unit, unit);
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))), 'image/png'),
  );
}
