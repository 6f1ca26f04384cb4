import type { Message } from '@cruddur/api-contract';
import { ACTION } from '@cruddur/telemetry-conventions';
import { Link } from 'react-router';
import { profilePath } from '../lib/paths';
import { fullTimestamp, timeAgo } from '../lib/time';
import { useNow } from '../lib/useNow';
import { Avatar } from './Avatar';

/** One direct message. */
export const MessageItem = ({ message }: { message: Message }) => {
  const now = useNow();
  return (
    <article className="message_item">
      <Avatar name={message.display_name} />
      <div className="message_body">
        <div className="message_meta">
          <Link className="message_identity" to={profilePath(message.handle)} data-action={ACTION.openProfile}>
            <span className="display_name">{message.display_name}</span>{' '}
            <span className="handle">@{message.handle}</span>
          </Link>
          <time dateTime={message.created_at} title={fullTimestamp(message.created_at)}>
            {timeAgo(message.created_at, now)}
          </time>
        </div>
        <p className="message_text">{message.message}</p>
      </div>
    </article>
  );
};
