import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { savePendingSignup } from '../src/auth/accounts';
import { renderRoute } from './render';

describe('ConfirmationPage', () => {
  it('pre-fills the email from ?email=', () => {
    renderRoute('/confirm?email=jane%2Bcloud%40example.com');
    expect(screen.getByRole('heading', { name: 'Confirm your email' })).toBeInTheDocument();
    expect(screen.getByLabelText('Email')).toHaveValue('jane+cloud@example.com');
  });

  it('leaves the email empty without the parameter', () => {
    renderRoute('/confirm');
    expect(screen.getByLabelText('Email')).toHaveValue('');
  });

  it('wants a six-digit code', async () => {
    const { user, router } = renderRoute('/confirm?email=jane%40example.com');
    await user.type(screen.getByLabelText('Confirmation code'), '123');
    await user.click(screen.getByRole('button', { name: 'Confirm email' }));
    expect(screen.getByText('Enter the 6-digit code from your email')).toBeInTheDocument();
    expect(screen.getByLabelText('Confirmation code')).toHaveAttribute('aria-invalid', 'true');
    expect(router.state.location.pathname).toBe('/confirm');
  });

  it('resends the code to the email', async () => {
    const { user } = renderRoute('/confirm?email=jane%40example.com');
    await user.click(screen.getByRole('button', { name: 'Resend code' }));
    expect(screen.getByRole('status')).toHaveTextContent('We sent a new code to jane@example.com.');
  });

  it('refuses an email nobody signed up with', async () => {
    savePendingSignup({ name: 'Jane', email: 'jane@example.com', username: 'jane' });
    const { user } = renderRoute('/confirm?email=other%40example.com');
    await user.type(screen.getByLabelText('Confirmation code'), '123456');
    await user.click(screen.getByRole('button', { name: 'Confirm email' }));
    expect(screen.getByRole('alert')).toHaveTextContent("We couldn't find a sign-up for that email");
  });
});
