// The app's URLs in one place, so links and routes agree.

/**
 * The handle in a path segment like "@andrewbrown" (React Router matches
 * whole segments, so routes capture it with its "@"); null for anything else.
 */
export const handleFromSegment = (segment: string | undefined): string | null => {
  if (!segment?.startsWith('@')) return null;
  const handle = segment.slice(1);
  return handle === '' ? null : handle;
};

export const profilePath = (handle: string): string => `/@${handle}`;

export const activityPath = (handle: string, uuid: string): string => `/@${handle}/status/${uuid}`;

export const conversationPath = (handle: string): string => `/messages/@${handle}`;

export const SEARCH_PATH = '/search';

export const searchPath = (term: string): string => `${SEARCH_PATH}?${new URLSearchParams({ term }).toString()}`;
