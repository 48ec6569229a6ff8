import { expect, type Locator, type Page } from '@playwright/test';
import type { WritableKind } from '../../web/src/features/record/kinds.ts';
import { recordEn } from '../../web/src/features/record/strings.ts';
import { followMainLink } from '../support/main-nav.ts';

export type Severity = 'mild' | 'moderate' | 'severe';

export interface NewAllergy {
  substance: string;
  severity: Severity;
  /** One reaction; several on separate lines. */
  reaction?: string;
}

export interface NewMedication {
  name: string;
  dose: string;
  frequency: string;
  /** YYYY-MM-DD */
  start: string;
}

export interface NewBloodPressure {
  systolic: number;
  diastolic: number;
  /** Local date and time, YYYY-MM-DDTHH:mm */
  at: string;
}

/** A field's value: text or number typed in, an option's value or label chosen, a box ticked. */
export type FieldValue = string | number | boolean;

/**
 * The names the helpers use (`reaction`, `start`…) → the English label of the field. Any other key
 * of `changes` in `editFirst` is taken as a label itself: `{ 'Lot number': 'AB12' }`.
 */
const FIELD_LABELS: Partial<Record<WritableKind, Record<string, string>>> = {
  allergy: {
    substance: recordEn.fields.substance,
    severity: recordEn.fields.severity,
    reaction: recordEn.fields.reactions,
    reactions: recordEn.fields.reactions,
  },
  medication: {
    name: recordEn.fields.medicationName,
    dose: recordEn.fields.dose,
    frequency: recordEn.fields.frequency,
    start: recordEn.fields.startDate,
  },
  measurement: {
    systolic: recordEn.fields.systolic,
    diastolic: recordEn.fields.diastolic,
    at: recordEn.fields.measuredAt,
  },
  note: { title: recordEn.fields.title, body: recordEn.fields.body },
};

/**
 * The record screens (timeline, lists by kind, the entry form) in English. Every step goes through
 * in-app links: `page.goto` would reload the page, and a reload locks the vault by design.
 */
export class RecordPage {
  readonly main: Locator;

  constructor(private readonly page: Page) {
    this.main = page.getByRole('main');
  }

  private heading(name: string): Locator {
    return this.page.getByRole('heading', { level: 1, name, exact: true });
  }

  async gotoTimeline(): Promise<void> {
    await followMainLink(this.page, 'Record');
    await expect(this.heading(recordEn.timeline.title)).toBeVisible();
  }

  async gotoKind(kind: WritableKind | 'practitioner-entry' | 'consultation'): Promise<void> {
    await this.gotoTimeline();
    const menu = this.page.getByRole('navigation', { name: recordEn.timeline.browse });
    await menu.getByRole('link', { name: recordEn.kindTitles[kind], exact: true }).click();
    await expect(this.heading(recordEn.kindTitles[kind])).toBeVisible();
  }

  async gotoMeasurements(): Promise<void> {
    await followMainLink(this.page, 'Measurements');
    await expect(this.heading(recordEn.measurements.title)).toBeVisible();
  }

  /** Opens the empty form of a kind from the timeline's "Add…" links. */
  async openNew(kind: WritableKind): Promise<void> {
    await this.gotoTimeline();
    await this.page.getByRole('link', { name: recordEn.addKind[kind], exact: true }).click();
    await expect(this.heading(recordEn.addKind[kind])).toBeVisible();
  }

  /** The form control labelled `label` (the label's text, without the required mark). */
  field(label: string): Locator {
    return this.main.locator('form').getByLabel(label, { exact: true });
  }

  async setField(label: string, value: FieldValue): Promise<void> {
    const control = this.field(label);
    const tag = await control.evaluate((element) => element.tagName.toLowerCase());
    const type = await control.getAttribute('type');
    if (tag === 'select') {
      const text = String(value);
      const byValue = await control.locator(`option[value="${text}"]`).count();
      await control.selectOption(byValue > 0 ? { value: text } : { label: text });
    } else if (type === 'checkbox') {
      await control.setChecked(value === true);
    } else {
      await control.fill(String(value));
    }
  }

  /** Fills a form by labels, in order (a measurement's type first: it decides the other fields). */
  async fill(values: Record<string, FieldValue>): Promise<void> {
    for (const [label, value] of Object.entries(values)) await this.setField(label, value);
  }

  /** Saves and waits for the list of that kind, where a saved entry lands. */
  async save(kind: WritableKind): Promise<void> {
    await this.main.getByRole('button', { name: recordEn.editor.save, exact: true }).click();
    await expect(this.heading(recordEn.kindTitles[kind])).toBeVisible();
    await expect(this.page.getByRole('status').filter({ hasText: recordEn.kindPage.saved })).toBeVisible();
  }

  /** Adds an entry of any writable kind: `add('vaccination', { Vaccine: 'Tetanus', Date: '2024-05-02' })`. */
  async add(kind: WritableKind, values: Record<string, FieldValue>): Promise<void> {
    await this.openNew(kind);
    await this.fill(values);
    await this.save(kind);
  }

  async addAllergy(allergy: NewAllergy): Promise<void> {
    await this.add('allergy', {
      [recordEn.fields.substance]: allergy.substance,
      [recordEn.fields.severity]: allergy.severity,
      [recordEn.fields.reactions]: allergy.reaction ?? '',
    });
  }

  async addMedication(medication: NewMedication): Promise<void> {
    await this.add('medication', {
      [recordEn.fields.medicationName]: medication.name,
      [recordEn.fields.dose]: medication.dose,
      [recordEn.fields.frequency]: medication.frequency,
      [recordEn.fields.startDate]: medication.start,
    });
  }

  async addBloodPressure(reading: NewBloodPressure): Promise<void> {
    await this.add('measurement', {
      [recordEn.fields.measurementType]: 'blood-pressure',
      [recordEn.fields.systolic]: reading.systolic,
      [recordEn.fields.diastolic]: reading.diastolic,
      [recordEn.fields.measuredAt]: reading.at,
    });
  }

  async addNote(title: string, body: string): Promise<void> {
    await this.add('note', { [recordEn.fields.title]: title, [recordEn.fields.body]: body });
  }

  /** Types in the timeline's search box (on the timeline page). */
  async search(text: string): Promise<void> {
    await this.page.getByRole('searchbox', { name: recordEn.timeline.search }).fill(text);
  }

  /** Some entry of the timeline (or the list on screen) shows this text. */
  async expectInTimeline(text: string): Promise<void> {
    await expect(this.main.getByRole('listitem').filter({ hasText: text }).first()).toBeVisible();
  }

  /** Opens the first (newest) entry of a kind from its list. */
  async openFirst(kind: WritableKind): Promise<void> {
    await this.gotoKind(kind);
    const list = this.main.getByRole('list', { name: recordEn.kindTitles[kind] });
    await list
      .getByRole('link', { name: new RegExp(`^${recordEn.actions.edit}\\b`) })
      .first()
      .click();
    await expect(this.heading(recordEn.editKind[kind])).toBeVisible();
  }

  /**
   * Edits the newest entry of a kind. Keys are the helpers' names (`reaction`, `severity`, `start`…)
   * or any field's English label.
   */
  async editFirst(kind: WritableKind, changes: Record<string, FieldValue>): Promise<void> {
    await this.openFirst(kind);
    for (const [key, value] of Object.entries(changes)) {
      await this.setField(FIELD_LABELS[kind]?.[key] ?? key, value);
    }
    await this.save(kind);
  }

  /** Deletes the newest entry of a kind, confirming in the dialog. */
  async deleteFirst(kind: WritableKind): Promise<void> {
    await this.openFirst(kind);
    await this.main.getByRole('button', { name: recordEn.editor.delete, exact: true }).click();
    const dialog = this.page.getByRole('dialog', { name: recordEn.editor.confirmTitle });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: recordEn.editor.confirmYes, exact: true }).click();
    await expect(this.heading(recordEn.kindTitles[kind])).toBeVisible();
    await expect(this.page.getByRole('status').filter({ hasText: recordEn.kindPage.deleted })).toBeVisible();
  }
}
