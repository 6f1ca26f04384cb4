import { useParams } from 'react-router';
import { getUserActivities } from '../api/client';
import { ActivityList } from '../components/ActivityList';
import { ProfileHeading } from '../components/ProfileHeading';
import { ResourceView } from '../components/ResourceView';
import { replaceActivity } from '../lib/activities';
import { handleFromSegment } from '../lib/paths';
import { useResource } from '../lib/useResource';
import { NotFoundPage } from './NotFoundPage';
import { NotFoundState } from './NotFoundState';

export const UserFeedPage = () => {
  const handle = handleFromSegment(useParams().atHandle);
  return handle === null ? <NotFoundPage /> : <UserFeed key={handle} handle={handle} />;
};

const UserFeed = ({ handle }: { handle: string }) => {
  const user = useResource(`user:${handle}`, (signal) => getUserActivities(handle, { signal }));

  return (
    <ResourceView
      resource={user}
      loadingText="Loading profile…"
      errorTitle="Couldn't load this profile."
      notFound={
        <NotFoundState title="This account doesn't exist">
          Nobody on Cruddur goes by @{handle}. Try searching for another.
        </NotFoundState>
      }
    >
      {({ profile, activities }) => (
        <>
          <ProfileHeading profile={profile} />
          <ActivityList
            activities={activities}
            emptyText={`@${profile.handle} hasn't crudded yet`}
            onReplied={(updated) => {
              user.update((data) => ({ ...data, activities: replaceActivity(data.activities, updated) }));
            }}
          />
        </>
      )}
    </ResourceView>
  );
};
