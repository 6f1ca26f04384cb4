import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, stubApi } from './api';
import { seedActivities } from './fixtures';
import { renderRoute } from './render';

const home = { 'GET /api/activities/home': [] };

describe('sidebar search', () => {
  it('refuses a blank term without calling the API', async () => {
    const { requests } = stubApi(home);
    const { user, router } = renderRoute('/');
    await screen.findByText('No cruds yet');

    await user.type(screen.getByRole('searchbox', { name: 'Search cruds' }), '   {Enter}');

    expect(screen.getByRole('alert')).toHaveTextContent('Type something to search for');
    expect(router.state.location.pathname).toBe('/');
    expect(requests.some((request) => request.url.pathname.endsWith('/search'))).toBe(false);
  });

  it('opens the results page and shows what the search API found', async () => {
    const cloud = seedActivities().slice(0, 1);
    const { requests } = stubApi({ ...home, 'GET /api/activities/search': cloud });
    const { user, router } = renderRoute('/');

    await user.type(screen.getByRole('searchbox', { name: 'Search cruds' }), ' cloud fun {Enter}');

    expect(await screen.findByText('Cloud is very fun!')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/search');
    expect(router.state.location.search).toBe('?term=cloud+fun');
    const search = requests.find((request) => request.url.pathname === '/api/activities/search');
    expect(search?.url.searchParams.get('term')).toBe('cloud fun');
    expect(screen.getByText('Results for “cloud fun”')).toBeInTheDocument();
    expect(screen.getByRole('searchbox', { name: 'Search cruds' })).toHaveValue('cloud fun');
  });

  it('says when nothing matches', async () => {
    stubApi({ 'GET /api/activities/search': [] });
    renderRoute('/search?term=nothing');
    expect(await screen.findByText('No cruds match “nothing”')).toBeInTheDocument();
  });

  it('shows the API validation message on the results page', async () => {
    stubApi({ 'GET /api/activities/search': () => json({ errors: ['search_term_exceed_max_chars'] }, 422) });
    renderRoute(`/search?term=${'a'.repeat(300)}`);
    expect(await screen.findByRole('alert')).toHaveTextContent('Search for at most 280 characters');
  });

  it('searches a trending topic from the sidebar', async () => {
    const { requests } = stubApi({ ...home, 'GET /api/activities/search': [] });
    const { user } = renderRoute('/');
    await user.click(screen.getByRole('link', { name: /^AWS/ }));
    expect(await screen.findByText('No cruds match “AWS”')).toBeInTheDocument();
    expect(requests.at(-1)?.url.searchParams.get('term')).toBe('AWS');
  });
});
