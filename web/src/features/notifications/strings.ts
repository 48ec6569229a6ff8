/** Strings of notifications; French must match the shape. */
export { notificationsEn } from './strings-en.ts';
export { notificationsFr } from './strings-fr.ts';
