import { ACTION } from '@cruddur/telemetry-conventions';
import { useState, type SubmitEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { TextField } from '../components/TextField';
import { savePendingSignup } from '../auth/accounts';
import { hasErrors, validateSignup } from '../auth/validation';

const EMPTY = { name: '', email: '', username: '', password: '' };

export const SignupPage = () => {
  const navigate = useNavigate();
  const [values, setValues] = useState(EMPTY);
  const [errors, setErrors] = useState<ReturnType<typeof validateSignup>>({});
  const field = (name: keyof typeof EMPTY) => ({
    value: values[name],
    error: errors[name],
    onChange: (value: string) => {
      setValues({ ...values, [name]: value });
    },
  });

  const signUp = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = validateSignup(values);
    setErrors(found);
    if (hasErrors(found)) return;
    const email = values.email.trim();
    savePendingSignup({ name: values.name.trim(), email, username: values.username.trim() });
    void navigate(`/confirm?${new URLSearchParams({ email }).toString()}`);
  };

  return (
    <>
      <h1>Sign up to create a Cruddur account</h1>
      <form className="auth_form" noValidate data-action={ACTION.signUp} onSubmit={signUp}>
        <TextField label="Name" autoComplete="name" {...field('name')} />
        <TextField label="Email" type="email" autoComplete="email" {...field('email')} />
        <TextField label="Username" autoComplete="username" {...field('username')} />
        <TextField label="Password" type="password" autoComplete="new-password" {...field('password')} />
        <div className="auth_actions">
          <button type="submit" className="button">
            Sign up
          </button>
        </div>
      </form>
      <p className="auth_footer">
        Have an account? <Link to="/signin">Sign in</Link>
      </p>
    </>
  );
};
