import { describe, expect, it } from 'vitest';
import { withLatestMessage } from '../src/lib/messageGroups';
import { makeGroup, makeMessage } from './fixtures';

describe('withLatestMessage', () => {
  it('shows the sent message on its conversation and moves it to the top', () => {
    const groups = [makeGroup({ handle: 'garek', display_name: 'Garek' }), makeGroup({ handle: 'worf' })];
    const sent = makeMessage({ message: 'Today is a good day', created_at: '2024-06-15T12:00:00Z' });

    const updated = withLatestMessage(groups, 'worf', sent);

    expect(updated.map((group) => group.handle)).toEqual(['worf', 'garek']);
    expect(updated[0]).toMatchObject({ display_name: 'Worf', message: 'Today is a good day', created_at: '2024-06-15T12:00:00Z' });
  });

  it('keeps the list as it is for a conversation not in it', () => {
    const groups = [makeGroup({ handle: 'garek' })];
    expect(withLatestMessage(groups, 'worf', makeMessage())).toEqual(groups);
  });
});
