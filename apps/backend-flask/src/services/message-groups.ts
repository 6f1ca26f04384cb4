import type { MessageGroup } from '@cruddur/api-contract';
import { ATTR, SPAN } from '@cruddur/telemetry-conventions';
import { newestFirst } from './activity-view.js';
import type { ServiceContext } from './context.js';
import { otherParticipant } from './message-view.js';
import { withSpan } from './traced.js';

/** The current user's conversations, one per other user, most recently active first. */
export const messageGroups = ({ store, currentUserHandle }: ServiceContext): MessageGroup[] =>
  withSpan(SPAN.messageGroups, { [ATTR.userHandle]: currentUserHandle }, (span) => {
    const latestPerConversation = store.conversationsOf(currentUserHandle).flatMap((conversation) => {
      const latest = newestFirst(store.messagesIn(conversation.uuid))[0];
      return latest ? [{ conversation, latest, created_at: latest.created_at }] : [];
    });
    const groups = newestFirst(latestPerConversation).map(({ conversation, latest }) => {
      const other = store.requireUser(otherParticipant(conversation, currentUserHandle));
      return {
        uuid: conversation.uuid,
        display_name: other.display_name,
        handle: other.handle,
        message: latest.message,
        created_at: latest.created_at.toISOString(),
      };
    });
    span.setAttribute(ATTR.resultLength, groups.length);
    return groups;
  });
