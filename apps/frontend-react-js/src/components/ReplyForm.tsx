import { REPLY_MAX_CHARS, type Activity } from '@cruddur/api-contract';
import { useId, useState, type SubmitEvent } from 'react';
import { createReply } from '../api/client';
import { REPLY } from '../api/errorMessages';
import { useSubmission } from '../lib/useSubmission';
import { ActivityContent } from './ActivityContent';
import { ComposeField } from './ComposeField';
import { FormErrors } from './FormErrors';
import { Popup } from './Popup';
import './ReplyForm.css';

interface ReplyFormProps {
  activity: Activity;
  onCreated: (reply: Activity) => void;
  onClose: () => void;
}

/** Popup quoting the crud being answered, with a composer for the reply. */
export const ReplyForm = ({ activity, onCreated, onClose }: ReplyFormProps) => {
  const id = useId();
  const [message, setMessage] = useState('');
  const { pending, errors, run } = useSubmission(REPLY);

  const postReply = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const reply = await run(() => createReply(activity.uuid, { message }));
    if (reply) onCreated(reply);
  };

  return (
    <Popup title={`Reply to ${activity.display_name}`} onClose={onClose}>
      <div className="reply_original">
        <ActivityContent activity={activity} />
      </div>
      <form className="reply_form" onSubmit={(event) => void postReply(event)}>
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
