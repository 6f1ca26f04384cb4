import type { RouteObject } from 'react-router';
import { AppLayout } from './components/AppLayout';
import { faultRoutes } from './faults/routes';
import { ActivityPage } from './pages/ActivityPage';
import { AuthLayout } from './pages/AuthLayout';
import { ConfirmationPage } from './pages/ConfirmationPage';
import { HomeFeedPage } from './pages/HomeFeedPage';
import { MessageGroupPage } from './pages/MessageGroupPage';
import { MessageGroupsPage } from './pages/MessageGroupsPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { NotificationsFeedPage } from './pages/NotificationsFeedPage';
import { RecoverPage } from './pages/RecoverPage';
import { SearchPage } from './pages/SearchPage';
import { SigninPage } from './pages/SigninPage';
import { SignupPage } from './pages/SignupPage';
import { UserFeedPage } from './pages/UserFeedPage';

// React Router matches whole segments, so "/@andrewbrown" arrives as
// `:atHandle` = "@andrewbrown"; the pages check the "@" and 404 without it.
export const routes: RouteObject[] = [
  {
    path: '/',
    element: <AppLayout />,
    children: [
      { index: true, element: <HomeFeedPage /> },
      { path: 'notifications', element: <NotificationsFeedPage /> },
      { path: 'messages', element: <MessageGroupsPage /> },
      { path: 'messages/:atHandle', element: <MessageGroupPage /> },
      { path: 'search', element: <SearchPage /> },
      { path: ':atHandle', element: <UserFeedPage /> },
      { path: ':atHandle/status/:uuid', element: <ActivityPage /> },
      ...faultRoutes,
      { path: '*', element: <NotFoundPage /> },
    ],
  },
  {
    element: <AuthLayout />,
    children: [
      { path: 'signup', element: <SignupPage /> },
      { path: 'signin', element: <SigninPage /> },
      { path: 'confirm', element: <ConfirmationPage /> },
      { path: 'forgot', element: <RecoverPage /> },
    ],
  },
];
