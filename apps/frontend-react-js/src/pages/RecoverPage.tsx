import { ACTION } from '@cruddur/telemetry-conventions';
import { useState, type SubmitEvent } from 'react';
import { Link } from 'react-router';
import { TextField } from '../components/TextField';
import { hasErrors, validatePasswordReset, validateRecoveryEmail } from '../auth/validation';

type Step = 'email' | 'reset' | 'done';

/** Forgot password (mock): ask for the email, then a code and a new password. */
export const RecoverPage = () => {
  const [step, setStep] = useState<Step>('email');
  const [email, setEmail] = useState('');
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [passwordAgain, setPasswordAgain] = useState('');
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});

  const sendCode = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = validateRecoveryEmail({ email });
    setErrors(found);
    if (!hasErrors(found)) setStep('reset');
  };

  const resetPassword = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = validatePasswordReset({ code, password, passwordAgain });
    setErrors(found);
    if (!hasErrors(found)) setStep('done');
  };

  return (
    <>
      <h1>Recover your password</h1>
      {step === 'email' && (
        <form className="auth_form" noValidate data-action={ACTION.recoverPassword} onSubmit={sendCode}>
          <TextField label="Email" type="email" autoComplete="email" value={email} onChange={setEmail} error={errors.email} />
          <div className="auth_actions">
            <button type="submit" className="button">
              Send recovery code
            </button>
          </div>
        </form>
      )}
      {step === 'reset' && (
        <form className="auth_form" noValidate data-action={ACTION.recoverPassword} onSubmit={resetPassword}>
          <p className="auth_notice" role="status">
            We sent a recovery code to {email.trim()}.
          </p>
          <TextField
            label="Recovery code"
            autoComplete="one-time-code"
            inputMode="numeric"
            value={code}
            onChange={setCode}
            error={errors.code}
          />
          <TextField
            label="New password"
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={setPassword}
            error={errors.password}
          />
          <TextField
            label="Confirm new password"
            type="password"
            autoComplete="new-password"
            value={passwordAgain}
            onChange={setPasswordAgain}
            error={errors.passwordAgain}
          />
          <div className="auth_actions">
            <button type="submit" className="button">
              Reset password
            </button>
          </div>
        </form>
      )}
      {step === 'done' && (
        <p className="auth_notice" role="status">
          Your password has been reset.
        </p>
      )}
      <p className="auth_footer">
        {step === 'done' ? 'Ready?' : 'Remembered it?'} <Link to="/signin">Sign in</Link>
      </p>
    </>
  );
};
