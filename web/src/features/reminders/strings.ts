/** Strings of reminders; French must match the shape. */
export { remindersEn } from './strings-en.ts';
export { remindersFr } from './strings-fr.ts';
