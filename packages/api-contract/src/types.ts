/** A crud or a reply to one. Timestamps are ISO-8601 UTC strings. */
export interface Activity {
  uuid: string;
  display_name: string;
  handle: string;
  message: string;
  created_at: string;
  expires_at: string | null;
  likes_count: number;
  replies_count: number;
  reposts_count: number;
  reply_to_activity_uuid: string | null;
  replies: Activity[];
}

export type Notification = Activity;

export interface MessageGroup {
  uuid: string;
  display_name: string;
  handle: string;
  message: string;
  created_at: string;
}

export interface Message {
  uuid: string;
  display_name: string;
  handle: string;
  message: string;
  created_at: string;
}

export interface UserProfile {
  display_name: string;
  handle: string;
  cruds_count: number;
}

export interface UserActivities {
  profile: UserProfile;
  activities: Activity[];
}

export interface CreateActivityBody {
  message: string;
  ttl: string;
}

export interface CreateReplyBody {
  message: string;
}

export interface CreateMessageBody {
  message: string;
  user_receiver_handle: string;
}

export interface ValidationErrorBody {
  errors: string[];
}

export interface RequestErrorBody {
  error: string;
  message: string;
}

export interface HealthCheck {
  success: true;
}
