import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { SessionProvider } from '../src/auth/SessionProvider';
import { routes } from '../src/routes';

/** `router` in the app's session, with a user to drive it. */
const renderRouter = (router: ReturnType<typeof createMemoryRouter>) => {
  const user = userEvent.setup();
  const view = render(
    <SessionProvider>
      <RouterProvider router={router} />
    </SessionProvider>,
  );
  return { ...view, router, user };
};

/** The whole app at `path`, as the browser would show it. */
export const renderRoute = (path: string) => renderRouter(createMemoryRouter(routes, { initialEntries: [path] }));

/** One component with router and session around it (for components that link). */
export const renderWithRouter = (ui: ReactNode) => renderRouter(createMemoryRouter([{ path: '*', element: ui }]));
