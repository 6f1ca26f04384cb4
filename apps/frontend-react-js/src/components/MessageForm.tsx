import { MESSAGE_MAX_CHARS, type Message } from '@cruddur/api-contract';
import { ACTION } from '@cruddur/telemetry-conventions';
import { useId, useState, type SubmitEvent } from 'react';
import { createMessage } from '../api/client';
import { MESSAGE } from '../api/errorMessages';
import { useSubmission } from '../lib/useSubmission';
import { ComposeField } from './ComposeField';
import { FormErrors } from './FormErrors';
import './MessageForm.css';

interface MessageFormProps {
  /** Who the message goes to. */
  handle: string;
  onCreated: (message: Message) => void;
}

/** Composer for a direct message to `handle`. */
export const MessageForm = ({ handle, onCreated }: MessageFormProps) => {
  const id = useId();
  const [message, setMessage] = useState('');
  const { pending, errors, run } = useSubmission(MESSAGE);

  const sendMessage = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const sent = await run(() => createMessage({ message, user_receiver_handle: handle }));
    if (sent) {
      setMessage('');
      onCreated(sent);
    }
  };

  return (
    <form className="message_form" data-action={ACTION.sendMessage} onSubmit={(event) => void sendMessage(event)}>
      <ComposeField
        label="Message"
        placeholder="Send a direct message…"
        value={message}
        onChange={setMessage}
        maxChars={MESSAGE_MAX_CHARS}
        errorsId={`${id}-errors`}
        rows={2}
      />
      <FormErrors id={`${id}-errors`} messages={errors} />
      <div className="message_form_submit">
        <button type="submit" className="button" disabled={pending}>
          Send
        </button>
      </div>
    </form>
  );
};
