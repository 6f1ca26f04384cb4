import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, stubApi } from './api';
import { makeActivity, seedActivities } from './fixtures';
import { renderRoute } from './render';

const crudButton = () => within(screen.getByRole('navigation', { name: 'Main' })).getByRole('button', { name: 'New crud' });

describe('the Crud button', () => {
  it.each(['/', '/notifications', '/messages', '/search?term=cloud', '/@andrewbrown', '/@andrewbrown/status/missing'])(
    'is in the navigation on %s',
    (path) => {
      stubApi({});
      renderRoute(path);
      expect(crudButton()).toBeVisible();
    },
  );

  it('posts from the notifications page; the home feed then has the crud on top', async () => {
    const created = makeActivity({ uuid: 'posted', message: 'Posted from notifications', created_at: new Date().toISOString() });
    const { requests } = stubApi({
      'GET /api/activities/notifications': seedActivities(),
      'POST /api/activities': () => json(created, 201),
      'GET /api/activities/home': () => json([created, ...seedActivities()]),
    });
    const { user } = renderRoute('/notifications');
    await screen.findAllByRole('article');

    await user.click(crudButton());
    const dialog = screen.getByRole('dialog', { name: 'New crud' });
    await user.type(within(dialog).getByLabelText('Crud message'), 'Posted from notifications');
    await user.click(within(dialog).getByRole('button', { name: 'Crud' }));

    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(requests.filter((request) => request.method === 'POST').map((request) => request.body)).toEqual([
      { message: 'Posted from notifications', ttl: '7-days' },
    ]);
    await user.click(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('link', { name: 'Home' }));
    const [first] = await screen.findAllByRole('article');
    expect(first).toHaveTextContent('Posted from notifications');
  });
});
