import { useState } from 'react';
import { getHomeActivities } from '../api/client';
import { ActivityFeed } from '../components/ActivityFeed';
import { ActivityForm } from '../components/ActivityForm';
import { CrudButton } from '../components/CrudButton';
import { PageHeader } from '../components/PageHeader';
import { Popup } from '../components/Popup';
import { useResource } from '../lib/useResource';

export const HomeFeedPage = () => {
  const feed = useResource('home', (signal) => getHomeActivities({ signal }));
  const [composing, setComposing] = useState(false);

  return (
    <>
      <PageHeader title="Home">
        <CrudButton
          onClick={() => {
            setComposing(true);
          }}
        />
      </PageHeader>
      {composing && (
        <Popup
          title="New crud"
          onClose={() => {
            setComposing(false);
          }}
        >
          <ActivityForm
            onCreated={(activity) => {
              feed.update((activities) => [activity, ...activities]);
              setComposing(false);
            }}
          />
        </Popup>
      )}
      <ActivityFeed resource={feed} emptyText="No cruds yet" />
    </>
  );
};
