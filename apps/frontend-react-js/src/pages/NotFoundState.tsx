import { ACTION } from '@cruddur/telemetry-conventions';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import './NotFoundState.css';

interface NotFoundStateProps {
  title: string;
  children: ReactNode;
}

/** What to show when the thing asked for does not exist. */
export const NotFoundState = ({ title, children }: NotFoundStateProps) => (
  <section className="not_found" aria-labelledby="not-found-title">
    <h1 id="not-found-title">{title}</h1>
    <p>{children}</p>
    <Link className="button" to="/" data-action={ACTION.openHome}>
      Go home
    </Link>
  </section>
);
