/** English strings of messaging (threads, the practitioner directory). */
import type { MessagingProblemReason } from '../../messaging/messaging.ts';

export type MessagingReasons = Record<
  MessagingProblemReason | 'offline' | 'messaging-not-allowed' | 'blocked' | 'message-rate' | 'pending-quota',
  string
>;

const errorsEn: MessagingReasons = {
  'sync-off':
    'Turn on sync (Settings → Sync between devices) to use messages: they travel through your server account.',
  'thread-key-refused':
    'This conversation’s key failed its check (it was not wrapped by a participant under the key you know). It is not opened.',
  'not-found': 'This conversation does not exist, or you do not take part in it.',
  offline:
    'Not sent: the server cannot be reached. Your text is kept here; send it again once you are back online.',
  'messaging-not-allowed': 'You can write only to a listed practitioner who accepts messages.',
  blocked: 'This person does not accept your messages.',
  'message-rate': 'Too many messages in a minute. Wait a moment, then send again.',
  'pending-quota': 'Too many of your messages are still waiting to be received. Try again later.',
  'attachment-tampered':
    'This file failed its check: what the server sent does not match what the sender signed. It is not saved.',
};

export const messagesEn = {
  errors: errorsEn,
  nav: 'Messages',
  navUnread: '{{ count }} unread',
  page: {
    title: 'Messages',
    intro:
      'Conversations with practitioners, encrypted end to end: the server relays them but cannot read them.',
    threadsTitle: 'Conversations',
    archivedTitle: 'Archived conversations',
    none: 'No conversation yet.',
    unread: '{{ count }} unread',
    lastAt: 'last message {{ date }}',
    empty: 'no message yet',
    patient: 'A patient',
    open: 'Open the conversation with {{ name }}',
  },
  directory: {
    title: 'Find a practitioner',
    notice:
      'Identities in this directory are self-declared: names, professions and identifiers are not verified.',
    specialty: 'Specialty',
    city: 'City',
    language: 'Language',
    anyLanguage: 'Any language',
    search: 'Search',
    none: 'No listed practitioner accepting messages matches.',
    results: '{{ count }} practitioners found',
    rate: '{{ rate }} € an hour',
    speaks: 'Speaks {{ languages }}',
    write: 'Write to this practitioner',
    writeTo: 'Write to {{ name }}',
  },
  thread: {
    back: 'All conversations',
    title: 'Conversation with {{ name }}',
    theirKey: 'Their signing key (pinned at first contact):',
    ownKey: 'Your signing key:',
    keyHint: 'Compare these keys with the other person, by phone or in person.',
    keyChanged:
      'Warning: this person now publishes another signing key than the one pinned. Their new messages are not shown as verified.',
    you: 'You',
    sentAt: 'sent {{ date }}',
    verified: 'Verified',
    delivery: { sent: 'Sent', delivered: 'Delivered', read: 'Read' },
    verdicts: {
      tampered: 'This message failed its integrity check: it was altered. Its content is not shown.',
      'wrong-thread': 'This message belongs to another conversation: it is not shown.',
      're-attributed': 'This message claims a sender who did not sign it: it is not shown.',
      'key-changed':
        'This message is signed by another key than the one pinned for its sender: it is not shown.',
      replayed: 'This message is a repeated copy of an earlier one: it is not shown again.',
      gap: 'Warning: messages {{ from }} to {{ to }} of this sender were not delivered before this one.',
      'out-of-order': 'Warning: this message arrived after a later message of the same sender.',
    },
    none: 'No message yet. Write the first one.',
    compose: 'Your message',
    composeHint: 'Enter sends, Shift+Enter starts a new line.',
    send: 'Send',
    sent: 'Message sent.',
    empty: 'Write a message first.',
    queued:
      'No connection: your message is kept on this device, encrypted, and will be sent when you are back online.',
    stale: 'The server cannot be reached: this conversation is shown as last loaded.',
    waitingTitle: 'Waiting to send',
    waiting: 'Waiting to send',
    refused: 'Not sent: {{ reason }}',
    discard: 'Discard',
    archive: 'Archive this conversation',
    unarchive: 'Bring back from the archive',
    archivedNote: 'This conversation is archived.',
    block: 'Block {{ name }}',
    unblock: 'Unblock {{ name }}',
    blockedNote: 'You block this person: they cannot write to you.',
    for: 'about {{ name }}',
    writingFor: 'Writing about',
    request: {
      label: 'Ask the patient for',
      none: 'Nothing in particular',
      'more-info': 'More information',
      'new-document': 'A new document',
      'clearer-copy': 'A clearer copy of a document',
      document: 'Which document',
      withDocument: '{{ what }}: {{ document }}',
      asks: 'Request: {{ what }}',
      answered: 'Answered',
      open: 'Not answered yet',
      answer: 'Answer this request',
      answering: 'You are answering: {{ what }}',
      cancel: 'Cancel the answer',
      answerNote: 'Answer to a request',
      needDocument: 'Say which document needs a clearer copy.',
    },
    attach: {
      fromRecord: 'Attach a document of the record',
      noneChosen: 'No document',
      newFile: 'Or attach a new file',
      tooLarge: 'This file is larger than 20 MB: it cannot be attached.',
      files: 'Attached files',
      download: 'Download {{ name }}',
      save: 'Save {{ name }} in {{ profile }}’s record',
      saved: '{{ name }} is saved in the record.',
      downloaded: '{{ name }} is downloaded; its checksum matched.',
      size: '{{ size }} kB',
    },
  },
};
