/** Strings of home exercise follow-up; French must match the shape. */
export { exerciseEn } from './strings-en.ts';
export { exerciseFr } from './strings-fr.ts';
