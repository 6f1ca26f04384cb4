import { ACTION } from '@cruddur/telemetry-conventions';
import { useSession } from '../auth/session';
import { Avatar } from './Avatar';

/** The signed-in user at the foot of the navigation, with sign out. */
export const ProfileInfo = () => {
  const { user, signOut } = useSession();
  if (!user) return null;

  return (
    <section className="profile_info" aria-label="Signed in user">
      <Avatar name={user.display_name} />
      <div className="profile_info_text">
        <span className="display_name">{user.display_name}</span>
        <span className="handle">@{user.handle}</span>
      </div>
      <button type="button" className="button button_secondary" data-action={ACTION.signOut} onClick={signOut}>
        Sign out
      </button>
    </section>
  );
};
