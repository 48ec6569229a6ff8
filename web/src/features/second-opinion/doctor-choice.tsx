/** Which referent doctor is offered the request: one of those listed for the field, or "let Carnet choose". */
import { For } from 'solid-js';
import type { DirectoryEntry } from '../../../../shared/protocol/directory.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';

export function DoctorChoice(props: {
  doctors: readonly DirectoryEntry[];
  /** An account id, or `any`. */
  chosen: string;
  onChoose: (accountId: string) => void;
}) {
  const { t } = useI18n();
  return (
    <fieldset class="stack card">
      <legend>{t('secondOpinion.form.doctorLegend')}</legend>
      <label class="opinion-check">
        <input
          type="radio"
          name="opinion-doctor"
          checked={props.chosen === 'any'}
          onChange={() => props.onChoose('any')}
        />
        <span>{t('secondOpinion.form.anyDoctor')}</span>
      </label>
      <For each={props.doctors} fallback={<p>{t('secondOpinion.form.noDoctor')}</p>}>
        {(d) => (
          <label class="opinion-check">
            <input
              type="radio"
              name="opinion-doctor"
              checked={props.chosen === d.accountId}
              onChange={() => props.onChoose(d.accountId)}
            />
            <span>
              {t('secondOpinion.form.doctorOption', { name: d.name, specialty: d.specialty ?? d.profession })}
            </span>
          </label>
        )}
      </For>
    </fieldset>
  );
}
