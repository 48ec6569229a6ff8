/** Every form, parsed once against the definition schema: a malformed file fails at import. */
import { type FormDefinition, formDefinitionSchema, type OpinionField } from '../form-definition.ts';
import cardiology from './cardiology.ts';
import dermatology from './dermatology.ts';
import generalMedicine from './general-medicine.ts';
import neurology from './neurology.ts';
import oncology from './oncology.ts';
import orthopaedics from './orthopaedics.ts';
import preForm from './pre-form.ts';

export const PRE_FORM: FormDefinition = formDefinitionSchema.parse(preForm);

export const FIELD_FORMS: Readonly<Record<OpinionField, FormDefinition>> = {
  cardiology: formDefinitionSchema.parse(cardiology),
  oncology: formDefinitionSchema.parse(oncology),
  orthopaedics: formDefinitionSchema.parse(orthopaedics),
  neurology: formDefinitionSchema.parse(neurology),
  dermatology: formDefinitionSchema.parse(dermatology),
  'general-medicine': formDefinitionSchema.parse(generalMedicine),
};
