import { getMessageGroups } from '../api/client';
import { MessageGroupFeed } from '../components/MessageGroupFeed';
import { PageHeader } from '../components/PageHeader';
import { useResource } from '../lib/useResource';

export const MessageGroupsPage = () => {
  const groups = useResource('message_groups', (signal) => getMessageGroups({ signal }));
  return (
    <>
      <PageHeader title="Messages" />
      <MessageGroupFeed resource={groups} />
    </>
  );
};
