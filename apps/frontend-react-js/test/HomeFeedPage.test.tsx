import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, stubApi } from './api';
import { makeActivity, seedActivities } from './fixtures';
import { renderRoute } from './render';

describe('HomeFeedPage', () => {
  it('posts a crud from the popup and puts it on top of the feed without reloading', async () => {
    const created = makeActivity({ uuid: 'new', message: 'Serverless is fun too', created_at: new Date().toISOString() });
    const { requests } = stubApi({
      'GET /api/activities/home': seedActivities(),
      'POST /api/activities': () => json(created, 201),
    });
    const { user } = renderRoute('/');
    expect(await screen.findAllByRole('article')).toHaveLength(4);

    await user.click(screen.getByRole('button', { name: 'New crud' }));
    const dialog = screen.getByRole('dialog', { name: 'New crud' });
    await user.type(within(dialog).getByLabelText('Crud message'), 'Serverless is fun too');
    await user.click(within(dialog).getByRole('button', { name: 'Crud' }));

    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'New crud' })).toHaveFocus();
    const articles = screen.getAllByRole('article');
    expect(articles).toHaveLength(5);
    expect(articles[0]).toHaveTextContent('Serverless is fun too');
    expect(articles[0]).toHaveTextContent('now');
    expect(requests.filter((request) => request.method === 'GET')).toHaveLength(1);
  });

  it('keeps the popup open with the errors when the API refuses the crud', async () => {
    stubApi({
      'GET /api/activities/home': seedActivities(),
      'POST /api/activities': () => json({ errors: ['message_blank'] }, 422),
    });
    const { user } = renderRoute('/');
    await screen.findAllByRole('article');

    await user.click(screen.getByRole('button', { name: 'New crud' }));
    await user.click(screen.getByRole('button', { name: 'Crud' }));

    const dialog = screen.getByRole('dialog', { name: 'New crud' });
    expect(within(dialog).getByRole('alert')).toHaveTextContent("Your crud can't be blank");
    expect(screen.getAllByRole('article')).toHaveLength(4);
  });
});
