import { ACTION } from '@cruddur/telemetry-conventions';
import { useState } from 'react';
import { getHomeActivities } from '../api/client';
import { PageHeader } from '../components/PageHeader';
import './FaultsPage.css';

/** What the buttons throw; Rollbar groups by its name, as for the API's faults. */
export class InjectedFault extends Error {
  override readonly name = 'InjectedFault';
}

const FailingRender = (): never => {
  throw new InjectedFault('fault injected into a render');
};

/** A real API call first, so the action has a request to wait for. */
const rejectAfterAwait = async (): Promise<void> => {
  await getHomeActivities();
  throw new InjectedFault('fault injected after an await');
};

/**
 * /faults: each button is a user action that fails in one of the ways error
 * reporting must catch. Only in builds with the fault switch (faults/routes.tsx).
 */
export const FaultsPage = () => {
  const [failing, setFailing] = useState(false);
  return (
    <>
      <PageHeader title="Faults" />
      {failing && <FailingRender />}
      <div className="faults">
        <button
          type="button"
          className="button"
          data-action={ACTION.injectFault}
          onClick={() => {
            setFailing(true);
          }}
        >
          Fail to render
        </button>
        <button
          type="button"
          className="button"
          data-action={ACTION.injectFault}
          onClick={() => {
            throw new InjectedFault('fault injected into a click handler');
          }}
        >
          Throw in a click handler
        </button>
        <button type="button" className="button" data-action={ACTION.injectFault} onClick={() => void rejectAfterAwait()}>
          Reject after an await
        </button>
      </div>
    </>
  );
};
