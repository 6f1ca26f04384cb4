import type { Message } from '@cruddur/api-contract';
import { MessageItem } from './MessageItem';
import './MessageFeed.css';

/** A conversation's messages, oldest first. */
export const MessageFeed = ({ messages }: { messages: readonly Message[] }) =>
  messages.length === 0 ? (
    <p className="feed_status">No messages yet. Say hello!</p>
  ) : (
    <div className="message_feed">
      {messages.map((message) => (
        <MessageItem key={message.uuid} message={message} />
      ))}
    </div>
  );
