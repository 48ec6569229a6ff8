/**
 * The coded values that appear in section narratives, worded for a reader in English or French
 * ("Sévère", not "severe"). Values without a label here are shown as stored.
 */
import type { Locale } from './narrative.ts';

type Labels = Readonly<Record<string, readonly [en: string, fr: string]>>;

const LABELS: Readonly<Record<string, Labels>> = {
  severity: { mild: ['Mild', 'Légère'], moderate: ['Moderate', 'Modérée'], severe: ['Severe', 'Sévère'] },
  conditionStatus: {
    active: ['Active', 'Active'],
    recurrence: ['Recurrence', 'Récidive'],
    relapse: ['Relapse', 'Rechute'],
    inactive: ['Inactive', 'Inactive'],
    remission: ['In remission', 'En rémission'],
    resolved: ['Resolved', 'Guérie'],
  },
  interpretation: {
    low: ['Low', 'Bas'],
    normal: ['Normal', 'Normal'],
    high: ['High', 'Élevé'],
    critical: ['Critical', 'Critique'],
  },
  measurement: {
    weight: ['Weight', 'Poids'],
    height: ['Height', 'Taille'],
    'heart-rate': ['Heart rate', 'Fréquence cardiaque'],
    glucose: ['Blood glucose', 'Glycémie'],
    temperature: ['Temperature', 'Température'],
    spo2: ['Oxygen saturation', 'Saturation en oxygène'],
  },
  smoking: {
    never: ['Never smoked', 'Non-fumeur'],
    former: ['Former smoker', 'Ancien fumeur'],
    current: ['Smoker', 'Fumeur'],
  },
  pregnancy: {
    pregnant: ['Pregnant', 'Enceinte'],
    'not-pregnant': ['Not pregnant', 'Pas enceinte'],
    unknown: ['Unknown', 'Inconnu'],
  },
  relative: {
    mother: ['Mother', 'Mère'],
    father: ['Father', 'Père'],
    sister: ['Sister', 'Sœur'],
    brother: ['Brother', 'Frère'],
    daughter: ['Daughter', 'Fille'],
    son: ['Son', 'Fils'],
    grandmother: ['Grandmother', 'Grand-mère'],
    grandfather: ['Grandfather', 'Grand-père'],
    aunt: ['Aunt', 'Tante'],
    uncle: ['Uncle', 'Oncle'],
    cousin: ['Cousin', 'Cousin(e)'],
    other: ['Relative', 'Membre de la famille'],
  },
  directive: {
    directives: ['Advance directives', 'Directives anticipées'],
    'trusted-person': ['Trusted person', 'Personne de confiance'],
    'do-not-resuscitate': ['Do not resuscitate', 'Pas de réanimation'],
    other: ['Directive', 'Directive'],
  },
  words: {
    whenNeeded: ['when needed', 'si besoin'],
    since: ['since', 'depuis le'],
    until: ['until', 'jusqu’au'],
    due: ['due', 'terme prévu le'],
    ageAtOnset: ['from age', 'à partir de'],
    implanted: ['implanted', 'implanté'],
    document: ['document', 'document'],
  },
};

export function label(locale: Locale, group: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const pair = LABELS[group]?.[value];
  return pair ? pair[locale === 'fr' ? 1 : 0] : value;
}
