import { useState } from 'react';
import { errorMessages, type Subject } from '../api/errorMessages';

export interface Submission {
  pending: boolean;
  /** Human messages for the last failure, e.g. one per API validation code. */
  errors: string[];
  /** Runs one API call; resolves to its result, or undefined after showing why it failed. */
  run: <T>(action: () => Promise<T>) => Promise<T | undefined>;
}

/** Pending and error state for a form that posts to the API. */
export const useSubmission = (subject: Subject): Submission => {
  const [pending, setPending] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);

  const run = async <T,>(action: () => Promise<T>): Promise<T | undefined> => {
    setPending(true);
    setErrors([]);
    try {
      return await action();
    } catch (error) {
      setErrors(errorMessages(error, subject));
      return undefined;
    } finally {
      setPending(false);
    }
  };

  return { pending, errors, run };
};
