import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { PENDING_SIGNUP_KEY, USER_KEY } from '../src/auth/accounts';
import { stubApi } from './api';
import { renderRoute } from './render';

describe('sign up → confirm → sign in', () => {
  it('walks a new user through to the home page, signed in', async () => {
    stubApi({ 'GET /api/activities/home': [] });
    const { user, router } = renderRoute('/signup');

    await user.type(screen.getByLabelText('Name'), 'Jane Doe');
    await user.type(screen.getByLabelText('Email'), 'jane@example.com');
    await user.type(screen.getByLabelText('Username'), 'janedoe');
    await user.type(screen.getByLabelText('Password'), 'correct horse');
    await user.click(screen.getByRole('button', { name: 'Sign up' }));

    expect(JSON.parse(localStorage.getItem(PENDING_SIGNUP_KEY) ?? 'null')).toEqual({
      name: 'Jane Doe',
      email: 'jane@example.com',
      username: 'janedoe',
    });
    expect(router.state.location.pathname).toBe('/confirm');
    expect(router.state.location.search).toBe('?email=jane%40example.com');
    expect(screen.getByLabelText('Email')).toHaveValue('jane@example.com');

    await user.type(screen.getByLabelText('Confirmation code'), '424242');
    await user.click(screen.getByRole('button', { name: 'Confirm email' }));

    expect(router.state.location.pathname).toBe('/signin');
    expect(screen.getByRole('status')).toHaveTextContent('Your email is confirmed');
    expect(screen.getByLabelText('Email')).toHaveValue('jane@example.com');

    await user.type(screen.getByLabelText('Password'), 'correct horse');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(router.state.location.pathname).toBe('/');
    expect(JSON.parse(localStorage.getItem(USER_KEY) ?? 'null')).toEqual({
      display_name: 'Jane Doe',
      handle: 'janedoe',
      email: 'jane@example.com',
    });
    const signedIn = screen.getByRole('region', { name: 'Signed in user' });
    expect(signedIn).toHaveTextContent('Jane Doe');
    expect(signedIn).toHaveTextContent('@janedoe');
    expect(screen.queryByRole('heading', { name: 'Join The Party!' })).not.toBeInTheDocument();
  });

  it('shows what is missing on sign-up and stays put', async () => {
    const { user, router } = renderRoute('/signup');
    await user.click(screen.getByRole('button', { name: 'Sign up' }));
    expect(screen.getByText('Enter your name')).toBeInTheDocument();
    expect(screen.getByText('Enter your email')).toBeInTheDocument();
    expect(screen.getByText('Use 3 to 20 letters, numbers or underscores')).toBeInTheDocument();
    expect(screen.getByText('Use at least 8 characters')).toBeInTheDocument();
    expect(localStorage.getItem(PENDING_SIGNUP_KEY)).toBeNull();
    expect(router.state.location.pathname).toBe('/signup');
  });

  it('needs an email and a password to sign in', async () => {
    const { user, router } = renderRoute('/signin');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(screen.getByText('Enter your email')).toBeInTheDocument();
    expect(screen.getByText('Enter your password')).toBeInTheDocument();
    expect(localStorage.getItem(USER_KEY)).toBeNull();
    expect(router.state.location.pathname).toBe('/signin');
  });

  it('signs out from the navigation, bringing back the Join section', async () => {
    stubApi({ 'GET /api/activities/home': [] });
    localStorage.setItem(USER_KEY, JSON.stringify({ display_name: 'Andrew Brown', handle: 'andrewbrown', email: 'a@b.co' }));
    const { user } = renderRoute('/');
    const signedIn = screen.getByRole('region', { name: 'Signed in user' });
    expect(screen.queryByRole('heading', { name: 'Join The Party!' })).not.toBeInTheDocument();

    await user.click(within(signedIn).getByRole('button', { name: 'Sign out' }));

    expect(screen.queryByRole('region', { name: 'Signed in user' })).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Join The Party!' })).toBeInTheDocument();
    expect(localStorage.getItem(USER_KEY)).toBeNull();
  });
});

describe('forgot password', () => {
  it('asks for the email, then a code and a matching new password', async () => {
    const { user } = renderRoute('/forgot');
    await user.type(screen.getByLabelText('Email'), 'jane@example.com');
    await user.click(screen.getByRole('button', { name: 'Send recovery code' }));

    expect(screen.getByRole('status')).toHaveTextContent('We sent a recovery code to jane@example.com.');
    await user.type(screen.getByLabelText('Recovery code'), '123456');
    await user.type(screen.getByLabelText('New password'), 'new password 1');
    await user.type(screen.getByLabelText('Confirm new password'), 'new password 2');
    await user.click(screen.getByRole('button', { name: 'Reset password' }));
    expect(screen.getByText("Passwords don't match")).toBeInTheDocument();

    await user.clear(screen.getByLabelText('Confirm new password'));
    await user.type(screen.getByLabelText('Confirm new password'), 'new password 1');
    await user.click(screen.getByRole('button', { name: 'Reset password' }));
    expect(screen.getByRole('status')).toHaveTextContent('Your password has been reset.');
  });
});
