import { ACTIVITY_MAX_CHARS, isTtl, TTLS, type Activity, type Ttl } from '@cruddur/api-contract';
import { ACTION } from '@cruddur/telemetry-conventions';
import { useId, useState, type SubmitEvent } from 'react';
import { createActivity } from '../api/client';
import { CRUD } from '../api/errorMessages';
import { useSubmission } from '../lib/useSubmission';
import { ComposeField } from './ComposeField';
import { FormErrors } from './FormErrors';
import './ActivityForm.css';

const DEFAULT_TTL: Ttl = '7-days';

/** "30-days" → "30 days". */
const ttlLabel = (ttl: Ttl): string => ttl.replace('-', ' ');

interface ActivityFormProps {
  onCreated: (activity: Activity) => void;
}

/** Composer for a new crud: message, expiry, and the API's verdict. */
export const ActivityForm = ({ onCreated }: ActivityFormProps) => {
  const id = useId();
  const [message, setMessage] = useState('');
  const [ttl, setTtl] = useState<Ttl>(DEFAULT_TTL);
  const { pending, errors, run } = useSubmission(CRUD);

  const postCrud = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const activity = await run(() => createActivity({ message, ttl }));
    if (activity) {
      setMessage('');
      onCreated(activity);
    }
  };

  return (
    <form className="activity_form" data-action={ACTION.postCrud} onSubmit={(event) => void postCrud(event)}>
      <ComposeField
        label="Crud message"
        placeholder="What would you like to say?"
        value={message}
        onChange={setMessage}
        maxChars={ACTIVITY_MAX_CHARS}
        errorsId={`${id}-errors`}
      />
      <FormErrors id={`${id}-errors`} messages={errors} />
      <div className="activity_form_submit">
        <label className="ttl_field">
          <span>Expires after</span>
          <select
            value={ttl}
            onChange={(event) => {
              if (isTtl(event.target.value)) setTtl(event.target.value);
            }}
          >
            {TTLS.map((option) => (
              <option key={option} value={option}>
                {ttlLabel(option)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button" disabled={pending}>
          Crud
        </button>
      </div>
    </form>
  );
};
