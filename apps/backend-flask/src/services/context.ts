import type { Store } from '../store/store.js';

/** What every use case runs against: the data, the time, and whose session it is. */
export interface ServiceContext {
  readonly store: Store;
  /** Read once per use case, so a request sees one consistent "now". */
  readonly clock: () => Date;
  readonly currentUserHandle: string;
}
