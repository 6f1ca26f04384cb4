import type {
  ActivityRecord,
  ConversationRecord,
  MessageRecord,
  NotificationRecord,
  UserRecord,
} from './records.js';

/**
 * In-memory data, lost on restart. Lists keep insertion order; ordering for
 * display is the services' job. Adders refuse rows that point at nothing, so
 * readers can rely on every handle and uuid resolving.
 */
export class Store {
  readonly #users = new Map<string, UserRecord>();
  readonly #activities = new Map<string, ActivityRecord>();
  /** Replies by the uuid of the crud they answer, in the order they were added. */
  readonly #replies = new Map<string, ActivityRecord[]>();
  readonly #notifications: NotificationRecord[] = [];
  readonly #conversations = new Map<string, ConversationRecord>();
  readonly #messages: MessageRecord[] = [];

  addUser(user: UserRecord): void {
    this.#users.set(user.handle, user);
  }

  user(handle: string): UserRecord | undefined {
    return this.#users.get(handle);
  }

  requireUser(handle: string): UserRecord {
    const user = this.#users.get(handle);
    if (!user) throw new Error(`store has no user ${handle}`);
    return user;
  }

  /** Refuses a uuid already stored: records are never replaced, so the reply index stays true. */
  addActivity(activity: ActivityRecord): void {
    this.requireUser(activity.handle);
    if (this.#activities.has(activity.uuid)) throw new Error(`store already has activity ${activity.uuid}`);
    const parent = activity.reply_to_activity_uuid;
    if (parent !== null) this.requireActivity(parent);
    this.#activities.set(activity.uuid, activity);
    if (parent !== null) {
      const replies = this.#replies.get(parent);
      if (replies) replies.push(activity);
      else this.#replies.set(parent, [activity]);
    }
  }

  activity(uuid: string): ActivityRecord | undefined {
    return this.#activities.get(uuid);
  }

  requireActivity(uuid: string): ActivityRecord {
    const activity = this.#activities.get(uuid);
    if (!activity) throw new Error(`store has no activity ${uuid}`);
    return activity;
  }

  activities(): ActivityRecord[] {
    return [...this.#activities.values()];
  }

  /** The direct replies to `uuid`, oldest added first: a lookup, not a scan of every crud. */
  repliesTo(uuid: string): ActivityRecord[] {
    return [...(this.#replies.get(uuid) ?? [])];
  }

  addNotification(notification: NotificationRecord): void {
    this.requireUser(notification.recipient_handle);
    this.requireActivity(notification.activity_uuid);
    this.#notifications.push(notification);
  }

  notificationsFor(handle: string): ActivityRecord[] {
    return this.#notifications
      .filter((notification) => notification.recipient_handle === handle)
      .map((notification) => this.requireActivity(notification.activity_uuid));
  }

  addConversation(conversation: ConversationRecord): void {
    conversation.handles.forEach((handle) => this.requireUser(handle));
    this.#conversations.set(conversation.uuid, conversation);
  }

  conversationsOf(handle: string): ConversationRecord[] {
    return [...this.#conversations.values()].filter(({ handles }) => handles.includes(handle));
  }

  conversationBetween(a: string, b: string): ConversationRecord | undefined {
    return this.conversationsOf(a).find(({ handles: [first, second] }) =>
      a === b ? first === second : first === b || second === b,
    );
  }

  addMessage(message: MessageRecord): void {
    const conversation = this.#conversations.get(message.conversation_uuid);
    if (!conversation?.handles.includes(message.sender_handle)) {
      throw new Error(`${message.sender_handle} is not part of conversation ${message.conversation_uuid}`);
    }
    this.#messages.push(message);
  }

  messagesIn(conversationUuid: string): MessageRecord[] {
    return this.#messages.filter((message) => message.conversation_uuid === conversationUuid);
  }
}
