import { parseArgs } from 'node:util';
import type { Settings } from './results.js';

const DEFAULTS: Settings = { rounds: 5, connections: 10, warmupSec: 2, durationSec: 6, posts: 6000, clicks: 20 };

const positiveInteger = (name: string, value: string | undefined, fallback: number): number => {
  if (value === undefined) return fallback;
  const number = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(number) || number < 1) throw new Error(`--${name} must be a whole number of at least 1, got ${JSON.stringify(value)}`);
  return number;
};

/** `--rounds 5 --connections 10 --warmup 2 --duration 6 --posts 6000 --clicks 20` (the defaults). */
export const readSettings = (args: readonly string[]): Settings => {
  const { values } = parseArgs({
    args: [...args],
    options: {
      rounds: { type: 'string' },
      connections: { type: 'string' },
      duration: { type: 'string' },
      warmup: { type: 'string' },
      posts: { type: 'string' },
      clicks: { type: 'string' },
    },
    strict: true,
  });
  return {
    rounds: positiveInteger('rounds', values.rounds, DEFAULTS.rounds),
    connections: positiveInteger('connections', values.connections, DEFAULTS.connections),
    warmupSec: positiveInteger('warmup', values.warmup, DEFAULTS.warmupSec),
    durationSec: positiveInteger('duration', values.duration, DEFAULTS.durationSec),
    posts: positiveInteger('posts', values.posts, DEFAULTS.posts),
    clicks: positiveInteger('clicks', values.clicks, DEFAULTS.clicks),
  };
};
