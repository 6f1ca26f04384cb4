import type { Message, MessageGroup } from '@cruddur/api-contract';

/** The conversation list after sending `message` to `handle`: that group shows it and moves to the top. */
export const withLatestMessage = (groups: readonly MessageGroup[], handle: string, message: Message): MessageGroup[] => {
  const group = groups.find((item) => item.handle === handle);
  if (!group) return [...groups];
  const updated = { ...group, message: message.message, created_at: message.created_at };
  return [updated, ...groups.filter((item) => item !== group)];
};
