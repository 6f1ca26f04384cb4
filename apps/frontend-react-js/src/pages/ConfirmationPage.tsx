import { ACTION } from '@cruddur/telemetry-conventions';
import { useState, type SubmitEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { TextField } from '../components/TextField';
import { FormErrors } from '../components/FormErrors';
import { confirmSignup } from '../auth/accounts';
import { validateConfirmation, validateRecoveryEmail, hasErrors } from '../auth/validation';

export const ConfirmationPage = () => {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [email, setEmail] = useState(params.get('email') ?? '');
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<ReturnType<typeof validateConfirmation>>({});
  const [formError, setFormError] = useState<string[]>([]);
  const [notice, setNotice] = useState('');

  const confirm = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = validateConfirmation({ email, code });
    setErrors(found);
    setNotice('');
    if (hasErrors(found)) return;
    if (!confirmSignup(email)) {
      setFormError(["We couldn't find a sign-up for that email. Check it, or sign up again."]);
      return;
    }
    void navigate(`/signin?${new URLSearchParams({ email: email.trim() }).toString()}`, {
      state: { confirmed: true },
    });
  };

  const resendCode = () => {
    const found = validateRecoveryEmail({ email });
    setErrors(found);
    setFormError([]);
    setNotice(hasErrors(found) ? '' : `We sent a new code to ${email.trim()}.`);
  };

  return (
    <>
      <h1>Confirm your email</h1>
      <p className="auth_notice" role="status">
        {notice}
      </p>
      <form className="auth_form" noValidate data-action={ACTION.confirm} onSubmit={confirm}>
        <TextField label="Email" type="email" autoComplete="email" value={email} onChange={setEmail} error={errors.email} />
        <TextField
          label="Confirmation code"
          autoComplete="one-time-code"
          inputMode="numeric"
          value={code}
          onChange={setCode}
          error={errors.code}
        />
        <FormErrors messages={formError} />
        <div className="auth_actions">
          <button type="submit" className="button">
            Confirm email
          </button>
          <button type="button" className="button button_secondary" onClick={resendCode}>
            Resend code
          </button>
        </div>
      </form>
      <p className="auth_footer">
        Wrong email? <Link to="/signup">Sign up again</Link>
      </p>
    </>
  );
};
