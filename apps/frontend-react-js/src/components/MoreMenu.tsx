import { useId, useState } from 'react';
import { Link } from 'react-router';
import { useSession } from '../auth/session';
import { MoreIcon } from './icons';

/** "More" disclosure holding the account links; Escape or leaving it closes it. */
export const MoreMenu = () => {
  const { user } = useSession();
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const close = () => {
    setOpen(false);
  };

  return (
    <div
      className="more_menu"
      onKeyDown={(event) => {
        if (event.key === 'Escape') close();
      }}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget)) close();
      }}
    >
      <button
        type="button"
        className="nav_link"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => {
          setOpen(!open);
        }}
      >
        <MoreIcon />
        <span>More</span>
      </button>
      {open && (
        <ul id={menuId} className="more_menu_items">
          {user ? (
            <li>
              <Link to="/signin" onClick={close}>
                Switch account
              </Link>
            </li>
          ) : (
            <>
              <li>
                <Link to="/signin" onClick={close}>
                  Sign in
                </Link>
              </li>
              <li>
                <Link to="/signup" onClick={close}>
                  Sign up
                </Link>
              </li>
            </>
          )}
          <li>
            <Link to="/forgot" onClick={close}>
              Forgot password
            </Link>
          </li>
        </ul>
      )}
    </div>
  );
};
