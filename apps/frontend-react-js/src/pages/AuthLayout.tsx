import { ACTION } from '@cruddur/telemetry-conventions';
import { Link, Outlet } from 'react-router';
import { Logo } from '../components/Logo';
import './AuthLayout.css';

/** Sign-up, sign-in, confirmation and recovery: a card beside the brand. */
export const AuthLayout = () => (
  <div className="auth_layout">
    <div className="auth_brand">
      <Link to="/" className="logo_link" data-action={ACTION.openHome}>
        <Logo />
      </Link>
      <p>Micro-blogging where every crud expires.</p>
    </div>
    <main className="auth_card">
      <Outlet />
    </main>
  </div>
);
