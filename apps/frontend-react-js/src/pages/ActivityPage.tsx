import { useParams } from 'react-router';
import { getActivity } from '../api/client';
import { ActivityList } from '../components/ActivityList';
import { PageHeader } from '../components/PageHeader';
import { ResourceView } from '../components/ResourceView';
import { replaceActivity } from '../lib/activities';
import { handleFromSegment } from '../lib/paths';
import { useResource } from '../lib/useResource';
import { NotFoundPage } from './NotFoundPage';
import { NotFoundState } from './NotFoundState';

/** One crud and its replies, at /@handle/status/uuid. */
export const ActivityPage = () => {
  const { atHandle, uuid } = useParams();
  return handleFromSegment(atHandle) === null || uuid === undefined ? <NotFoundPage /> : <ActivityThread uuid={uuid} />;
};

const ActivityThread = ({ uuid }: { uuid: string }) => {
  const thread = useResource(`activity:${uuid}`, (signal) => getActivity(uuid, { signal }));

  return (
    <>
      <PageHeader title="Crud" />
      <ResourceView
        resource={thread}
        loadingText="Loading crud…"
        errorTitle="Couldn't load this crud."
        notFound={<NotFoundState title="This crud doesn't exist">It may have expired.</NotFoundState>}
      >
        {(activity) => (
          <ActivityList
            activities={[activity]}
            emptyText=""
            onReplied={(updated) => {
              thread.update((current) => replaceActivity([current], updated)[0] ?? current);
            }}
          />
        )}
      </ResourceView>
    </>
  );
};
