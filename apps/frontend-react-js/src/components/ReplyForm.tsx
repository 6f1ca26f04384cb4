import { REPLY_MAX_CHARS, type Activity } from '@cruddur/api-contract';
import { ACTION } from '@cruddur/telemetry-conventions';
import { useId, useState, type SubmitEvent } from 'react';
import { createReply, getActivity } from '../api/client';
import { REPLY } from '../api/errorMessages';
import { withReply } from '../lib/activities';
import { useSubmission } from '../lib/useSubmission';
import { ActivityContent } from './ActivityContent';
import { ComposeField } from './ComposeField';
import { FormErrors } from './FormErrors';
import { Popup } from './Popup';
import './ReplyForm.css';

interface ReplyFormProps {
  activity: Activity;
  /** The answered crud as the API now has it, the new reply among its replies. */
  onReplied: (updated: Activity) => void;
  onClose: () => void;
}

/** Popup quoting the crud being answered, with a composer for the reply. */
export const ReplyForm = ({ activity, onReplied, onClose }: ReplyFormProps) => {
  const id = useId();
  const [message, setMessage] = useState('');
  const { pending, errors, run } = useSubmission(REPLY);

  const postReply = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const updated = await run(async () => {
      const reply = await createReply(activity.uuid, { message });
      // Re-read the crud so its thread shows what the server has, replies
      // posted meanwhile included. The reply is posted even if that read
      // fails, so then it is only added here.
      return getActivity(activity.uuid).catch(() => withReply(activity, reply));
    });
    if (updated) onReplied(updated);
  };

  return (
    <Popup title={`Reply to ${activity.display_name}`} onClose={onClose}>
      <div className="reply_original">
        <ActivityContent activity={activity} />
      </div>
      <form className="reply_form" data-action={ACTION.reply} onSubmit={(event) => void postReply(event)}>
        <ComposeField
          label="Reply message"
          placeholder="Crud your reply"
          value={message}
          onChange={setMessage}
          maxChars={REPLY_MAX_CHARS}
          errorsId={`${id}-errors`}
          rows={3}
        />
        <FormErrors id={`${id}-errors`} messages={errors} />
        <div className="reply_form_submit">
          <button type="submit" className="button" disabled={pending}>
            Reply
          </button>
        </div>
      </form>
    </Popup>
  );
};
