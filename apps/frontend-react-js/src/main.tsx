// First: tracing must start before React and the router load (see telemetry.ts).
import './telemetry';
// Second: uncaught errors are reported from here on (when the build has a Rollbar token).
import { reportRenderError } from './errorReporting';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { SessionProvider } from './auth/SessionProvider';
import { ErrorBoundary, RouteErrorFallback } from './errors/ErrorBoundary';
import { routes } from './routes';
import './styles/index.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

// A pathless route around every page: its ErrorBoundary catches what the pages throw while rendering.
const RouteError = () => <RouteErrorFallback onError={reportRenderError} />;
const router = createBrowserRouter([{ ErrorBoundary: RouteError, children: routes }]);

createRoot(container).render(
  <StrictMode>
    <ErrorBoundary onError={reportRenderError}>
      <SessionProvider>
        <RouterProvider router={router} />
      </SessionProvider>
    </ErrorBoundary>
  </StrictMode>,
);
