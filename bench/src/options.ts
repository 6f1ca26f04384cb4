import { parseArgs } from 'node:util';
import { type Part, PARTS, type Settings } from './results.js';

const DEFAULTS: Settings = {
  rounds: 5,
  connections: 10,
  warmupSec: 2,
  durationSec: 6,
  posts: 6000,
  clicks: 20,
  pageClicks: 20,
  streamSpansPerSec: 2000,
  parts: PARTS,
};

const positiveInteger = (name: string, value: string | undefined, fallback: number): number => {
  if (value === undefined) return fallback;
  const number = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(number) || number < 1) throw new Error(`--${name} must be a whole number of at least 1, got ${JSON.stringify(value)}`);
  return number;
};

const isPart = (name: string): name is Part => (PARTS as readonly string[]).includes(name);

/** `--only a,b` (or `--only a --only b`): those parts, in the order a full run has them. */
const readParts = (values: readonly string[] | undefined): readonly Part[] => {
  if (values === undefined) return DEFAULTS.parts;
  const names = values.flatMap((value) => value.split(',')).map((name) => name.trim());
  for (const name of names) {
    if (!isPart(name)) throw new Error(`--only takes parts of ${PARTS.join(', ')}, got ${JSON.stringify(name)}`);
  }
  return PARTS.filter((part) => names.includes(part));
};

/**
 * `--rounds 5 --connections 10 --warmup 2 --duration 6 --posts 6000 --clicks 20
 * --page-clicks 20 --stream-rate 2000` (the defaults), and `--only` to run
 * some parts alone (results/ is then left as it is).
 */
export const readSettings = (args: readonly string[]): Settings => {
  const { values } = parseArgs({
    // `pnpm --filter @cruddur/bench bench -- --only …` passes the `--` on.
    args: args[0] === '--' ? args.slice(1) : [...args],
    options: {
      rounds: { type: 'string' },
      connections: { type: 'string' },
      duration: { type: 'string' },
      warmup: { type: 'string' },
      posts: { type: 'string' },
      clicks: { type: 'string' },
      'page-clicks': { type: 'string' },
      'stream-rate': { type: 'string' },
      only: { type: 'string', multiple: true },
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
    pageClicks: positiveInteger('page-clicks', values['page-clicks'], DEFAULTS.pageClicks),
    streamSpansPerSec: positiveInteger('stream-rate', values['stream-rate'], DEFAULTS.streamSpansPerSec),
    parts: readParts(values.only),
  };
};
