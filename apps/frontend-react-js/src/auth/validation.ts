// Field checks for the mock sign-up, confirmation, sign-in and recovery forms.

export type FieldErrors<K extends string> = Partial<Record<K, string>>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const USERNAME = /^[a-z0-9_]{3,20}$/i;
const CODE = /^\d{6}$/;
const MIN_PASSWORD_LENGTH = 8;

const emailError = (email: string): string | undefined => {
  if (email.trim() === '') return 'Enter your email';
  return EMAIL.test(email.trim()) ? undefined : 'Enter a valid email address';
};

const codeError = (code: string): string | undefined =>
  CODE.test(code.trim()) ? undefined : 'Enter the 6-digit code from your email';

const newPasswordError = (password: string): string | undefined =>
  password.length >= MIN_PASSWORD_LENGTH ? undefined : `Use at least ${MIN_PASSWORD_LENGTH} characters`;

/** Only the fields that failed, so an empty object means valid. */
const compact = <K extends string>(errors: Record<K, string | undefined>): FieldErrors<K> =>
  Object.fromEntries(Object.entries(errors).filter(([, message]) => message !== undefined)) as FieldErrors<K>;

export const hasErrors = (errors: FieldErrors<string>): boolean => Object.keys(errors).length > 0;

export const validateSignup = (values: { name: string; email: string; username: string; password: string }) =>
  compact({
    name: values.name.trim() === '' ? 'Enter your name' : undefined,
    email: emailError(values.email),
    username: USERNAME.test(values.username.trim())
      ? undefined
      : 'Use 3 to 20 letters, numbers or underscores',
    password: newPasswordError(values.password),
  });

export const validateConfirmation = (values: { email: string; code: string }) =>
  compact({ email: emailError(values.email), code: codeError(values.code) });

export const validateSignin = (values: { email: string; password: string }) =>
  compact({
    email: values.email.trim() === '' ? 'Enter your email' : undefined,
    password: values.password === '' ? 'Enter your password' : undefined,
  });

export const validateRecoveryEmail = (values: { email: string }) => compact({ email: emailError(values.email) });

export const validatePasswordReset = (values: { code: string; password: string; passwordAgain: string }) =>
  compact({
    code: codeError(values.code),
    password: newPasswordError(values.password),
    passwordAgain: values.passwordAgain === values.password ? undefined : "Passwords don't match",
  });
