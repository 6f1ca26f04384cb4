import type { UserProfile } from '@cruddur/api-contract';
import { Avatar } from './Avatar';
import './ProfileHeading.css';

/** Banner, name, handle and crud count at the top of a profile. */
export const ProfileHeading = ({ profile }: { profile: UserProfile }) => (
  <header className="profile_heading">
    <div className="profile_banner" />
    <div className="profile_details">
      <Avatar name={profile.display_name} size="large" />
      <h1>{profile.display_name}</h1>
      <p className="handle">@{profile.handle}</p>
      <p className="cruds_count">
        {profile.cruds_count} {profile.cruds_count === 1 ? 'Crud' : 'Cruds'}
      </p>
    </div>
  </header>
);
