import type { Message } from '@cruddur/api-contract';
import { ATTR, SPAN } from '@cruddur/telemetry-conventions';
import { oldestFirst } from './activity-view.js';
import type { ServiceContext } from './context.js';
import { toMessage } from './message-view.js';
import { succeed, userNotFound, type Result } from './result.js';
import { withResultSpan } from './traced.js';

/** The conversation between the current user and `handle`, oldest first; empty if they never wrote. */
export const messages = ({ store, currentUserHandle }: ServiceContext, handle: string): Result<Message[]> =>
  withResultSpan(
    SPAN.messages,
    { [ATTR.userHandle]: currentUserHandle, [ATTR.receiverHandle]: handle },
    () => {
      if (!store.user(handle)) return userNotFound(handle);
      const conversation = store.conversationBetween(currentUserHandle, handle);
      const records = conversation ? oldestFirst(store.messagesIn(conversation.uuid)) : [];
      return succeed(records.map((record) => toMessage(store, record)));
    },
    (list) => list.length,
  );
