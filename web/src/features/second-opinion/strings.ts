/** Strings of the second opinion; French must match the shape. */
export { secondOpinionEn } from './strings-en.ts';
export { secondOpinionFr } from './strings-fr.ts';
