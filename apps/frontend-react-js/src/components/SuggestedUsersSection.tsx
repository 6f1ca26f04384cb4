import { ACTION } from '@cruddur/telemetry-conventions';
import { Link } from 'react-router';
import { profilePath } from '../lib/paths';
import { Avatar } from './Avatar';

const SUGGESTED_USERS = [
  { display_name: 'Worf', handle: 'worf' },
  { display_name: 'Garek', handle: 'garek' },
] as const;

/** People to follow, linking to their profiles. */
export const SuggestedUsersSection = () => (
  <section className="sidebar_section" aria-labelledby="suggested-heading">
    <h2 id="suggested-heading" className="sidebar_heading">
      Suggested Users
    </h2>
    <ul className="sidebar_list">
      {SUGGESTED_USERS.map(({ display_name, handle }) => (
        <li key={handle}>
          <Link className="suggested_user" to={profilePath(handle)} data-action={ACTION.openProfile}>
            <Avatar name={display_name} />
            <span className="suggested_user_text">
              <span className="display_name">{display_name}</span>
              <span className="handle">@{handle}</span>
            </span>
          </Link>
        </li>
      ))}
    </ul>
  </section>
);
