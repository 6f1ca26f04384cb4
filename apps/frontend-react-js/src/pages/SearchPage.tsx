import { useSearchParams } from 'react-router';
import { searchActivities } from '../api/client';
import { ActivityFeed } from '../components/ActivityFeed';
import { PageHeader } from '../components/PageHeader';
import { useResource } from '../lib/useResource';
import './SearchPage.css';

/** Results for the sidebar search, at /search?term=. */
export const SearchPage = () => {
  const [params] = useSearchParams();
  const term = (params.get('term') ?? '').trim();

  return (
    <>
      <PageHeader title="Search" />
      {term === '' ? <p className="feed_status">Type in the search box to find cruds.</p> : <SearchResults term={term} />}
    </>
  );
};

const SearchResults = ({ term }: { term: string }) => {
  const results = useResource(`search:${term}`, (signal) => searchActivities(term, { signal }));
  return (
    <section aria-label="Search results">
      <p className="search_summary">Results for “{term}”</p>
      <ActivityFeed resource={results} emptyText={`No cruds match “${term}”`} />
    </section>
  );
};
