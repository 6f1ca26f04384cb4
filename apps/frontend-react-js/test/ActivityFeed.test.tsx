import type { Activity } from '@cruddur/api-contract';
import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../src/api/ApiError';
import { ActivityFeed } from '../src/components/ActivityFeed';
import { useResource } from '../src/lib/useResource';
import { renderWithRouter } from './render';
import { seedActivities } from './fixtures';

const Feed = ({ load }: { load: () => Promise<Activity[]> }) => {
  const feed = useResource('test-feed', load);
  return <ActivityFeed resource={feed} emptyText="No cruds yet" />;
};

describe('ActivityFeed', () => {
  it('shows a loading state until the cruds arrive', () => {
    renderWithRouter(<Feed load={() => new Promise(() => undefined)} />);
    expect(screen.getByRole('status')).toHaveTextContent('Loading cruds…');
    expect(screen.queryByRole('article')).not.toBeInTheDocument();
  });

  it('renders every crud as an article, replies nested inside', async () => {
    renderWithRouter(<Feed load={() => Promise.resolve(seedActivities())} />);

    const articles = await screen.findAllByRole('article');
    expect(articles).toHaveLength(4);
    expect(articles[0]).toHaveTextContent('Cloud is very fun!');
    expect(articles[0]).toContainElement(screen.getByText('This post has no honor!'));
    expect(screen.getByRole('link', { name: 'Garek @garek' })).toHaveAttribute('href', '/@garek');
    expect(articles[0]).toHaveTextContent('2h');
    expect(articles[0]).toHaveTextContent('expires in 5d');
    expect(screen.getByRole('button', { name: 'Like (5)' })).toBeInTheDocument();
    expect(screen.queryByRole('status', { name: /Loading/ })).not.toBeInTheDocument();
  });

  it('says so when there are no cruds', async () => {
    renderWithRouter(<Feed load={() => Promise.resolve([])} />);
    expect(await screen.findByText('No cruds yet')).toBeInTheDocument();
    expect(screen.queryByRole('article')).not.toBeInTheDocument();
  });

  it('shows the error with a Retry button that loads again', async () => {
    const load = vi
      .fn<() => Promise<Activity[]>>()
      .mockRejectedValueOnce(new ApiError({ status: 500, error: 'internal_error', message: 'Database is down' }))
      .mockResolvedValueOnce(seedActivities());
    const { user } = renderWithRouter(<Feed load={load} />);

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent("Couldn't load cruds.");
    expect(alert).toHaveTextContent('Database is down');

    await user.click(screen.getByRole('button', { name: 'Retry' }));

    expect(await screen.findByText('Cloud is very fun!')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('toggles a like on the page', async () => {
    const { user } = renderWithRouter(<Feed load={() => Promise.resolve(seedActivities())} />);
    const like = await screen.findByRole('button', { name: 'Like (5)' });

    await user.click(like);

    expect(like).toHaveAccessibleName('Like (6)');
    expect(like).toHaveAttribute('aria-pressed', 'true');
  });
});
