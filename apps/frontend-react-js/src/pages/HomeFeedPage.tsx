import { getHomeActivities } from '../api/client';
import { ActivityFeed } from '../components/ActivityFeed';
import { useCreatedCruds } from '../components/CrudComposer';
import { PageHeader } from '../components/PageHeader';
import { useResource } from '../lib/useResource';

export const HomeFeedPage = () => {
  const feed = useResource('home', (signal) => getHomeActivities({ signal }));
  // Posted with the navigation's Crud button while the feed is shown: on top, without reloading.
  useCreatedCruds((activity) => {
    feed.update((activities) => [activity, ...activities]);
  });

  return (
    <>
      <PageHeader title="Home" />
      <ActivityFeed resource={feed} emptyText="No cruds yet" />
    </>
  );
};
