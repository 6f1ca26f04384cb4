import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ActivityForm } from '../src/components/ActivityForm';
import { json, stubApi } from './api';
import { makeActivity } from './fixtures';

const setup = () => {
  const onCreated = vi.fn();
  const user = userEvent.setup();
  render(<ActivityForm onCreated={onCreated} />);
  return { onCreated, user, textarea: screen.getByLabelText('Crud message') };
};

describe('ActivityForm', () => {
  it('counts characters as they are typed, emoji once', async () => {
    const { user, textarea } = setup();
    expect(screen.getByText('0/280')).toBeInTheDocument();

    await user.type(textarea, 'Hello 👋');

    expect(screen.getByText('7/280')).toBeInTheDocument();
    expect(textarea).toHaveAttribute('aria-invalid', 'false');
  });

  it('turns the counter red and marks the field invalid over 280 characters', async () => {
    const { user, textarea } = setup();
    await user.click(textarea);
    await user.paste('x'.repeat(280));
    expect(screen.getByText('280/280')).not.toHaveClass('over');

    await user.type(textarea, 'y');

    expect(screen.getByText('281/280')).toHaveClass('over');
    expect(textarea).toHaveAttribute('aria-invalid', 'true');
  });

  it('offers the seven expiry options, 7 days by default', () => {
    setup();
    const select = screen.getByLabelText('Expires after');
    expect(select).toHaveValue('7-days');
    expect(screen.getAllByRole('option').map((option) => option.textContent)).toEqual([
      '30 days',
      '7 days',
      '3 days',
      '1 day',
      '12 hours',
      '3 hours',
      '1 hour',
    ]);
  });

  it('posts the message with the chosen expiry and hands back the new crud', async () => {
    const created = makeActivity({ message: 'Fresh crud' });
    const { requests } = stubApi({ 'POST /api/activities': () => json(created, 201) });
    const { user, textarea, onCreated } = setup();

    await user.type(textarea, 'Fresh crud');
    await user.selectOptions(screen.getByLabelText('Expires after'), '1 hour');
    await user.click(screen.getByRole('button', { name: 'Crud' }));

    expect(requests[0]?.body).toEqual({ message: 'Fresh crud', ttl: '1-hour' });
    expect(onCreated).toHaveBeenCalledWith(created);
    expect(textarea).toHaveValue('');
  });

  it('shows the API validation errors next to the form', async () => {
    stubApi({ 'POST /api/activities': () => json({ errors: ['message_exceed_max_chars'] }, 422) });
    const { user, textarea, onCreated } = setup();
    await user.click(textarea);
    await user.paste('x'.repeat(300));

    await user.click(screen.getByRole('button', { name: 'Crud' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Your crud is longer than 280 characters');
    expect(onCreated).not.toHaveBeenCalled();
    expect(textarea).toHaveValue('x'.repeat(300));
  });

  it('says so when the API cannot be reached', async () => {
    vi.stubGlobal('fetch', vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))));
    const { user, textarea } = setup();
    await user.type(textarea, 'Hi');
    await user.click(screen.getByRole('button', { name: 'Crud' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not reach the Cruddur API');
  });

  it('disables the button while the crud is being posted', async () => {
    let answer: (response: Response) => void = () => undefined;
    stubApi({ 'POST /api/activities': () => new Promise<Response>((resolve) => (answer = resolve)) });
    const { user, textarea } = setup();
    await user.type(textarea, 'Hi');

    await user.click(screen.getByRole('button', { name: 'Crud' }));
    expect(screen.getByRole('button', { name: 'Crud' })).toBeDisabled();

    answer(json(makeActivity(), 201));
    await vi.waitFor(() => {
      expect(screen.getByRole('button', { name: 'Crud' }), 'the button once the crud is posted').toBeEnabled();
    }, 5_000);
  });
});
