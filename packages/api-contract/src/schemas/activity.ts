import Type, { type Static } from 'typebox';

const IsoTimestamp = Type.String({ format: 'date-time' });

/**
 * A string or null, declared as `type: ['string', 'null']`: fast-json-stringify
 * writes a type list directly, while TypeBox's Union would be an anyOf that it
 * checks branch by branch for every value.
 */
const NullableString = Type.Unsafe<string | null>({ type: ['string', 'null'] });

/**
 * A crud or a reply to one, with its live replies. Timestamps are ISO-8601
 * UTC strings. Recursive through `replies`, so declared as a cyclic type:
 * its one definition carries `$id: 'Activity'`, which the OpenAPI document
 * turns into a component.
 */
export const Activity = Type.Cyclic(
  {
    Activity: Type.Object({
      uuid: Type.String(),
      display_name: Type.String(),
      handle: Type.String(),
      message: Type.String(),
      created_at: IsoTimestamp,
      expires_at: NullableString,
      likes_count: Type.Integer(),
      replies_count: Type.Integer(),
      reposts_count: Type.Integer(),
      reply_to_activity_uuid: NullableString,
      replies: Type.Array(Type.Ref('Activity')),
    }),
  },
  'Activity',
);
export type Activity = Static<typeof Activity>;

export const ActivityList = Type.Array(Activity);

/** A notification is the activity that notified the user. */
export type Notification = Activity;

export const UserProfile = Type.Object({
  display_name: Type.String(),
  handle: Type.String(),
  cruds_count: Type.Integer(),
});
export type UserProfile = Static<typeof UserProfile>;

/** A user's page: their profile and their live cruds, newest first. */
export const UserActivities = Type.Object({
  profile: UserProfile,
  activities: ActivityList,
});
export type UserActivities = Static<typeof UserActivities>;
