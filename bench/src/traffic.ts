import type { ReceiverTraffic } from './results.js';

/** What arrived between two snapshots of the receiver's counters. */
export const trafficBetween = (before: ReceiverTraffic, after: ReceiverTraffic): ReceiverTraffic => ({
  otlp: Object.fromEntries(
    Object.entries(after.otlp)
      .map(([path, { requests, bytes }]) => [
        path,
        { requests: requests - (before.otlp[path]?.requests ?? 0), bytes: bytes - (before.otlp[path]?.bytes ?? 0) },
      ] as const)
      // Paths only other variants sent to.
      .filter(([, { requests }]) => requests > 0),
  ),
  udp: { datagrams: after.udp.datagrams - before.udp.datagrams, bytes: after.udp.bytes - before.udp.bytes },
});
