import Type, { type Static } from 'typebox';
import { REQUEST_ERRORS, VALIDATION_ERRORS, type RequestError, type ValidationError } from '../errors.js';

/** One of `codes`, typed as a string so the serializer writes it directly. */
const codeOf = <const Codes extends readonly string[]>(codes: Codes) =>
  Type.Enum<[...Codes]>(codes, { type: 'string' });

/**
 * `{"error": code, "message": text}`: the answer to a request refused before
 * its use case ran, or to a missing resource, or a failure. `codes` are the
 * ones this answer can carry; `description` says when it comes.
 */
export const requestErrorBody = <const Codes extends readonly RequestError[]>(codes: Codes, description: string) =>
  Type.Object({ error: codeOf(codes), message: Type.String() }, { description });

/** `{"errors": [code, ...]}` with status 422: every invalid field of the request at once. */
export const validationErrorBody = <const Codes extends readonly ValidationError[]>(codes: Codes) =>
  Type.Object(
    { errors: Type.Array(codeOf(codes)) },
    { description: 'Invalid input: the codes of every invalid field, at once' },
  );

export const RequestErrorBody = requestErrorBody(REQUEST_ERRORS, 'Any other refusal or failure');
export type RequestErrorBody = Static<typeof RequestErrorBody>;

export const ValidationErrorBody = validationErrorBody(VALIDATION_ERRORS);
export type ValidationErrorBody = Static<typeof ValidationErrorBody>;
