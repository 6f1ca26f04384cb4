import { startApi } from './api-server.js';
import { freePort } from './free-port.js';
import { runLoad, type LoadRequest } from './load.js';
import type { Receiver } from './receiver-process.js';
import { VARIANT_IDS, type ServerRound, type Settings, type VariantId } from './results.js';
import { trafficBetween } from './traffic.js';
import { variantLaunches } from './variants.js';

/** A valid crud: 201 every time, so the POST path does its full work. */
const POST_BODY = JSON.stringify({ message: 'Measuring what tracing costs, one crud at a time.', ttl: '7-days' });

/** Round r starts with the r-th variant, so none is always first or last. */
export const roundOrder = (round: number): VariantId[] =>
  VARIANT_IDS.map((_id, index) => VARIANT_IDS[(round + index) % VARIANT_IDS.length] as VariantId);

/**
 * Each round starts every variant in turn as a fresh process, loads GET home
 * for a fixed time and then POST for a fixed count (home first: posting
 * grows the feed home returns, and each POST's answer costs more as the
 * store grows, so every variant posts as many), reads its peak RSS and
 * stops it.
 */
export const runApiRounds = async (
  settings: Settings,
  receiver: Receiver,
  progress: (line: string) => void,
): Promise<ServerRound[]> => {
  const launches = variantLaunches(receiver);
  const rounds: ServerRound[] = [];
  for (let round = 0; round < settings.rounds; round++) {
    for (const variant of roundOrder(round)) {
      const before = await receiver.counts();
      const api = await startApi(launches[variant], await freePort());
      const home: LoadRequest = {
        url: `${api.url}/api/activities/home`,
        method: 'GET',
        connections: settings.connections,
        warmup: { seconds: settings.warmupSec },
        measured: { seconds: settings.durationSec },
      };
      const post: LoadRequest = {
        url: `${api.url}/api/activities`,
        method: 'POST',
        body: POST_BODY,
        connections: settings.connections,
        warmup: { requests: Math.ceil(settings.posts / 5) },
        measured: { requests: settings.posts },
      };
      try {
        const homeResult = await runLoad(home, api.cpuTimeMs);
        const postResult = await runLoad(post, api.cpuTimeMs);
        const peakRssKb = await api.peakRssKb();
        await api.stop();
        const received = trafficBetween(before, await receiver.counts());
        rounds.push({ variant, round, startupMs: api.startupMs, peakRssKb, home: homeResult, post: postResult, received });
        progress(
          `round ${String(round + 1)}/${String(settings.rounds)} ${variant}: start-up ${api.startupMs.toFixed(0)} ms, ` +
            `home ${homeResult.rps.toFixed(0)} req/s ${homeResult.cpuUsPerRequest.toFixed(0)} µs CPU/req, ` +
            `POST ${postResult.rps.toFixed(0)} req/s ${postResult.cpuUsPerRequest.toFixed(0)} µs CPU/req, peak RSS ${(peakRssKb / 1024).toFixed(0)} MB`,
        );
      } finally {
        await api.stop();
      }
    }
  }
  return rounds;
};
