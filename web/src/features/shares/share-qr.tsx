/**
 * The QR code of a share link, drawn as SVG by the `qrcode` package, loaded only when asked for.
 * The SVG is shown through an <img> with a blob: URL (the CSP allows blob: images), never injected
 * as markup.
 */
import { createResource, onCleanup, Show } from 'solid-js';

async function qrUrl(link: string): Promise<string> {
  const qrcode = await import('qrcode');
  const svg = await qrcode.toString(link, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
}

export function ShareQr(props: { link: string; label: string }) {
  const [url] = createResource(() => props.link, qrUrl);
  onCleanup(() => {
    const current = url();
    if (current) URL.revokeObjectURL(current);
  });
  return (
    <Show when={url()}>
      {(src) => <img class="share-qr" src={src()} alt={props.label} width="220" height="220" />}
    </Show>
  );
}
