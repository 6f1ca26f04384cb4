import { Component, useEffect, type ErrorInfo, type ReactNode } from 'react';
import { useRouteError } from 'react-router';
import './ErrorBoundary.css';

/** Called once per render error, with React's component stack when there is one. */
export type RenderErrorHandler = (error: unknown, componentStack?: string) => void;

const reloadPage = (): void => {
  window.location.reload();
};

interface FallbackProps {
  /** What the button does; reloads the page unless a test says otherwise. */
  reload?: () => void;
}

/** What the user sees instead of a page that failed to render. */
export const ErrorFallback = ({ reload = reloadPage }: FallbackProps) => (
  <section className="app_error" role="alert" aria-labelledby="app-error-title">
    <h1 id="app-error-title">Something went wrong</h1>
    <p>Cruddur hit an unexpected error. Reloading the page usually fixes it.</p>
    <button type="button" className="button" onClick={reload}>
      Reload
    </button>
  </section>
);

interface ErrorBoundaryProps extends FallbackProps {
  onError: RenderErrorHandler;
  children: ReactNode;
}

/** Around the whole app: a render error outside the router shows the fallback and is reported. */
export class ErrorBoundary extends Component<ErrorBoundaryProps, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    this.props.onError(error, info.componentStack ?? undefined);
  }

  override render(): ReactNode {
    return this.state.failed ? <ErrorFallback {...(this.props.reload ? { reload: this.props.reload } : {})} /> : this.props.children;
  }
}

interface RouteErrorFallbackProps extends FallbackProps {
  onError: RenderErrorHandler;
}

/**
 * The router's ErrorBoundary: React Router catches the errors of its routes
 * itself, before any boundary around it, so they are reported here.
 */
export const RouteErrorFallback = ({ onError, reload }: RouteErrorFallbackProps) => {
  const error = useRouteError();
  useEffect(() => {
    onError(error);
  }, [error, onError]);
  return <ErrorFallback {...(reload ? { reload } : {})} />;
};
