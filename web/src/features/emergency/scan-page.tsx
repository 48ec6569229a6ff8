/** `/scan`: reads Carnet QR codes with the camera, or from an image, and opens only Carnet links. */
import { useNavigate } from '@solidjs/router';
import { createSignal, onCleanup, Show } from 'solid-js';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { useApp } from '../../store/app-context.tsx';
import { decodeImageFile, decodeWithJsQr, nativeDetector } from './qr-decode.ts';
import { scanTarget } from './scan-target.ts';

export function ScanPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const app = useApp();
  const [running, setRunning] = createSignal(false);
  const [message, setMessage] = createSignal('');
  const [foreign, setForeign] = createSignal<string | undefined>();
  let video: HTMLVideoElement | undefined;
  let stream: MediaStream | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Bumped by every stop: a camera granted after the user stopped (or left the page) is shut at once.
  let attempt = 0;

  const stop = () => {
    attempt++;
    clearTimeout(timer);
    for (const track of stream?.getTracks() ?? []) track.stop();
    stream = undefined;
    setRunning(false);
  };
  onCleanup(stop);

  const handle = (text: string) => {
    const target = scanTarget(text, location.origin);
    if (target.kind === 'carnet') {
      stop();
      // A share (`/s`) is a route of this app: the router keeps the vault open (a page load would
      // lock it and ask for the passphrase again). `/e` is the responder's own page (web/e.html),
      // outside the app: only that one is a full navigation.
      if (!target.path.startsWith('/s#')) return location.assign(target.path);
      // Into memory first, then the route: the key never sits in the address bar or the history.
      void app.pendingShare.takeFromFragment(target.path.slice(2)).then((taken) => {
        if (taken) navigate('/s');
        else setForeign(text);
      });
    } else {
      // Not ours: the camera goes off rather than staying on with nobody scanning.
      stop();
      setForeign(target.text);
    }
  };

  const tick = async () => {
    if (!video || !stream) return;
    try {
      const detector = nativeDetector();
      const text = detector
        ? (await detector.detect(video))[0]?.rawValue
        : decodeWithJsQr(video, video.videoWidth, video.videoHeight);
      if (text) return handle(text);
    } catch {
      // A frame that is not ready yet: try the next one.
    }
    timer = setTimeout(tick, 250);
  };

  const start = async () => {
    setMessage('');
    setForeign(undefined);
    const mine = ++attempt;
    try {
      const granted = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
      if (mine !== attempt) {
        for (const track of granted.getTracks()) track.stop();
        return;
      }
      stream = granted;
      if (video) {
        video.srcObject = stream;
        await video.play();
      }
      setRunning(true);
      void tick();
    } catch {
      if (mine !== attempt) return;
      stop();
      setMessage(t('emergency.scan.noCamera'));
    }
  };

  const openImage = async (file: File | undefined) => {
    if (!file) return;
    setMessage('');
    setForeign(undefined);
    const text = await decodeImageFile(file).catch(() => undefined);
    if (text) handle(text);
    else setMessage(t('emergency.scan.notFound'));
  };

  return (
    <div class="stack">
      <h1>{t('emergency.scan.title')}</h1>
      <p>{t('emergency.scan.intro')}</p>
      <div class="form-actions">
        <Show
          when={running()}
          fallback={
            <button type="button" class="button" onClick={start}>
              {t('emergency.scan.start')}
            </button>
          }
        >
          <button type="button" class="button button--secondary" onClick={stop}>
            {t('emergency.scan.stop')}
          </button>
        </Show>
      </div>
      <video
        ref={video}
        class="qr-code"
        hidden={!running()}
        muted
        playsinline
        aria-label={t('emergency.scan.video')}
      />
      <div class="field">
        <label for="scan-image">{t('emergency.scan.image')}</label>
        <input
          id="scan-image"
          type="file"
          accept="image/*"
          onChange={(e) => openImage(e.currentTarget.files?.[0])}
        />
      </div>
      <p role="status">{message()}</p>
      <Show when={foreign()}>
        {(text) => (
          <div class="card stack" data-testid="scan-foreign">
            <p>{t('emergency.scan.foreign')}</p>
            <pre class="scan-text">{text()}</pre>
          </div>
        )}
      </Show>
    </div>
  );
}
