/** Longest crud a user may post, in characters (code points). */
export const ACTIVITY_MAX_CHARS = 280;
/** Longest reply or direct message, in characters (code points). */
export const REPLY_MAX_CHARS = 1024;
export const MESSAGE_MAX_CHARS = 1024;
/** Longest search term, in characters (code points): as long as a crud may be. */
export const SEARCH_TERM_MAX_CHARS = 280;

/** How long a crud lives before it expires, as the course's form offers it. */
export const TTL_HOURS = {
  '30-days': 30 * 24,
  '7-days': 7 * 24,
  '3-days': 3 * 24,
  '1-day': 24,
  '12-hours': 12,
  '3-hours': 3,
  '1-hour': 1,
} as const;

export type Ttl = keyof typeof TTL_HOURS;
export const TTLS = Object.keys(TTL_HOURS) as Ttl[];

export const isTtl = (value: unknown): value is Ttl =>
  typeof value === 'string' && Object.hasOwn(TTL_HOURS, value);

/** Characters as a person counts them: emoji and other astral symbols count once. */
export const charCount = (text: string): number => Array.from(text).length;
