// `pnpm --filter @cruddur/bench cpu-profile [--variant B] [--duration 8]`: one
// variant of the API under the bench's load with node --cpu-prof, then where
// its main thread spent the time, by package and by function.
import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startApi } from './api-server.js';
import { summarizeProfile, type CpuProfile, type ProfileSummary } from './cpu-profile.js';
import { formatNumber } from './format.js';
import { freePort } from './free-port.js';
import { runLoad } from './load.js';
import { renderTable } from './markdown.js';
import { PATHS } from './paths.js';
import { killChildrenOnExit } from './processes.js';
import { startReceiver } from './receiver-process.js';
import { VARIANT_IDS, type VariantId } from './results.js';
import { variantLaunches } from './variants.js';

const CONNECTIONS = 10;
const WARMUP_SEC = 2;
const POST_BODY = JSON.stringify({ message: 'Profiling what tracing costs.', ttl: '7-days' });

const percent = (share: number) => `${(share * 100).toFixed(1)} %`;

const renderSummary = (variant: VariantId, durationSec: number, summary: ProfileSummary): string =>
  [
    `# CPU profile of variant ${variant} under load`,
    '',
    `${String(durationSec)} s of GET /api/activities/home, then ${String(durationSec)} s of POST /api/activities, ` +
      `${String(CONNECTIONS)} connections, after ${String(WARMUP_SEC)} s of warm-up each; ` +
      `main thread, ${formatNumber(summary.totalMs)} ms profiled (start-up and shutdown included). Self time:`,
    '',
    renderTable(
      ['package', 'ms', 'share'],
      summary.categories.map(({ name, ms, share }) => [name, formatNumber(ms), percent(share)]),
      ['left', 'right', 'right'],
    ),
    '',
    renderTable(
      ['function', 'package', 'where', 'ms', 'share'],
      summary.functions.map(({ name, category, location, ms, share }) => [name, category, location, formatNumber(ms), percent(share)]),
      ['left', 'left', 'left', 'right', 'right'],
    ),
    '',
  ].join('\n');

const main = async (): Promise<void> => {
  killChildrenOnExit();
  const { values } = parseArgs({ options: { variant: { type: 'string', default: 'B' }, duration: { type: 'string', default: '8' } } });
  const variant = VARIANT_IDS.find((id) => id === values.variant);
  const durationSec = Number(values.duration);
  if (!variant) throw new Error(`--variant must be one of ${VARIANT_IDS.join(', ')}`);
  if (!Number.isInteger(durationSec) || durationSec < 1) throw new Error('--duration must be a whole number of seconds');

  const profileDir = await mkdtemp(join(tmpdir(), 'cruddur-bench-profile-'));
  const receiver = await startReceiver();
  try {
    const launch = variantLaunches(receiver, ['--cpu-prof', `--cpu-prof-dir=${profileDir}`])[variant];
    const api = await startApi(launch, await freePort());
    try {
      const load = { connections: CONNECTIONS, warmup: { seconds: WARMUP_SEC }, measured: { seconds: durationSec } };
      await runLoad({ url: `${api.url}/api/activities/home`, method: 'GET', ...load }, api.cpuTimeMs);
      await runLoad({ url: `${api.url}/api/activities`, method: 'POST', body: POST_BODY, ...load }, api.cpuTimeMs);
    } finally {
      // SIGTERM: the server shuts down cleanly, and node writes the profile as it exits.
      await api.stop();
    }
    const file = (await readdir(profileDir)).find((name) => name.endsWith('.cpuprofile'));
    if (!file) throw new Error('the server wrote no .cpuprofile');
    const profile = JSON.parse(await readFile(join(profileDir, file), 'utf8')) as CpuProfile;
    const markdown = renderSummary(variant, durationSec, summarizeProfile(profile));
    await mkdir(PATHS.resultsDir, { recursive: true });
    const output = join(PATHS.resultsDir, `profile-${variant}.md`);
    await writeFile(output, markdown);
    console.log(markdown);
    console.error(`profile: written to ${output}`);
  } finally {
    await receiver.stop();
    await rm(profileDir, { recursive: true, force: true });
  }
};

main().catch((error: unknown) => {
  console.error(`profile failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
});
