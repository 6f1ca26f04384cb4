import { describe, expect, it } from 'vitest';
import {
  ACCOUNTS_KEY,
  confirmSignup,
  PENDING_SIGNUP_KEY,
  readPendingSignup,
  readSignedInUser,
  savePendingSignup,
  USER_KEY,
  userForEmail,
} from '../src/auth/accounts';

const jane = { name: 'Jane Doe', email: 'jane@example.com', username: 'janedoe' };

describe('mock accounts in localStorage', () => {
  it('keeps a pending sign-up until it is confirmed', () => {
    savePendingSignup(jane);
    expect(JSON.parse(localStorage.getItem(PENDING_SIGNUP_KEY) ?? 'null')).toEqual(jane);
    expect(readPendingSignup()).toEqual(jane);

    expect(confirmSignup('JANE@example.com ')).toBe(true);

    expect(readPendingSignup()).toBeNull();
    expect(JSON.parse(localStorage.getItem(ACCOUNTS_KEY) ?? '[]')).toEqual([jane]);
  });

  it('refuses to confirm an email nobody signed up with', () => {
    savePendingSignup(jane);
    expect(confirmSignup('someone@else.com')).toBe(false);
    expect(readPendingSignup()).toEqual(jane);
  });

  it('signs a confirmed email in as its account, anything else as the demo user', () => {
    savePendingSignup(jane);
    confirmSignup(jane.email);
    expect(userForEmail('jane@example.com')).toEqual({ display_name: 'Jane Doe', handle: 'janedoe', email: 'jane@example.com' });
    expect(userForEmail('andrew@exampro.co')).toEqual({
      display_name: 'Andrew Brown',
      handle: 'andrewbrown',
      email: 'andrew@exampro.co',
    });
  });

  it('ignores stored values of the wrong shape', () => {
    localStorage.setItem(USER_KEY, '{"display_name": 1}');
    localStorage.setItem(PENDING_SIGNUP_KEY, 'not json');
    expect(readSignedInUser()).toBeNull();
    expect(readPendingSignup()).toBeNull();
  });
});
