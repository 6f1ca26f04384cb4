import Type, { type Static } from 'typebox';

/**
 * A JSON object with only the given string fields. Unknown fields and wrong
 * types are refused (400); no field is required, because a missing field is
 * reported as blank (422) by the use case, with the request's other invalid
 * fields.
 */
const stringFields = <const Fields extends readonly string[]>(...fields: Fields) =>
  Type.Object(
    Object.fromEntries(fields.map((field) => [field, Type.Optional(Type.String())])) as {
      [Field in Fields[number]]: Type.TOptional<Type.TString>;
    },
    { additionalProperties: false },
  );

export const CreateActivityBody = stringFields('message', 'ttl');
export type CreateActivityBody = Static<typeof CreateActivityBody>;

export const CreateReplyBody = stringFields('message');
export type CreateReplyBody = Static<typeof CreateReplyBody>;

export const CreateMessageBody = stringFields('message', 'user_receiver_handle');
export type CreateMessageBody = Static<typeof CreateMessageBody>;

/** Other query parameters (a cache-buster, say) are let through. */
export const SearchQuery = Type.Object({ term: Type.Optional(Type.String()) });
export type SearchQuery = Static<typeof SearchQuery>;

/** Any string is accepted as a uuid: one that matches nothing, well-formed or not, is a 404. */
export const UuidParams = Type.Object({ uuid: Type.String() });
export const HandleParams = Type.Object({ handle: Type.String() });
