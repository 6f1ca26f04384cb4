import { Outlet } from 'react-router';
import { DesktopNavigation } from './DesktopNavigation';
import { DesktopSidebar } from './DesktopSidebar';
import './AppLayout.css';

/** The three columns every signed-in-style page shares. */
export const AppLayout = () => (
  <div className="app_layout">
    <DesktopNavigation />
    <main className="content">
      <Outlet />
    </main>
    <DesktopSidebar />
  </div>
);
