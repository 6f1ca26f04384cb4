import type { Diagnosis } from '../registry.js';

/** What a live check adds: table rows and findings, like the offline ones. */
export type LiveResult = Diagnosis;
