import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ReplyForm } from '../src/components/ReplyForm';
import { json, stubApi } from './api';
import { makeActivity, seedActivities } from './fixtures';
import { renderRoute, renderWithRouter } from './render';

const original = () => makeActivity({ uuid: 'prune', display_name: 'Worf', handle: 'worf', message: 'I am out of prune juice' });

const setup = () => {
  const onCreated = vi.fn();
  const onClose = vi.fn();
  const view = renderWithRouter(<ReplyForm activity={original()} onCreated={onCreated} onClose={onClose} />);
  return { ...view, onCreated, onClose };
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

  it('posts the reply to the crud and hands back the result', async () => {
    const reply = makeActivity({ message: 'Have some tea', reply_to_activity_uuid: 'prune' });
    const { requests } = stubApi({ 'POST /api/activities/prune/reply': () => json(reply, 201) });
    const { user, onCreated } = setup();

    await user.type(screen.getByLabelText('Reply message'), 'Have some tea');
    await user.click(screen.getByRole('button', { name: 'Reply' }));

    expect(requests[0]?.body).toEqual({ message: 'Have some tea' });
    expect(onCreated).toHaveBeenCalledWith(reply);
  });

  it('shows why the API refused the reply', async () => {
    stubApi({ 'POST /api/activities/prune/reply': () => json({ errors: ['message_blank'] }, 422) });
    const { user, onCreated } = setup();
    await user.click(screen.getByRole('button', { name: 'Reply' }));
    expect(await screen.findByRole('alert')).toHaveTextContent("Your reply can't be blank");
    expect(onCreated).not.toHaveBeenCalled();
  });

  it('closes with Escape or the close button', async () => {
    const { user, onClose } = setup();
    await user.keyboard('{Escape}');
    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(onClose).toHaveBeenCalledTimes(2);
  });
});

describe('replying from the home feed', () => {
  it('adds the reply under its crud and closes the dialog', async () => {
    const reply = makeActivity({ uuid: 'tea', message: 'Have some tea', reply_to_activity_uuid: 'prune' });
    stubApi({
      'GET /api/activities/home': seedActivities(),
      'POST /api/activities/prune/reply': () => json(reply, 201),
    });
    const { user } = renderRoute('/');

    const prune = (await screen.findByText('I am out of prune juice')).closest('article');
    if (!prune) throw new Error('no article for the prune juice crud');
    await user.click(within(prune).getByRole('button', { name: 'Reply (0)' }));
    await user.type(screen.getByLabelText('Reply message'), 'Have some tea');
    await user.click(screen.getByRole('button', { name: 'Reply' }));

    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(within(prune).getByText('Have some tea')).toBeInTheDocument();
    expect(within(prune).getByRole('button', { name: 'Reply (1)' })).toBeInTheDocument();
  });
});
