import { Show } from 'solid-js';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { LocalMedia } from './local-media.ts';
import { VideoTile } from './video-tile.tsx';

/** Camera preview, microphone level and, if the devices cannot be opened, why and what to do. */
export function PrecallCheck(props: { media: LocalMedia }) {
  const { t } = useI18n();
  return (
    <fieldset class="precall stack">
      <legend>{t('call.join.checkTitle')}</legend>
      <Show
        when={props.media.stream()}
        fallback={
          <button type="button" class="button button--secondary" onClick={() => void props.media.start()}>
            {t('call.join.startCheck')}
          </button>
        }
      >
        {(stream) => (
          <div class="precall__devices">
            <VideoTile stream={stream()} label={t('call.join.camera')} muted class="call-video--preview" />
            <div class="field">
              <label for="precall-level">{t('call.join.micLevel')}</label>
              <meter
                id="precall-level"
                class="precall__meter"
                min={0}
                max={1}
                low={0.05}
                value={props.media.level()}
              />
            </div>
          </div>
        )}
      </Show>
      <Show when={props.media.problem()}>
        {(problem) => (
          <p class="field__error" role="alert">
            {t(`call.media.${problem()}`)}
          </p>
        )}
      </Show>
    </fieldset>
  );
}
