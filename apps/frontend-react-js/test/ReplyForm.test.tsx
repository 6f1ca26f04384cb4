import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ReplyForm } from '../src/components/ReplyForm';
import { json, stubApi } from './api';
import { makeActivity, seedActivities } from './fixtures';
import { renderRoute, renderWithRouter } from './render';

const original = () => makeActivity({ uuid: 'prune', display_name: 'Worf', handle: 'worf', message: 'I am out of prune juice' });

const setup = () => {
  const onReplied = vi.fn();
  const onClose = vi.fn();
  const view = renderWithRouter(<ReplyForm activity={original()} onReplied={onReplied} onClose={onClose} />);
  return { ...view, onReplied, onClose };
};

describe('ReplyForm', () => {
  it('opens as a dialog quoting the crud being answered', () => {
    setup();
    const dialog = screen.getByRole('dialog', { name: 'Reply to Worf' });
    expect(within(dialog).getByText('I am out of prune juice')).toBeInTheDocument();
    expect(within(dialog).getByLabelText('Reply message')).toHaveFocus();
    expect(within(dialog).getByText('0/1024')).toBeInTheDocument();
  });

  it('counts up to the 1024 reply limit', async () => {
    const { user } = setup();
    await user.click(screen.getByLabelText('Reply message'));
    await user.paste('x'.repeat(1025));
    expect(screen.getByText('1025/1024')).toHaveClass('over');
  });

  it('posts the reply, then re-reads the crud and hands back the API version of it', async () => {
    const reply = makeActivity({ message: 'Have some tea', reply_to_activity_uuid: 'prune' });
    const refreshed = { ...original(), replies_count: 2, replies: [makeActivity(), reply] };
    const { requests } = stubApi({
      'POST /api/activities/prune/reply': () => json(reply, 201),
      'GET /api/activities/prune': refreshed,
    });
    const { user, onReplied } = setup();

    await user.type(screen.getByLabelText('Reply message'), 'Have some tea');
    await user.click(screen.getByRole('button', { name: 'Reply' }));

    expect(requests.map(({ method, url }) => `${method} ${url.pathname}`)).toEqual([
      'POST /api/activities/prune/reply',
      'GET /api/activities/prune',
    ]);
    expect(requests[0]?.body).toEqual({ message: 'Have some tea' });
    expect(onReplied).toHaveBeenCalledWith(refreshed);
  });

  it('adds the reply itself when the crud cannot be re-read, since the reply was posted', async () => {
    const reply = makeActivity({ message: 'Have some tea', reply_to_activity_uuid: 'prune' });
    stubApi({ 'POST /api/activities/prune/reply': () => json(reply, 201) });
    const { user, onReplied } = setup();

    await user.type(screen.getByLabelText('Reply message'), 'Have some tea');
    await user.click(screen.getByRole('button', { name: 'Reply' }));

    expect(onReplied).toHaveBeenCalledWith(expect.objectContaining({ uuid: 'prune', replies_count: 1, replies: [reply] }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('shows why the API refused the reply', async () => {
    stubApi({ 'POST /api/activities/prune/reply': () => json({ errors: ['message_blank'] }, 422) });
    const { user, onReplied } = setup();
    await user.click(screen.getByRole('button', { name: 'Reply' }));
    expect(await screen.findByRole('alert')).toHaveTextContent("Your reply can't be blank");
    expect(onReplied).not.toHaveBeenCalled();
  });

  it('closes with Escape or the close button', async () => {
    const { user, onClose } = setup();
    await user.keyboard('{Escape}');
    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(onClose).toHaveBeenCalledTimes(2);
  });
});

describe('replying from the home feed', () => {
  it('shows the crud as the API has it after the reply, and closes the dialog', async () => {
    const reply = makeActivity({ uuid: 'tea', message: 'Have some tea', reply_to_activity_uuid: 'prune' });
    const meanwhile = makeActivity({ uuid: 'raktajino', message: 'Try raktajino', reply_to_activity_uuid: 'prune' });
    const prune = seedActivities()[1];
    stubApi({
      'GET /api/activities/home': seedActivities(),
      'POST /api/activities/prune/reply': () => json(reply, 201),
      'GET /api/activities/prune': { ...prune, replies_count: 2, replies: [meanwhile, reply] },
    });
    const { user } = renderRoute('/');

    const article = (await screen.findByText('I am out of prune juice')).closest('article');
    if (!article) throw new Error('no article for the prune juice crud');
    await user.click(within(article).getByRole('button', { name: 'Reply (0)' }));
    await user.type(screen.getByLabelText('Reply message'), 'Have some tea');
    await user.click(screen.getByRole('button', { name: 'Reply' }));

    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(within(article).getByText('Try raktajino')).toBeInTheDocument();
    expect(within(article).getByText('Have some tea')).toBeInTheDocument();
    expect(within(article).getByRole('button', { name: 'Reply (2)' })).toBeInTheDocument();
  });
});
