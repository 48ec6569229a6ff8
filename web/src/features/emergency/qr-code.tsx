/** A QR code as inline SVG (vector, crisp at any zoom, no image URL). */
import { createMemo } from 'solid-js';
import { QUIET_ZONE, qrMatrix, qrPath } from './qr-matrix.ts';

export function QrCode(props: { text: string; label: string; testId?: string }) {
  const matrix = createMemo(() => qrMatrix(props.text));
  const side = () => matrix().size + 2 * QUIET_ZONE;
  return (
    <svg
      class="qr-code"
      role="img"
      aria-label={props.label}
      data-testid={props.testId}
      data-qr-version={matrix().version}
      viewBox={`0 0 ${side()} ${side()}`}
      shape-rendering="crispEdges"
    >
      <rect width={side()} height={side()} fill="#fff" />
      <path d={qrPath(matrix())} fill="#000" />
    </svg>
  );
}
