/** Strings of the record feature; French must match the English shape (checked by the compiler). */
export { recordEn } from './strings-en.ts';
export { recordFr } from './strings-fr.ts';
