import { ACTION } from '@cruddur/telemetry-conventions';
import { useState, type SubmitEvent } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { TextField } from '../components/TextField';
import { userForEmail } from '../auth/accounts';
import { useSession } from '../auth/session';
import { hasErrors, validateSignin } from '../auth/validation';

const cameFromConfirmation = (state: unknown): boolean =>
  typeof state === 'object' && state !== null && 'confirmed' in state && state.confirmed === true;

export const SigninPage = () => {
  const navigate = useNavigate();
  const confirmed = cameFromConfirmation(useLocation().state as unknown);
  const [params] = useSearchParams();
  const { signIn } = useSession();
  const [email, setEmail] = useState(params.get('email') ?? '');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<ReturnType<typeof validateSignin>>({});

  const submitSignin = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = validateSignin({ email, password });
    setErrors(found);
    if (hasErrors(found)) return;
    signIn(userForEmail(email));
    void navigate('/');
  };

  return (
    <>
      <h1>Sign into your Cruddur account</h1>
      {confirmed && (
        <p className="auth_notice" role="status">
          Your email is confirmed. Sign in to continue.
        </p>
      )}
      <form className="auth_form" noValidate data-action={ACTION.signIn} onSubmit={submitSignin}>
        <TextField label="Email" type="email" autoComplete="email" value={email} onChange={setEmail} error={errors.email} />
        <TextField
          label="Password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          error={errors.password}
        />
        <div className="auth_actions">
          <button type="submit" className="button">
            Sign in
          </button>
          <Link to="/forgot">Forgot password?</Link>
        </div>
      </form>
      <p className="auth_footer">
        Don&apos;t have an account? <Link to="/signup">Sign up</Link>
      </p>
    </>
  );
};
