import { describe, expect, it } from 'vitest';
import { ApiError } from '../src/api/ApiError';
import { describeValidationError, errorMessages, MESSAGE, REPLY } from '../src/api/errorMessages';

describe('validation messages', () => {
  it('explains an over-long crud with the crud limit', () => {
    expect(describeValidationError('message_exceed_max_chars')).toBe('Your crud is longer than 280 characters');
  });

  it('uses the form subject and its limit', () => {
    expect(describeValidationError('message_exceed_max_chars', REPLY)).toBe('Your reply is longer than 1024 characters');
    expect(describeValidationError('message_blank', MESSAGE)).toBe("Your message can't be blank");
  });

  it('covers the expiry and receiver codes', () => {
    expect(describeValidationError('ttl_blank')).toBe('Choose when your crud expires');
    expect(describeValidationError('ttl_invalid')).toBe("That expiry option isn't available");
    expect(describeValidationError('user_receiver_handle_blank')).toBe('Choose who to send the message to');
  });

  it('still says something for a code it does not know', () => {
    expect(describeValidationError('shrug')).toBe('The server rejected this (shrug)');
  });

  it('gives one sentence per validation code of an ApiError', () => {
    const error = new ApiError({ status: 422, error: 'validation_failed', errors: ['message_blank', 'ttl_invalid'], message: 'x' });
    expect(errorMessages(error)).toEqual(["Your crud can't be blank", "That expiry option isn't available"]);
  });

  it("falls back to the error's own message", () => {
    expect(errorMessages(new ApiError({ status: 0, error: 'network_error', message: 'Offline' }))).toEqual(['Offline']);
    expect(errorMessages('weird')).toEqual(['Something went wrong. Please try again.']);
  });
});
