import type { Activity } from '@cruddur/api-contract';
import { replaceActivity } from '../lib/activities';
import type { Resource } from '../lib/useResource';
import { ActivityList } from './ActivityList';
import { ResourceView } from './ResourceView';

interface ActivityFeedProps {
  resource: Resource<Activity[]>;
  emptyText: string;
}

/** A feed of cruds loaded from the API, with its loading, error and empty states. */
export const ActivityFeed = ({ resource, emptyText }: ActivityFeedProps) => (
  <ResourceView resource={resource} loadingText="Loading cruds…" errorTitle="Couldn't load cruds.">
    {(activities) => (
      <ActivityList
        activities={activities}
        emptyText={emptyText}
        onReplied={(updated) => {
          resource.update((list) => replaceActivity(list, updated));
        }}
      />
    )}
  </ResourceView>
);
