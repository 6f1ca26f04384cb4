import { ACTION } from '@cruddur/telemetry-conventions';
import { Link, NavLink } from 'react-router';
import { DEMO_USER } from '../auth/accounts';
import { profilePath } from '../lib/paths';
import { CrudButton } from './CrudButton';
import { BellIcon, HomeIcon, MessagesIcon, ProfileIcon } from './icons';
import { Logo } from './Logo';
import { MoreMenu } from './MoreMenu';
import { ProfileInfo } from './ProfileInfo';
import './DesktopNavigation.css';

const LINKS = [
  { to: '/', label: 'Home', Icon: HomeIcon, action: ACTION.openHome },
  { to: '/notifications', label: 'Notifications', Icon: BellIcon, action: ACTION.openNotifications },
  { to: '/messages', label: 'Messages', Icon: MessagesIcon, action: ACTION.openMessages },
  { to: profilePath(DEMO_USER.handle), label: 'Profile', Icon: ProfileIcon, action: ACTION.openProfile },
] as const;

/** Left column: logo, main links, the More menu, the Crud button and the signed-in user. */
export const DesktopNavigation = () => (
  <header className="desktop_navigation">
    <Link to="/" className="logo_link" data-action={ACTION.openHome}>
      <Logo />
    </Link>
    <nav aria-label="Main">
      <ul>
        {LINKS.map(({ to, label, Icon, action }) => (
          <li key={to}>
            <NavLink to={to} end={to === '/'} className="nav_link" data-action={action}>
              <Icon />
              <span>{label}</span>
            </NavLink>
          </li>
        ))}
        <li>
          <MoreMenu />
        </li>
        <li>
          <CrudButton />
        </li>
      </ul>
    </nav>
    <ProfileInfo />
  </header>
);
