import { SEARCH_TERM_MAX_CHARS, charCount, type Activity } from '@cruddur/api-contract';
import { isLive, newestFirst, toActivity } from './activity-view.js';
import type { ServiceContext } from './context.js';
import { invalid, succeed, type Result } from './result.js';

/** Live cruds and replies whose text contains the term, ignoring case and surrounding spaces. */
export const searchActivities = ({ store, clock }: ServiceContext, term: string | undefined): Result<Activity[]> => {
  const needle = term?.trim().toLowerCase() ?? '';
  if (needle === '') return invalid(['search_term_blank']);
  if (charCount(needle) > SEARCH_TERM_MAX_CHARS) return invalid(['search_term_exceed_max_chars']);
  const now = clock();
  const matches = store
    .activities()
    .filter((record) => isLive(store, record, now) && record.message.toLowerCase().includes(needle));
  return succeed(newestFirst(matches).map((record) => toActivity(store, record)));
};
