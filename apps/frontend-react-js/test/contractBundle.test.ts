// @vitest-environment node
import { build, type Rolldown } from 'vite';
import { expect, it } from 'vitest';
import { APP_DIR } from './viteBuild';

// The contract's schemas are TypeBox values at `@cruddur/api-contract/schemas`; the app imports the
// package's root, whose types come from them and vanish in the build, and whose limits are plain values.
it('bundles the contract limits but no TypeBox code', async () => {
  const result = await build({ root: APP_DIR, logLevel: 'warn', build: { write: false } });
  const modules = (Array.isArray(result) ? result : [result as Rolldown.RolldownOutput])
    .flatMap((output) => output.output)
    .flatMap((file) => (file.type === 'chunk' ? Object.keys(file.modules) : []));

  expect(modules.filter((id) => /[\\/]api-contract[\\/]dist[\\/]limits\.js$/.test(id))).toHaveLength(1);
  expect(modules.filter((id) => /[\\/](typebox|schemas)[\\/]/.test(id))).toEqual([]);
}, 60_000);
