import type { MessageRequest } from '../../messaging/message-content.ts';
import type { I18n } from '../../strings/create-i18n.ts';

/** What a structured request asks for, in the reader's language ("a clearer copy of …: X"). */
export function requestText(t: I18n['t'], request: MessageRequest): string {
  const what = t(`messages.thread.request.${request.type}`);
  return request.document
    ? t('messages.thread.request.withDocument', { what, document: request.document })
    : what;
}
