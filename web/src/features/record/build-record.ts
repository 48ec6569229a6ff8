/**
 * Form values ⇄ record objects. Building does not validate: it writes what was typed in the shape
 * the schema expects (numbers as numbers, empty optional fields left out, schemaVersion and kind
 * set) and lets `parseRecord` judge, so every rule and message lives in one place. Text that should
 * be a number but is not ("12a") is passed on as text, for the schema to say "must be a number".
 *
 * Editing starts from the stored record: anything the form does not show (a SNOMED code, a third
 * address) is kept, so saving a form never loses data it did not display.
 */
import { RECORD_SCHEMA_VERSION } from '../../../../shared/schema/common.ts';
import type { FieldSpec, FormValues } from './field-spec.ts';
import { fromLocalInput, toLocalInput } from './local-time.ts';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function getPath(source: unknown, path: string): unknown {
  let current = source;
  for (const segment of path.split('.')) {
    if (isObject(current)) current = current[segment];
    else if (Array.isArray(current)) current = current[Number(segment)];
    else return undefined;
  }
  return current;
}

/** Sets a dotted path, creating objects, or arrays where the next segment is an index. */
function setPath(target: Json, path: string, value: unknown): void {
  const segments = path.split('.');
  let current: Json | unknown[] = target;
  segments.forEach((segment, i) => {
    const key = Array.isArray(current) ? Number(segment) : segment;
    const container = current as Record<string | number, unknown>;
    if (i === segments.length - 1) {
      container[key] = value;
      return;
    }
    if (container[key] === undefined) container[key] = /^\d+$/.test(segments[i + 1] ?? '') ? [] : {};
    current = container[key] as Json | unknown[];
  });
}

/** "72,5", "72.5", " 1 000 " → a number; anything else → undefined. */
export function parseNumber(raw: string): number | undefined {
  const compact = raw.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  return /^[+-]?(\d+\.?\d*|\.\d+)$/.test(compact) ? Number(compact) : undefined;
}

/** A select shows its first value when nothing valid is chosen, unless it has a "Choose…" entry. */
export function selectValue(field: FieldSpec, raw: string | boolean | undefined): string {
  const options = field.options ?? [];
  if (typeof raw === 'string' && options.includes(raw)) return raw;
  return field.emptyChoice ? '' : (options[0] ?? '');
}

function fieldValue(field: FieldSpec, raw: string | boolean | undefined, stored: unknown): unknown {
  if (field.input === 'fixed') return typeof field.initial === 'string' ? field.initial : undefined;
  if (field.input === 'checkbox') return raw === true;
  if (field.input === 'select') return selectValue(field, raw) || undefined;
  const text = typeof raw === 'string' ? raw.trim() : '';
  switch (field.input) {
    case 'list': {
      const items = text
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== '');
      return items.length > 0 || field.keepEmpty ? items : undefined;
    }
    case 'number':
    case 'integer':
      return text === '' ? undefined : (parseNumber(text) ?? text);
    case 'number-or-text':
      return text === '' ? undefined : (parseNumber(text) ?? text);
    case 'datetime':
      if (text === '') return undefined;
      // Unchanged: keep the stored instant as written (its seconds and its original offset).
      if (typeof stored === 'string' && toLocalInput(stored) === text) return stored;
      return fromLocalInput(text);
    default:
      return text === '' ? undefined : text;
  }
}

function rootOf(path: string): string {
  return path.split('.')[0] ?? path;
}

/** `addresses.0.text` → ['addresses', 0]: a form slot in a list. */
function slotOf(path: string): [string, number] | undefined {
  const [root, index] = path.split('.');
  return root !== undefined && index !== undefined && /^\d+$/.test(index) ? [root, Number(index)] : undefined;
}

export interface Original {
  readonly record: object;
  /** Every path the kind's form can show, whatever variant is on screen. */
  readonly managed: readonly string[];
}

export function buildRecord(
  kind: string,
  fields: readonly FieldSpec[],
  values: FormValues,
  original?: Original,
): Json {
  const out: Json = {};
  const extras = new Map<string, unknown[]>();
  if (original) {
    const source = original.record as Json;
    const roots = new Set(original.managed.map(rootOf));
    for (const [key, value] of Object.entries(source)) if (!roots.has(key)) out[key] = value;
    // List entries past the form's slots are not on screen: keep them after the slots.
    const lastSlot = new Map<string, number>();
    for (const slot of original.managed.map(slotOf)) {
      if (slot) lastSlot.set(slot[0], Math.max(lastSlot.get(slot[0]) ?? -1, slot[1]));
    }
    for (const [root, last] of lastSlot) {
      const list = source[root];
      if (Array.isArray(list) && list.length > last + 1) extras.set(root, list.slice(last + 1));
    }
  }
  out.kind = kind;
  out.schemaVersion = RECORD_SCHEMA_VERSION;

  const stored = (path: string) => (original ? getPath(original.record, path) : undefined);
  for (const field of fields.filter((f) => !f.companion)) {
    const value = fieldValue(field, values[field.path], stored(field.path));
    if (value !== undefined) setPath(out, field.path, value);
  }
  for (const field of fields.filter((f) => f.companion)) {
    const parent = field.path.split('.').slice(0, -1).join('.');
    if (!isObject(getPath(out, parent))) continue;
    const value = fieldValue(field, values[field.path], stored(field.path));
    if (value !== undefined) setPath(out, field.path, value);
  }

  // Slots left empty leave holes: close them, then add the entries kept from the stored record.
  const slotRoots = new Set([...fields.map((f) => slotOf(f.path)?.[0]), ...extras.keys()]);
  for (const root of slotRoots) {
    if (root === undefined) continue;
    const list = [...(Array.isArray(out[root]) ? (out[root] as unknown[]) : []), ...(extras.get(root) ?? [])];
    const compact = list.filter((entry) => entry !== undefined);
    if (compact.length > 0) out[root] = compact;
    else delete out[root];
  }
  return out;
}

function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  // A structured dose ({ value, unit }) from another client is shown, and saved back, as text.
  if (isObject(value) && 'value' in value && 'unit' in value) return `${value.value} ${value.unit}`;
  return '';
}

/** The form's starting values: from the stored record when editing, from the specs otherwise. */
export function initialValues(fields: readonly FieldSpec[], record?: object): FormValues {
  const values: FormValues = {};
  for (const field of fields) {
    if (field.path in values) continue;
    if (record) {
      const value = getPath(record, field.path);
      if (field.input === 'checkbox') values[field.path] = value === true;
      else if (field.input === 'list') values[field.path] = Array.isArray(value) ? value.join('\n') : '';
      else if (field.input === 'datetime')
        values[field.path] = typeof value === 'string' ? toLocalInput(value) : '';
      else values[field.path] = textOf(value);
      continue;
    }
    const initial = typeof field.initial === 'function' ? field.initial() : field.initial;
    if (field.input === 'checkbox') values[field.path] = initial === true;
    else if (field.input === 'select') values[field.path] = selectValue(field, initial);
    else values[field.path] = typeof initial === 'string' ? initial : '';
  }
  return values;
}
