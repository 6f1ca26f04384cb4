import type { Message } from '@cruddur/api-contract';
import type { ConversationRecord, MessageRecord } from '../store/records.js';
import type { Store } from '../store/store.js';

/** A message as the API shows it: who sent it, what, when. */
export const toMessage = (store: Store, record: MessageRecord): Message => {
  const sender = store.requireUser(record.sender_handle);
  return {
    uuid: record.uuid,
    display_name: sender.display_name,
    handle: sender.handle,
    message: record.message,
    created_at: record.created_at.toISOString(),
  };
};

export const otherParticipant = ({ handles: [first, second] }: ConversationRecord, handle: string): string =>
  first === handle ? second : first;
