import { Outlet } from 'react-router';
import { CrudComposerProvider } from './CrudComposer';
import { DesktopNavigation } from './DesktopNavigation';
import { DesktopSidebar } from './DesktopSidebar';
import './AppLayout.css';

/**
 * The three columns every signed-in-style page shares; on a narrow screen,
 * the content over a bottom navigation bar (AppLayout.css).
 */
export const AppLayout = () => (
  <CrudComposerProvider>
    <div className="app_layout">
      <DesktopNavigation />
      <main className="content">
        <Outlet />
      </main>
      <DesktopSidebar />
    </div>
  </CrudComposerProvider>
);
