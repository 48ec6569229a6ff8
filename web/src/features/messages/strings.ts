/** Strings of messaging; French must match the shape. */
export { messagesEn } from './strings-en.ts';
export { messagesFr } from './strings-fr.ts';
