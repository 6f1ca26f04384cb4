import { SEARCH_TERM_MAX_CHARS, charCount, type Activity } from '@cruddur/api-contract';
import { ATTR, SPAN } from '@cruddur/telemetry-conventions';
import { isLive, newestFirst, toActivity } from './activity-view.js';
import type { ServiceContext } from './context.js';
import { invalid, succeed, type Result } from './result.js';
import { withResultSpan } from './traced.js';

/** Live cruds and replies whose text contains the term, ignoring case and surrounding spaces. */
export const searchActivities = (
  { store, clock, currentUserHandle }: ServiceContext,
  term: string | undefined,
): Result<Activity[]> =>
  withResultSpan(
    SPAN.searchActivities,
    { [ATTR.userHandle]: currentUserHandle },
    (span) => {
      const needle = term?.trim().toLowerCase() ?? '';
      if (needle === '') return invalid(['search_term_blank']);
      if (charCount(needle) > SEARCH_TERM_MAX_CHARS) return invalid(['search_term_exceed_max_chars']);
      span.setAttribute(ATTR.searchTerm, needle);
      const now = clock();
      const matches = store
        .activities()
        .filter((record) => isLive(store, record, now) && record.message.toLowerCase().includes(needle));
      return succeed(newestFirst(matches).map((record) => toActivity(store, record)));
    },
    (activities) => activities.length,
  );
