import { useSession } from '../auth/session';
import { JoinSection } from './JoinSection';
import { SearchBox } from './SearchBox';
import { SuggestedUsersSection } from './SuggestedUsersSection';
import { TrendingSection } from './TrendingSection';
import './DesktopSidebar.css';

/** Right column: search, trends, people to follow, and the invitation to join. */
export const DesktopSidebar = () => {
  const { user } = useSession();
  return (
    <aside className="desktop_sidebar" aria-label="Sidebar">
      <SearchBox />
      <TrendingSection />
      <SuggestedUsersSection />
      {!user && <JoinSection />}
    </aside>
  );
};
