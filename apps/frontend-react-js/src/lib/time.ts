// Pure helpers turning the API's ISO-8601 UTC timestamps into the short
// relative labels the feed shows ("2h", "expires in 5d").

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;

/** Milliseconds since the epoch; a timestamp without a zone is read as UTC, as the API means it. */
export const parseTimestamp = (iso: string): number => {
  const hasZone = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(iso.trim());
  return Date.parse(hasZone ? iso : `${iso}Z`);
};

/** "Mar 5", or "Mar 5, 2023" when not in the current year. */
export const shortDate = (at: number, now: number, timeZone?: string): string => {
  const year = (ms: number) => new Intl.DateTimeFormat('en-US', { year: 'numeric', ...(timeZone && { timeZone }) }).format(ms);
  const sameYear = year(at) === year(now);
  return new Intl.DateTimeFormat('en-US', {
    month: 'short',
    day: 'numeric',
    ...(sameYear ? {} : { year: 'numeric' }),
    ...(timeZone && { timeZone }),
  }).format(at);
};

/** How long ago, floored: "now", "5m", "2h", "3d", then a short date after a week. */
export const timeAgo = (iso: string, now: number, timeZone?: string): string => {
  const at = parseTimestamp(iso);
  if (Number.isNaN(at)) return '';
  const elapsed = now - at;
  if (elapsed < MINUTE) return 'now';
  if (elapsed < HOUR) return `${Math.floor(elapsed / MINUTE)}m`;
  if (elapsed < DAY) return `${Math.floor(elapsed / HOUR)}h`;
  if (elapsed < WEEK) return `${Math.floor(elapsed / DAY)}d`;
  return shortDate(at, now, timeZone);
};

/** Time left before a crud expires, rounded to the nearest unit: "expires in 7d", or "expired". */
export const expiresIn = (iso: string, now: number): string => {
  const at = parseTimestamp(iso);
  if (Number.isNaN(at)) return '';
  const left = at - now;
  if (left <= 0) return 'expired';
  const minutes = Math.max(1, Math.round(left / MINUTE));
  if (minutes < 60) return `expires in ${minutes}m`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `expires in ${hours}h`;
  return `expires in ${Math.round(hours / 24)}d`;
};

/** Full local date and time, for tooltips. */
export const fullTimestamp = (iso: string): string => {
  const at = parseTimestamp(iso);
  return Number.isNaN(at) ? iso : new Date(at).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' });
};
