import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { MessageForm } from '../src/components/MessageForm';
import { json, stubApi } from './api';
import { makeMessage } from './fixtures';

const setup = () => {
  const onCreated = vi.fn();
  const user = userEvent.setup();
  render(<MessageForm handle="worf" onCreated={onCreated} />);
  return { onCreated, user, textarea: screen.getByLabelText('Message') };
};

describe('MessageForm', () => {
  it('counts against the 1024 message limit', async () => {
    const { user, textarea } = setup();
    expect(screen.getByText('0/1024')).toBeInTheDocument();
    await user.click(textarea);
    await user.paste('x'.repeat(1025));
    expect(screen.getByText('1025/1024')).toHaveClass('over');
    expect(textarea).toHaveAttribute('aria-invalid', 'true');
  });

  it('sends the message to the conversation partner and clears the field', async () => {
    const sent = makeMessage({ message: 'Qapla!' });
    const { requests } = stubApi({ 'POST /api/messages': () => json(sent, 201) });
    const { user, textarea, onCreated } = setup();

    await user.type(textarea, 'Qapla!');
    await user.click(screen.getByRole('button', { name: 'Send' }));

    expect(requests[0]?.body).toEqual({ message: 'Qapla!', user_receiver_handle: 'worf' });
    expect(onCreated).toHaveBeenCalledWith(sent);
    expect(textarea).toHaveValue('');
  });

  it('shows the API validation errors', async () => {
    stubApi({ 'POST /api/messages': () => json({ errors: ['message_blank'] }, 422) });
    const { user, onCreated } = setup();
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(await screen.findByRole('alert')).toHaveTextContent("Your message can't be blank");
    expect(onCreated).not.toHaveBeenCalled();
  });
});
