import { Link } from 'react-router';

/** Invitation shown to visitors who are not signed in. */
export const JoinSection = () => (
  <section className="sidebar_section join_section" aria-labelledby="join-heading">
    <h2 id="join-heading" className="sidebar_heading">
      Join The Party!
    </h2>
    <p>Have more fun in a community of cruds that expire.</p>
    <div className="join_actions">
      <Link className="button" to="/signup">
        Join Now!
      </Link>
      <Link className="button button_secondary" to="/signin">
        Sign in
      </Link>
    </div>
  </section>
);
