import { ACTION } from '@cruddur/telemetry-conventions';
import type { ReactNode } from 'react';
import { ApiError } from '../api/ApiError';
import { errorMessages } from '../api/errorMessages';
import type { Resource } from '../lib/useResource';
import './ResourceView.css';

interface ResourceViewProps<T> {
  resource: Resource<T>;
  loadingText: string;
  errorTitle: string;
  /** Shown instead of the retryable error when the API answers 404. */
  notFound?: ReactNode;
  children: (data: T) => ReactNode;
}

/** Loading, error-with-retry, or the loaded data, for any API-backed view. */
export const ResourceView = <T,>({ resource, loadingText, errorTitle, notFound, children }: ResourceViewProps<T>) => {
  const { state, retry } = resource;
  switch (state.status) {
    case 'loading':
      return (
        <p className="feed_status" role="status">
          {loadingText}
        </p>
      );
    case 'error':
      if (notFound !== undefined && state.error instanceof ApiError && state.error.isNotFound) return notFound;
      return (
        <div className="feed_status feed_error" role="alert">
          <p className="feed_error_title">{errorTitle}</p>
          <p>{errorMessages(state.error).join(' ')}</p>
          <button type="button" className="button button_secondary" data-action={ACTION.retry} onClick={retry}>
            Retry
          </button>
        </div>
      );
    case 'success':
      return children(state.data);
  }
};
