import type { Message } from '@cruddur/api-contract';
import { useParams } from 'react-router';
import { getMessageGroups, getMessages } from '../api/client';
import { MessageFeed } from '../components/MessageFeed';
import { MessageForm } from '../components/MessageForm';
import { MessageGroupFeed } from '../components/MessageGroupFeed';
import { PageHeader } from '../components/PageHeader';
import { ResourceView } from '../components/ResourceView';
import { withLatestMessage } from '../lib/messageGroups';
import { handleFromSegment } from '../lib/paths';
import { useResource } from '../lib/useResource';
import { NotFoundPage } from './NotFoundPage';
import './MessageGroupPage.css';

/** Conversation list beside one conversation, at /messages/@handle. */
export const MessageGroupPage = () => {
  const handle = handleFromSegment(useParams().atHandle);
  const groups = useResource('message_groups', (signal) => getMessageGroups({ signal }));
  if (handle === null) return <NotFoundPage />;

  return (
    <>
      <PageHeader title="Messages" />
      <div className="message_columns">
        <MessageGroupFeed resource={groups} />
        <Conversation
          handle={handle}
          onSent={(message) => {
            groups.update((list) => withLatestMessage(list, handle, message));
          }}
        />
      </div>
    </>
  );
};

interface ConversationProps {
  handle: string;
  onSent: (message: Message) => void;
}

const Conversation = ({ handle, onSent }: ConversationProps) => {
  const messages = useResource(`messages:${handle}`, (signal) => getMessages(handle, { signal }));

  return (
    <section className="conversation" aria-labelledby="conversation-title">
      <h2 id="conversation-title" className="conversation_title">
        @{handle}
      </h2>
      <ResourceView
        resource={messages}
        loadingText="Loading messages…"
        errorTitle="Couldn't load messages."
        notFound={<p className="feed_status">There is nobody called @{handle} to message.</p>}
      >
        {(list) => (
          <>
            <MessageFeed messages={list} />
            <MessageForm
              key={handle}
              handle={handle}
              onCreated={(message) => {
                messages.update((current) => [...current, message]);
                onSent(message);
              }}
            />
          </>
        )}
      </ResourceView>
    </section>
  );
};
