import type { MessageGroup } from '@cruddur/api-contract';
import { ACTION } from '@cruddur/telemetry-conventions';
import { NavLink } from 'react-router';
import { conversationPath } from '../lib/paths';
import { fullTimestamp, timeAgo } from '../lib/time';
import { useNow } from '../lib/useNow';
import { Avatar } from './Avatar';

/** One conversation in the list: who, their last message, and when. */
export const MessageGroupItem = ({ group }: { group: MessageGroup }) => {
  const now = useNow();
  return (
    <NavLink className="message_group_item" to={conversationPath(group.handle)} data-action={ACTION.openConversation}>
      <Avatar name={group.display_name} />
      <span className="message_group_text">
        <span className="message_group_meta">
          <span className="display_name">{group.display_name}</span>
          <span className="handle">@{group.handle}</span>
          <time dateTime={group.created_at} title={fullTimestamp(group.created_at)}>
            {timeAgo(group.created_at, now)}
          </time>
        </span>
        <span className="message_group_preview">{group.message}</span>
      </span>
    </NavLink>
  );
};
