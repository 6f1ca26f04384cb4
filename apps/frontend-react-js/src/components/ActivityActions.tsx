import type { Activity } from '@cruddur/api-contract';
import { useState } from 'react';
import { activityPath } from '../lib/paths';
import { LikeIcon, ReplyIcon, RepostIcon, ShareIcon } from './icons';

interface ActivityActionsProps {
  activity: Activity;
  onReply: () => void;
}

type ShareStatus = 'idle' | 'copied' | 'failed';

const SHARE_STATUS_TEXT: Record<ShareStatus, string> = {
  idle: '',
  copied: 'Link copied',
  failed: "Couldn't copy the link",
};

/**
 * Reply opens the reply form. The API has no like or repost endpoints yet,
 * so those toggle on this page only; share copies the crud's link.
 */
export const ActivityActions = ({ activity, onReply }: ActivityActionsProps) => {
  const [liked, setLiked] = useState(false);
  const [reposted, setReposted] = useState(false);
  const [shareStatus, setShareStatus] = useState<ShareStatus>('idle');
  const likes = activity.likes_count + (liked ? 1 : 0);
  const reposts = activity.reposts_count + (reposted ? 1 : 0);

  const copyLink = async () => {
    const url = new URL(activityPath(activity.handle, activity.uuid), window.location.origin);
    try {
      await navigator.clipboard.writeText(url.toString());
      setShareStatus('copied');
    } catch {
      setShareStatus('failed');
    }
  };

  return (
    <div className="activity_actions">
      <button type="button" className="action" aria-label={`Reply (${activity.replies_count})`} onClick={onReply}>
        <ReplyIcon />
        <span className="counter">{activity.replies_count > 0 && activity.replies_count}</span>
      </button>
      <button
        type="button"
        className="action"
        aria-label={`Repost (${reposts})`}
        aria-pressed={reposted}
        onClick={() => {
          setReposted(!reposted);
        }}
      >
        <RepostIcon />
        <span className="counter">{reposts > 0 && reposts}</span>
      </button>
      <button
        type="button"
        className="action"
        aria-label={`Like (${likes})`}
        aria-pressed={liked}
        onClick={() => {
          setLiked(!liked);
        }}
      >
        <LikeIcon />
        <span className="counter">{likes > 0 && likes}</span>
      </button>
      <button type="button" className="action" aria-label="Share" onClick={() => void copyLink()}>
        <ShareIcon />
      </button>
      <span className="share_status" role="status">
        {SHARE_STATUS_TEXT[shareStatus]}
      </span>
    </div>
  );
};
