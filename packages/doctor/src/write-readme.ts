import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderTroubleshooting, replaceSection } from './troubleshooting.js';

// `pnpm --filter @cruddur/doctor run readme`: dist/write-readme.js → packages/doctor → packages → the root README.
const readmePath = fileURLToPath(new URL('../../../README.md', import.meta.url));
const before = readFileSync(readmePath, 'utf8');
const after = replaceSection(before, renderTroubleshooting());
if (after === before) {
  process.stdout.write(`${readmePath}: Troubleshooting is up to date\n`);
} else {
  writeFileSync(readmePath, after);
  process.stdout.write(`${readmePath}: Troubleshooting regenerated\n`);
}
