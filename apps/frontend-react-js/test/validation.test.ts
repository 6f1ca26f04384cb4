import { describe, expect, it } from 'vitest';
import {
  hasErrors,
  validateConfirmation,
  validatePasswordReset,
  validateSignin,
  validateSignup,
} from '../src/auth/validation';

describe('auth form validation', () => {
  it('accepts a complete sign-up', () => {
    const errors = validateSignup({ name: 'Jane', email: 'jane@example.com', username: 'jane_doe', password: 'secret123' });
    expect(errors).toEqual({});
    expect(hasErrors(errors)).toBe(false);
  });

  it('names every sign-up field that is wrong', () => {
    expect(validateSignup({ name: ' ', email: 'jane', username: 'j!', password: 'short' })).toEqual({
      name: 'Enter your name',
      email: 'Enter a valid email address',
      username: 'Use 3 to 20 letters, numbers or underscores',
      password: 'Use at least 8 characters',
    });
  });

  it('needs a six-digit confirmation code', () => {
    expect(validateConfirmation({ email: 'a@b.co', code: '12345' })).toEqual({
      code: 'Enter the 6-digit code from your email',
    });
    expect(validateConfirmation({ email: 'a@b.co', code: '123456' })).toEqual({});
  });

  it('needs an email and a password to sign in', () => {
    expect(validateSignin({ email: '', password: '' })).toEqual({
      email: 'Enter your email',
      password: 'Enter your password',
    });
    expect(hasErrors(validateSignin({ email: 'a@b.co', password: 'x' }))).toBe(false);
  });

  it('needs matching new passwords to reset', () => {
    expect(validatePasswordReset({ code: '123456', password: 'longenough', passwordAgain: 'different1' })).toEqual({
      passwordAgain: "Passwords don't match",
    });
  });
});
