// telemetry-web opens one trace per click on [data-action] and per submit of
// form[data-action], named by the attribute: these are the names it gets.
import { ACTION, isActionName } from '@cruddur/telemetry-conventions';
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { USER_KEY } from '../src/auth/accounts';
import { ActivityForm } from '../src/components/ActivityForm';
import { MessageForm } from '../src/components/MessageForm';
import { ReplyForm } from '../src/components/ReplyForm';
import { json, stubApi } from './api';
import { makeActivity, makeGroup, makeMessage, seedActivities } from './fixtures';
import { renderRoute, renderWithRouter } from './render';

const formOf = (submitLabel: string): HTMLFormElement => {
  const form = screen.getByRole('button', { name: submitLabel }).closest('form');
  if (!form) throw new Error(`no form around the ${submitLabel} button`);
  return form;
};

/** Every action on the page is one telemetry-web knows, and no submit button starts a second one. */
const expectOnlyKnownActions = (root: HTMLElement) => {
  for (const element of root.querySelectorAll('[data-action]')) {
    expect(isActionName(element.getAttribute('data-action'))).toBe(true);
  }
  expect(root.querySelectorAll('button[type="submit"][data-action]')).toHaveLength(0);
};

describe('data-action', () => {
  it('names the main navigation links and the logo', () => {
    stubApi({ 'GET /api/activities/home': seedActivities() });
    renderRoute('/');
    const nav = screen.getByRole('navigation', { name: 'Main' });
    const action = (name: string) => within(nav).getByRole('link', { name }).getAttribute('data-action');

    expect(action('Home')).toBe(ACTION.openHome);
    expect(action('Notifications')).toBe(ACTION.openNotifications);
    expect(action('Messages')).toBe(ACTION.openMessages);
    expect(action('Profile')).toBe(ACTION.openProfile);
    expect(screen.getAllByRole('link', { name: 'Cruddur' })[0]).toHaveAttribute('data-action', ACTION.openHome);
  });

  it('puts post-crud on the crud form, not on its button', () => {
    render(<ActivityForm onCreated={vi.fn()} />);
    expect(formOf('Crud')).toHaveAttribute('data-action', ACTION.postCrud);
    expect(screen.getByRole('button', { name: 'Crud' })).not.toHaveAttribute('data-action');
  });

  it('puts reply on the reply form', () => {
    renderWithRouter(<ReplyForm activity={makeActivity()} onReplied={vi.fn()} onClose={vi.fn()} />);
    expect(formOf('Reply')).toHaveAttribute('data-action', ACTION.reply);
  });

  it('puts send-message on the message form', () => {
    render(<MessageForm handle="worf" onCreated={vi.fn()} />);
    expect(formOf('Send')).toHaveAttribute('data-action', ACTION.sendMessage);
  });

  it('names the search form and the trending links search', () => {
    stubApi({ 'GET /api/activities/home': [] });
    renderRoute('/');
    expect(screen.getByRole('search', { name: 'Search' })).toHaveAttribute('data-action', ACTION.search);
    expect(screen.getByRole('link', { name: /AWS/ })).toHaveAttribute('data-action', ACTION.search);
  });

  it('names the links of a crud: its author opens the profile, its time the crud', async () => {
    stubApi({ 'GET /api/activities/home': seedActivities() });
    renderRoute('/');
    const prune = (await screen.findByText('I am out of prune juice')).closest('article');
    if (!prune) throw new Error('no article for the prune juice crud');

    const link = (href: string) => within(prune).getAllByRole('link').find((a) => a.getAttribute('href') === href);
    expect(link('/@worf')).toHaveAttribute('data-action', ACTION.openProfile);
    expect(link('/@worf/status/prune')).toHaveAttribute('data-action', ACTION.openActivity);
    expect(within(prune).getByRole('button', { name: 'Reply (0)' })).not.toHaveAttribute('data-action');
  });

  it.each([
    ['/signin', 'Sign in', ACTION.signIn],
    ['/signup', 'Sign up', ACTION.signUp],
    ['/confirm', 'Confirm email', ACTION.confirm],
    ['/forgot', 'Send recovery code', ACTION.recoverPassword],
  ])('names the %s form %s', (path, submitLabel, action) => {
    renderRoute(path);
    expect(formOf(submitLabel)).toHaveAttribute('data-action', action);
  });

  it('names sign out and retry', async () => {
    stubApi({ 'GET /api/activities/home': () => json({ error: 'internal', message: 'Boom' }, 500) });
    localStorage.setItem(USER_KEY, JSON.stringify({ display_name: 'Andrew Brown', handle: 'andrewbrown', email: 'a@b.co' }));
    renderRoute('/');
    expect(screen.getByRole('button', { name: 'Sign out' })).toHaveAttribute('data-action', ACTION.signOut);
    expect(await screen.findByRole('button', { name: 'Retry' })).toHaveAttribute('data-action', ACTION.retry);
  });

  it.each(['/', '/notifications', '/messages/@worf', '/@andrewbrown'])('uses only known action names on %s', async (path) => {
    stubApi({
      'GET /api/activities/home': seedActivities(),
      'GET /api/activities/notifications': seedActivities(),
      'GET /api/activities/@andrewbrown': {
        profile: { display_name: 'Andrew Brown', handle: 'andrewbrown', cruds_count: 3 },
        activities: seedActivities(),
      },
      'GET /api/message_groups': [makeGroup({ handle: 'worf' })],
      'GET /api/messages/@worf': [makeMessage({ message: 'Today is a good day' })],
    });
    const { container } = renderRoute(path);
    await screen.findAllByRole('article');
    expectOnlyKnownActions(container);
  });

  it('names a conversation link and message authors', async () => {
    stubApi({
      'GET /api/message_groups': [makeGroup({ handle: 'worf', message: 'Qapla!' })],
      'GET /api/messages/@worf': [makeMessage({ display_name: 'Worf', handle: 'worf' })],
    });
    renderRoute('/messages/@worf');
    expect(await screen.findByRole('link', { name: /Qapla!/ })).toHaveAttribute('data-action', ACTION.openConversation);
    const conversation = screen.getByRole('region', { name: '@worf' });
    expect(await within(conversation).findByRole('link', { name: /Worf/ })).toHaveAttribute('data-action', ACTION.openProfile);
  });
});
