import {
  ACTIVITY_MAX_CHARS,
  MESSAGE_MAX_CHARS,
  REPLY_MAX_CHARS,
  SEARCH_TERM_MAX_CHARS,
  type ValidationError,
} from '@cruddur/api-contract';
import { ApiError } from './ApiError';

/** What the form is about, so messages read "Your reply is longer than 1024 characters". */
export interface Subject {
  noun: string;
  maxChars: number;
}

export const CRUD: Subject = { noun: 'crud', maxChars: ACTIVITY_MAX_CHARS };
export const REPLY: Subject = { noun: 'reply', maxChars: REPLY_MAX_CHARS };
export const MESSAGE: Subject = { noun: 'message', maxChars: MESSAGE_MAX_CHARS };

const describers: Record<ValidationError, (subject: Subject) => string> = {
  message_blank: ({ noun }) => `Your ${noun} can't be blank`,
  message_exceed_max_chars: ({ noun, maxChars }) => `Your ${noun} is longer than ${maxChars} characters`,
  ttl_blank: () => 'Choose when your crud expires',
  ttl_invalid: () => "That expiry option isn't available",
  user_receiver_handle_blank: () => 'Choose who to send the message to',
  search_term_blank: () => 'Type something to search for',
  search_term_exceed_max_chars: () => `Search for at most ${SEARCH_TERM_MAX_CHARS} characters`,
};

const isKnownCode = (code: string): code is ValidationError => Object.hasOwn(describers, code);

/** A human sentence for one validation code from the API. */
export const describeValidationError = (code: string, subject: Subject = CRUD): string =>
  isKnownCode(code) ? describers[code](subject) : `The server rejected this (${code})`;

/** Sentences to show for any failure: one per validation code, else the error's message. */
export const errorMessages = (error: unknown, subject: Subject = CRUD): string[] => {
  if (error instanceof ApiError && error.errors.length > 0) {
    return error.errors.map((code) => describeValidationError(code, subject));
  }
  if (error instanceof Error && error.message !== '') return [error.message];
  return ['Something went wrong. Please try again.'];
};
