/**
 * Preloaded into a spawned server through NODE_OPTIONS (`--import`, Node
 * strips the types): appends the URL of every module the process loads,
 * ESM or CommonJS, to the file RECORD_LOADS_TO names. The hooks run in the
 * process's own thread, registered before the app or its tracing load.
 */
import { appendFileSync } from 'node:fs';
import { registerHooks } from 'node:module';

const file = process.env.RECORD_LOADS_TO;
if (file !== undefined) {
  registerHooks({
    load: (url, context, nextLoad) => {
      appendFileSync(file, `${url}\n`);
      return nextLoad(url, context);
    },
  });
}
