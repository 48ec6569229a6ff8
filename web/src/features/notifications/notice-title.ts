import type { I18n } from '../../strings/create-i18n.ts';
import { notificationsEn } from './strings-en.ts';

type TitleKey = keyof typeof notificationsEn.titles;

/** A notice's title in the user's language; a key this version does not know reads as a generic one. */
export function noticeTitle(t: I18n['t'], key: string): string {
  const known = (Object.keys(notificationsEn.titles) as TitleKey[]).find((k) => k === key) ?? 'unknown';
  return t(`notifications.titles.${known}`);
}
