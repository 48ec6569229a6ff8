/**
 * A notice: one line of the in-app notifications list (docs/architecture.md §8.7). It names what
 * happened by a kind and a title key from the notifications strings, never by content: a notice
 * holds no text of a message, no name and no record, so the list (and a system notification made
 * from it) can be shown without opening anything.
 */
import { z } from '../../../shared/schema/zod.ts';

/** What can add a notice: messaging today; appointments, reminders and second opinions next. */
export const NOTICE_KINDS = ['message', 'appointment', 'reminder', 'second-opinion'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** A key of `notifications.titles` in the strings (features/notifications/strings-en.ts). */
const titleKey = z.string().regex(/^[a-z][a-zA-Z-]{0,40}$/, 'a title key');
/** An in-app path: one leading slash, no scheme, no host (never `//elsewhere`). */
export const routeSchema = z
  .string()
  .max(200)
  .regex(/^\/(?!\/)[A-Za-z0-9/_\-.~%?=&]*$/, 'an in-app path');

export const newNoticeSchema = z.strictObject({
  kind: z.enum(NOTICE_KINDS),
  titleKey,
  route: routeSchema,
  /** What it is about (a thread id…): notices with the same kind and ref fold into one while unread. */
  ref: z.string().max(64).optional(),
});
export type NewNotice = z.infer<typeof newNoticeSchema>;

export const noticeSchema = newNoticeSchema.extend({
  id: z.string().max(64),
  at: z.number(),
  read: z.boolean(),
  /** How many events this notice stands for (folded while unread). */
  count: z.int().min(1),
});
export type Notice = z.infer<typeof noticeSchema>;

/** The newest notices kept; older ones go. */
export const NOTICES_KEPT = 100;

/** Adds `next` to the list, folding it into an unread notice about the same thing; newest first. */
export function addNotice(list: readonly Notice[], next: NewNotice, id: string, at: number): Notice[] {
  const same = (n: Notice) => !n.read && n.kind === next.kind && next.ref !== undefined && n.ref === next.ref;
  const folded = list.find(same);
  const rest = list.filter((n) => n !== folded);
  const notice: Notice = folded
    ? { ...folded, at, count: folded.count + 1, titleKey: next.titleKey, route: next.route }
    : { ...next, id, at, read: false, count: 1 };
  return [notice, ...rest].slice(0, NOTICES_KEPT);
}
