/** Strings of practitioner access (shares and the practitioner home); French must match the shape. */
export { sharesEn } from './strings-en.ts';
export { sharesFr } from './strings-fr.ts';
