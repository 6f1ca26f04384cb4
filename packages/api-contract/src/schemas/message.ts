import Type, { type Static } from 'typebox';

/** A direct message; a message group shows a conversation by its newest message, in the same shape. */
export const Message = Type.Object({
  uuid: Type.String(),
  display_name: Type.String(),
  handle: Type.String(),
  message: Type.String(),
  created_at: Type.String({ format: 'date-time' }),
});
export type Message = Static<typeof Message>;

export const MessageList = Type.Array(Message);

export type MessageGroup = Message;
