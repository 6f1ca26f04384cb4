/**
 * User actions in the browser. Each one is the root span of exactly one
 * trace, named by its action; the fetches it causes are its children.
 */
export const ACTION = {
  pageLoad: 'page-load',
  openHome: 'open-home',
  openNotifications: 'open-notifications',
  openMessages: 'open-messages',
  openConversation: 'open-conversation',
  openProfile: 'open-profile',
  openActivity: 'open-activity',
  postCrud: 'post-crud',
  reply: 'reply',
  search: 'search',
  sendMessage: 'send-message',
  signUp: 'sign-up',
  confirm: 'confirm',
  signIn: 'sign-in',
  signOut: 'sign-out',
  recoverPassword: 'recover-password',
  retry: 'retry',
  /** The buttons of /faults, a page only builds with the fault switch have (apps/frontend-react-js/src/faults/). */
  injectFault: 'inject-fault',
} as const;

export type ActionName = (typeof ACTION)[keyof typeof ACTION];

const actionNames: ReadonlySet<string> = new Set(Object.values(ACTION));

export const isActionName = (value: unknown): value is ActionName =>
  typeof value === 'string' && actionNames.has(value);
