// Week-2 stand-in for Cognito: sign-up, confirmation and sign-in kept in
// localStorage. No password is stored; any password signs in.

export interface SignupDetails {
  name: string;
  email: string;
  username: string;
}

export interface User {
  display_name: string;
  handle: string;
  email: string;
}

export const PENDING_SIGNUP_KEY = 'cruddur.pendingSignup';
export const ACCOUNTS_KEY = 'cruddur.accounts';
export const USER_KEY = 'cruddur.user';

/** Who the API treats as the current user; signing in with an unknown email becomes them. */
export const DEMO_USER = { display_name: 'Andrew Brown', handle: 'andrewbrown' } as const;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

const hasStrings = <K extends string>(value: unknown, keys: readonly K[]): value is Record<K, string> =>
  isRecord(value) && keys.every((key) => typeof value[key] === 'string');

const SIGNUP_KEYS = ['name', 'email', 'username'] as const;
const USER_FIELDS = ['display_name', 'handle', 'email'] as const;

const read = (key: string): unknown => {
  const raw = localStorage.getItem(key);
  if (raw === null) return null;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return null;
  }
};

const write = (key: string, value: unknown): void => {
  localStorage.setItem(key, JSON.stringify(value));
};

const sameEmail = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

export const savePendingSignup = (details: SignupDetails): void => {
  write(PENDING_SIGNUP_KEY, details);
};

export const readPendingSignup = (): SignupDetails | null => {
  const value = read(PENDING_SIGNUP_KEY);
  return hasStrings(value, SIGNUP_KEYS) ? { name: value.name, email: value.email, username: value.username } : null;
};

const readAccounts = (): SignupDetails[] => {
  const value = read(ACCOUNTS_KEY);
  return Array.isArray(value) ? value.filter((item): item is SignupDetails => hasStrings(item, SIGNUP_KEYS)) : [];
};

export const findAccount = (email: string): SignupDetails | undefined =>
  readAccounts().find((account) => sameEmail(account.email, email));

/**
 * Turns the pending sign-up for `email` into an account (any code passes in
 * the mock). False when there is neither a pending sign-up nor an account.
 */
export const confirmSignup = (email: string): boolean => {
  const pending = readPendingSignup();
  if (pending && sameEmail(pending.email, email)) {
    write(ACCOUNTS_KEY, [...readAccounts().filter((account) => !sameEmail(account.email, email)), pending]);
    localStorage.removeItem(PENDING_SIGNUP_KEY);
    return true;
  }
  return findAccount(email) !== undefined;
};

/** The user an email signs in as: its account if one was confirmed, else the demo user. */
export const userForEmail = (email: string): User => {
  const account = findAccount(email);
  return account
    ? { display_name: account.name, handle: account.username, email: account.email }
    : { ...DEMO_USER, email: email.trim() };
};

export const readSignedInUser = (): User | null => {
  const value = read(USER_KEY);
  return hasStrings(value, USER_FIELDS)
    ? { display_name: value.display_name, handle: value.handle, email: value.email }
    : null;
};

export const saveSignedInUser = (user: User): void => {
  write(USER_KEY, user);
};

export const clearSignedInUser = (): void => {
  localStorage.removeItem(USER_KEY);
};
