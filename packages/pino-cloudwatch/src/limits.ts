/** PutLogEvents quotas, from the CloudWatch Logs API reference. */

/** Counted on top of each message's UTF-8 bytes towards the batch size. */
export const EVENT_OVERHEAD_BYTES = 26;
/** A batch: messages in UTF-8 plus 26 bytes per event. */
export const MAX_BATCH_BYTES = 1_048_576;
export const MAX_BATCH_EVENTS = 10_000;
/** The oldest and newest event of one batch may be at most a day apart. */
export const MAX_BATCH_SPAN_MS = 24 * 60 * 60 * 1000;
/**
 * One event, overhead included. The service has since raised its limit to
 * 1 MB; 256 KB is accepted everywhere and keeps a single line from taking a
 * whole batch.
 */
export const DEFAULT_MAX_EVENT_BYTES = 256 * 1024;
