import { getNotifications } from '../api/client';
import { ActivityFeed } from '../components/ActivityFeed';
import { PageHeader } from '../components/PageHeader';
import { useResource } from '../lib/useResource';

export const NotificationsFeedPage = () => {
  const feed = useResource('notifications', (signal) => getNotifications({ signal }));
  return (
    <>
      <PageHeader title="Notifications" />
      <ActivityFeed resource={feed} emptyText="No notifications yet" />
    </>
  );
};
