// The one place the app talks to the Cruddur API: one named function per
// endpoint, all funnelled through `request`.
import type {
  Activity,
  CreateActivityBody,
  CreateMessageBody,
  CreateReplyBody,
  Message,
  MessageGroup,
  UserActivities,
} from '@cruddur/api-contract';
import { ApiError, apiErrorFromResponse, NETWORK_ERROR_STATUS } from './ApiError';

export const backendUrl: string = import.meta.env.VITE_BACKEND_URL;

export interface RequestOptions {
  signal?: AbortSignal;
}

const isAbort = (error: unknown): boolean => error instanceof DOMException && error.name === 'AbortError';

const parseJson = (text: string): unknown => {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
};

const request = async <T>(
  method: 'GET' | 'POST',
  path: string,
  { signal }: RequestOptions = {},
  body?: object,
): Promise<T> => {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';

  let response: Response;
  try {
    response = await fetch(`${backendUrl}${path}`, {
      method,
      headers,
      body: body === undefined ? null : JSON.stringify(body),
      signal: signal ?? null,
    });
  } catch (cause) {
    if (isAbort(cause)) throw cause;
    throw new ApiError({
      status: NETWORK_ERROR_STATUS,
      error: 'network_error',
      message: `Could not reach the Cruddur API at ${backendUrl}. Check your connection and try again.`,
      cause,
    });
  }

  const payload = parseJson(await response.text());
  if (!response.ok) throw apiErrorFromResponse(response.status, payload);
  if (payload === undefined) {
    throw new ApiError({
      status: response.status,
      error: 'invalid_response',
      message: 'The Cruddur API sent a response that is not JSON.',
    });
  }
  return payload as T;
};

const handlePath = (handle: string): string => `@${encodeURIComponent(handle)}`;

export const getHomeActivities = (options?: RequestOptions): Promise<Activity[]> =>
  request('GET', '/api/activities/home', options);

export const getNotifications = (options?: RequestOptions): Promise<Activity[]> =>
  request('GET', '/api/activities/notifications', options);

export const getUserActivities = (handle: string, options?: RequestOptions): Promise<UserActivities> =>
  request('GET', `/api/activities/${handlePath(handle)}`, options);

export const searchActivities = (term: string, options?: RequestOptions): Promise<Activity[]> =>
  request('GET', `/api/activities/search?${new URLSearchParams({ term }).toString()}`, options);

export const getActivity = (uuid: string, options?: RequestOptions): Promise<Activity> =>
  request('GET', `/api/activities/${encodeURIComponent(uuid)}`, options);

export const createActivity = (body: Required<CreateActivityBody>, options?: RequestOptions): Promise<Activity> =>
  request('POST', '/api/activities', options, body);

export const createReply = (uuid: string, body: Required<CreateReplyBody>, options?: RequestOptions): Promise<Activity> =>
  request('POST', `/api/activities/${encodeURIComponent(uuid)}/reply`, options, body);

export const getMessageGroups = (options?: RequestOptions): Promise<MessageGroup[]> =>
  request('GET', '/api/message_groups', options);

export const getMessages = (handle: string, options?: RequestOptions): Promise<Message[]> =>
  request('GET', `/api/messages/${handlePath(handle)}`, options);

export const createMessage = (body: Required<CreateMessageBody>, options?: RequestOptions): Promise<Message> =>
  request('POST', '/api/messages', options, body);
