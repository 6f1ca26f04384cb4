import type { MessageGroup } from '@cruddur/api-contract';
import type { Resource } from '../lib/useResource';
import { MessageGroupItem } from './MessageGroupItem';
import { ResourceView } from './ResourceView';
import './MessageGroupFeed.css';

/** The list of conversations, with loading, error and empty states. */
export const MessageGroupFeed = ({ resource }: { resource: Resource<MessageGroup[]> }) => (
  <nav className="message_group_feed" aria-label="Conversations">
    <ResourceView resource={resource} loadingText="Loading conversations…" errorTitle="Couldn't load conversations.">
      {(groups) =>
        groups.length === 0 ? (
          <p className="feed_status">No messages yet</p>
        ) : (
          <ul>
            {groups.map((group) => (
              <li key={group.uuid}>
                <MessageGroupItem group={group} />
              </li>
            ))}
          </ul>
        )
      }
    </ResourceView>
  </nav>
);
