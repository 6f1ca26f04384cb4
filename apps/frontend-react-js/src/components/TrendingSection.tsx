import { ACTION } from '@cruddur/telemetry-conventions';
import { Link } from 'react-router';
import { searchPath } from '../lib/paths';

const TRENDS = [
  { topic: 'The Future', cruds: '1.2K' },
  { topic: 'AWS', cruds: '812' },
  { topic: 'Serverless', cruds: '430' },
  { topic: 'Cloud', cruds: '390' },
] as const;

/** Static trending topics; each opens a search for it. */
export const TrendingSection = () => (
  <section className="sidebar_section" aria-labelledby="trending-heading">
    <h2 id="trending-heading" className="sidebar_heading">
      Trending
    </h2>
    <ul className="sidebar_list">
      {TRENDS.map(({ topic, cruds }) => (
        <li key={topic}>
          <Link className="trend_item" to={searchPath(topic)} data-action={ACTION.search}>
            <span className="trend_topic">{topic}</span>
            <span className="trend_count">{cruds} cruds</span>
          </Link>
        </li>
      ))}
    </ul>
  </section>
);
