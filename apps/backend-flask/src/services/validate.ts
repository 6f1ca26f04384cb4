import { charCount, type ValidationError } from '@cruddur/api-contract';

/** Missing fields count as blank: the client gets the same 422 code either way. */
export const isBlank = (value: string | undefined): boolean => (value?.trim() ?? '') === '';

export const messageErrors = (message: string | undefined, maxChars: number): ValidationError[] => {
  if (message === undefined || isBlank(message)) return ['message_blank'];
  return charCount(message) > maxChars ? ['message_exceed_max_chars'] : [];
};
