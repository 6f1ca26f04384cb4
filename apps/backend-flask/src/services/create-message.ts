import { randomUUID } from 'node:crypto';
import { MESSAGE_MAX_CHARS, charCount, type CreateMessageBody, type Message } from '@cruddur/api-contract';
import { ATTR, SPAN } from '@cruddur/telemetry-conventions';
import type { MessageRecord } from '../store/records.js';
import type { ServiceContext } from './context.js';
import { toMessage } from './message-view.js';
import { invalid, succeed, userNotFound, type Result } from './result.js';
import { withResultSpan } from './traced.js';
import { isBlank, messageErrors } from './validate.js';

/**
 * Sends a direct message from the current user, starting the conversation on
 * first contact. Invalid fields (422, all at once) are reported before an
 * unknown receiver (404).
 */
export const createMessage = (
  { store, clock, currentUserHandle }: ServiceContext,
  { message, user_receiver_handle }: CreateMessageBody,
): Result<Message> =>
  withResultSpan(SPAN.createMessage, { [ATTR.userHandle]: currentUserHandle }, (span) => {
    if (message !== undefined) span.setAttribute(ATTR.messageLength, charCount(message));
    const errors = messageErrors(message, MESSAGE_MAX_CHARS);
    if (isBlank(user_receiver_handle)) errors.push('user_receiver_handle_blank');
    // The undefined checks repeat what `errors` says, for the type checker.
    if (errors.length > 0 || message === undefined || user_receiver_handle === undefined) return invalid(errors);

    const receiverHandle = user_receiver_handle.trim();
    span.setAttribute(ATTR.receiverHandle, receiverHandle);
    const receiver = store.user(receiverHandle);
    if (!receiver) return userNotFound(receiverHandle);

    let conversation = store.conversationBetween(currentUserHandle, receiver.handle);
    if (!conversation) {
      conversation = { uuid: randomUUID(), handles: [currentUserHandle, receiver.handle] };
      store.addConversation(conversation);
    }
    const record: MessageRecord = {
      uuid: randomUUID(),
      conversation_uuid: conversation.uuid,
      sender_handle: currentUserHandle,
      message,
      created_at: clock(),
    };
    store.addMessage(record);
    return succeed(toMessage(store, record));
  });
