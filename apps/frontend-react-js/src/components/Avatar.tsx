interface AvatarProps {
  name: string;
  size?: 'small' | 'large';
}

/** A round placeholder avatar with the person's initial. */
export const Avatar = ({ name, size = 'small' }: AvatarProps) => (
  <span className={`avatar avatar_${size}`} aria-hidden="true">
    {name.trim().charAt(0).toUpperCase()}
  </span>
);
