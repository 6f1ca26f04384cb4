import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, stubApi } from './api';
import { makeGroup, makeMessage } from './fixtures';
import { renderRoute } from './render';

describe('MessageGroupPage', () => {
  it('shows the conversations beside the chosen one, oldest message first', async () => {
    stubApi({
      'GET /api/message_groups': [makeGroup({ handle: 'worf' }), makeGroup({ handle: 'garek', display_name: 'Garek' })],
      'GET /api/messages/@worf': [
        makeMessage({ message: 'First' }),
        makeMessage({ display_name: 'Worf', handle: 'worf', message: 'Second' }),
      ],
    });
    renderRoute('/messages/@worf');

    const conversation = await screen.findByRole('region', { name: '@worf' });
    const messages = await within(conversation).findAllByRole('article');
    expect(messages.map((message) => message.querySelector('.message_text')?.textContent)).toEqual(['First', 'Second']);
    const groups = screen.getByRole('navigation', { name: 'Conversations' });
    expect(await within(groups).findByRole('link', { current: 'page' })).toHaveAttribute('href', '/messages/@worf');
  });

  it('appends a sent message and shows it in the conversation list', async () => {
    const sent = makeMessage({ message: 'Today is a good day' });
    stubApi({
      'GET /api/message_groups': [makeGroup({ handle: 'garek', display_name: 'Garek' }), makeGroup({ handle: 'worf' })],
      'GET /api/messages/@worf': [makeMessage({ message: 'First' })],
      'POST /api/messages': () => json(sent, 201),
    });
    const { user } = renderRoute('/messages/@worf');

    await user.type(await screen.findByLabelText('Message'), 'Today is a good day');
    await user.click(screen.getByRole('button', { name: 'Send' }));

    const conversation = screen.getByRole('region', { name: '@worf' });
    expect(within(conversation).getAllByRole('article')).toHaveLength(2);
    const groups = within(screen.getByRole('navigation', { name: 'Conversations' })).getAllByRole('link');
    expect(groups[0]).toHaveTextContent('Today is a good day');
  });

  it('says when there is nobody to message', async () => {
    stubApi({ 'GET /api/message_groups': [] });
    renderRoute('/messages/@nobody');
    expect(await screen.findByText('There is nobody called @nobody to message.')).toBeInTheDocument();
    expect(screen.getByText('No messages yet')).toBeInTheDocument();
  });
});
