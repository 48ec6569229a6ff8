/**
 * A resource Carnet has no kind for, kept as a note: its title says what it was, its body is the
 * resource's own narrative when it has one, otherwise its JSON, so no line of it is lost.
 */
import type { Resource } from '@medplum/fhirtypes';
import { TEXT_MAX } from '../schema/common.ts';
import type { Note } from '../schema/note.ts';
import { textOf } from './fhir-read.ts';
import { narrativeText } from './narrative.ts';

function titleOf(resource: Resource): string {
  const code = 'code' in resource ? textOf(resource.code as never) : undefined;
  const description =
    'description' in resource && typeof resource.description === 'string' ? resource.description : undefined;
  const attachment =
    resource.resourceType === 'DocumentReference' ? resource.content[0]?.attachment.title : undefined;
  const label = code ?? description ?? attachment;
  return `${resource.resourceType}${label ? `: ${label}` : ''}`.slice(0, 200);
}

export function resourceAsNote(resource: Resource): Note {
  const div = 'text' in resource && resource.text?.div ? narrativeText(resource.text.div) : '';
  const json = JSON.stringify(resource, null, 1);
  const body = div !== '' ? `${div}\n\n${json}` : json;
  return {
    kind: 'note',
    schemaVersion: 1,
    title: titleOf(resource),
    body: body.length > TEXT_MAX.long ? `${body.slice(0, TEXT_MAX.long - 1)}…` : body,
    tags: ['FHIR'],
  };
}
