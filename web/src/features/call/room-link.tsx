import QRCode from 'qrcode';
import { createResource, Show } from 'solid-js';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { roomLink } from './pending-room.ts';

/**
 * The room's code and link (with the rate this device bills, so the patient sees it before knocking),
 * and a QR code a patient can scan (a data: URL image, allowed by the CSP).
 */
export function RoomLink(props: { code: string; rateCents: number }) {
  const { t } = useI18n();
  const link = () => roomLink(window.location.origin, props.code, props.rateCents);
  const [qr] = createResource(link, (url) => QRCode.toDataURL(url, { errorCorrectionLevel: 'M', margin: 2 }));
  return (
    <section class="card stack" aria-labelledby="room-link-title">
      <h2 id="room-link-title">{t('call.room.link')}</h2>
      <dl class="room-link">
        <dt>{t('call.room.code')}</dt>
        <dd class="room-link__code">{props.code}</dd>
        <dt>{t('call.room.link')}</dt>
        <dd>
          <a href={link()}>{link()}</a>
        </dd>
      </dl>
      <Show when={qr()}>
        {(src) => <img class="room-link__qr" src={src()} alt={t('call.room.qr')} width="200" height="200" />}
      </Show>
    </section>
  );
}
