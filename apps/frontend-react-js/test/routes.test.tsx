import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, stubApi } from './api';
import { makeGroup, makeMessage, seedActivities } from './fixtures';
import { renderRoute } from './render';

const api = () => {
  const [cloud, prune] = seedActivities();
  return stubApi({
    'GET /api/activities/home': seedActivities(),
    'GET /api/activities/notifications': [prune],
    'GET /api/activities/@andrewbrown': {
      profile: { display_name: 'Andrew Brown', handle: 'andrewbrown', cruds_count: 1 },
      activities: [cloud],
    },
    'GET /api/activities/@nobody': () => json({ error: 'user_not_found', message: 'No such user' }, 404),
    'GET /api/activities/cloud': cloud,
    'GET /api/message_groups': [makeGroup({ handle: 'worf', message: 'Qapla!' })],
    'GET /api/messages/@worf': [makeMessage({ message: 'Today is a good day' })],
  });
};

describe('routes', () => {
  it.each([
    ['/', 'Home', 'Cloud is very fun!'],
    ['/notifications', 'Notifications', 'I am out of prune juice'],
    ['/@andrewbrown', 'Andrew Brown', '1 Crud'],
    ['/@andrewbrown/status/cloud', 'Crud', 'This post has no honor!'],
    ['/messages', 'Messages', 'Qapla!'],
    ['/messages/@worf', 'Messages', 'Today is a good day'],
    ['/search?term=cloud', 'Search', 'Results for “cloud”'],
  ])('%s shows the %s page', async (path, heading, text) => {
    api();
    renderRoute(path);
    expect(await within(screen.getByRole('main')).findByText(text)).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: heading })).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeInTheDocument();
    expect(screen.getByRole('complementary', { name: 'Sidebar' })).toBeInTheDocument();
  });

  it.each([
    ['/signup', 'Sign up to create a Cruddur account'],
    ['/signin', 'Sign into your Cruddur account'],
    ['/confirm', 'Confirm your email'],
    ['/forgot', 'Recover your password'],
  ])('%s shows its form without the app columns', (path, heading) => {
    renderRoute(path);
    expect(screen.getByRole('heading', { level: 1, name: heading })).toBeInTheDocument();
    expect(screen.queryByRole('navigation', { name: 'Main' })).not.toBeInTheDocument();
  });

  it('shows a not-found state for an unknown user', async () => {
    api();
    renderRoute('/@nobody');
    expect(await screen.findByRole('heading', { name: "This account doesn't exist" })).toBeInTheDocument();
    expect(screen.getByText(/Nobody on Cruddur goes by @nobody/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Retry' })).not.toBeInTheDocument();
  });

  it.each(['/nowhere', '/deeply/nested/nowhere', '/messages/worf'])('%s is a 404 page', (path) => {
    api();
    renderRoute(path);
    expect(screen.getByRole('heading', { name: 'Page not found' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go home' })).toHaveAttribute('href', '/');
  });
});

describe('navigation', () => {
  it('links the main pages, Profile going to @andrewbrown', () => {
    api();
    renderRoute('/notifications');
    const nav = screen.getByRole('navigation', { name: 'Main' });
    const href = (name: string) => within(nav).getByRole('link', { name }).getAttribute('href');
    expect(href('Home')).toBe('/');
    expect(href('Notifications')).toBe('/notifications');
    expect(href('Messages')).toBe('/messages');
    expect(href('Profile')).toBe('/@andrewbrown');
    expect(within(nav).getByRole('link', { name: 'Notifications' })).toHaveAttribute('aria-current', 'page');
    expect(within(nav).getByRole('link', { name: 'Home' })).not.toHaveAttribute('aria-current');
  });

  it('opens More with the account links', async () => {
    api();
    const { user } = renderRoute('/');
    const more = screen.getByRole('button', { name: 'More' });
    expect(more).toHaveAttribute('aria-expanded', 'false');

    await user.click(more);

    expect(more).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getAllByRole('link', { name: 'Sign in' }).map((link) => link.getAttribute('href'))).toContain('/signin');
    await user.keyboard('{Escape}');
    expect(more).toHaveAttribute('aria-expanded', 'false');

    await user.click(more);
    await user.click(screen.getByRole('searchbox', { name: 'Search cruds' }));
    expect(more).toHaveAttribute('aria-expanded', 'false');
  });

  it('suggests Worf and Garek, linking to their profiles', () => {
    api();
    renderRoute('/');
    const suggested = screen.getByRole('region', { name: 'Suggested Users' });
    expect(within(suggested).getByRole('link', { name: /Worf/ })).toHaveAttribute('href', '/@worf');
    expect(within(suggested).getByRole('link', { name: /Garek/ })).toHaveAttribute('href', '/@garek');
    expect(screen.getByRole('region', { name: 'Trending' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Join The Party!' })).toBeInTheDocument();
  });
});
