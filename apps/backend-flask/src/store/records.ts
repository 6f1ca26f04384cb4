/** Rows as the store keeps them; services turn them into API shapes. */

export interface UserRecord {
  readonly handle: string;
  readonly display_name: string;
  /** Handles whose cruds appear on this user's home feed, besides their own. */
  readonly follows: readonly string[];
}

/** A crud (reply_to_activity_uuid null) or a reply to one. */
export interface ActivityRecord {
  readonly uuid: string;
  readonly handle: string;
  readonly message: string;
  readonly created_at: Date;
  /** Cruds expire; replies have none and live as long as what they answer. */
  readonly expires_at: Date | null;
  readonly likes_count: number;
  readonly reposts_count: number;
  readonly reply_to_activity_uuid: string | null;
}

export interface NotificationRecord {
  readonly recipient_handle: string;
  readonly activity_uuid: string;
}

/** A direct-message thread between two users. */
export interface ConversationRecord {
  readonly uuid: string;
  readonly handles: readonly [string, string];
}

export interface MessageRecord {
  readonly uuid: string;
  readonly conversation_uuid: string;
  readonly sender_handle: string;
  readonly message: string;
  readonly created_at: Date;
}
