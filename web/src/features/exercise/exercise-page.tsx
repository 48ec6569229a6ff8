/**
 * `/exercise`: the active profile's home exercise programmes. The current programme of each
 * practitioner comes first, with its follow-up and a form to log a session; programmes replaced by a
 * newer one from the same practitioner follow, with their own log (docs/architecture.md §8.9).
 */
import { createMemo, createSignal, Index, Show } from 'solid-js';
import { deviceTimeZone, localDate } from '../../../../shared/time/zoned-time.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { useApp } from '../../store/app-context.tsx';
import { NoProfile } from '../record/no-profile.tsx';
import { ProgrammeFollowUp } from './programme-follow-up.tsx';
import { programmesOf, sessionsOf } from './programmes.ts';
import { SessionForm } from './session-form.tsx';
import './exercise.css';

export function ExercisePage() {
  const app = useApp();
  const { t } = useI18n();
  const today = localDate(Date.now(), deviceTimeZone());
  const programmes = createMemo(() => programmesOf(app.profileRecords()));
  const current = () => programmes().filter((p) => !p.replaced);
  const replaced = () => programmes().filter((p) => p.replaced);
  const [saved, setSaved] = createSignal('');

  return (
    <Show when={app.activeProfile()} fallback={<NoProfile title={t('exercise.title')} />}>
      {(profile) => (
        <section class="stack" aria-labelledby="exercise-title">
          <h1 id="exercise-title">{t('exercise.title')}</h1>
          <p>{t('exercise.intro', { name: profile().profile.displayName })}</p>
          <p role="status" class="message" data-testid="session-saved" hidden={saved() === ''}>
            {saved()}
          </p>
          <Show when={programmes().length > 0} fallback={<p>{t('exercise.none')}</p>}>
            {/* By position, not by object: a saved session rebuilds the list, and must not reset the form. */}
            <Index each={current()}>
              {(programme) => (
                <div class="stack">
                  <ProgrammeFollowUp
                    programme={programme()}
                    sessions={sessionsOf(app.profileRecords(), programme().id)}
                    today={today}
                    level={2}
                  />
                  <SessionForm programmeId={programme().id} today={today} onSaved={setSaved} />
                </div>
              )}
            </Index>
            <Show when={replaced().length > 0}>
              <details class="card">
                <summary>{t('exercise.replaced')}</summary>
                <Index each={replaced()}>
                  {(programme) => (
                    <ProgrammeFollowUp
                      programme={programme()}
                      sessions={sessionsOf(app.profileRecords(), programme().id)}
                      today={today}
                      level={2}
                    />
                  )}
                </Index>
              </details>
            </Show>
          </Show>
        </section>
      )}
    </Show>
  );
}
