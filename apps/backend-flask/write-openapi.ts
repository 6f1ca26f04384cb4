// Writes openapi.json: the document GET /api/openapi.json serves, for readers
// of the repository. test/openapi-document.test.ts fails when it is stale.
import { writeFile } from 'node:fs/promises';
import { buildApp } from './src/app.js';
import { loadConfig } from './src/config.js';

const OPENAPI_FILE = new URL('openapi.json', import.meta.url);

const app = await buildApp(loadConfig({}), { logger: false });
await app.ready();
await writeFile(OPENAPI_FILE, `${JSON.stringify(app.swagger(), null, 2)}\n`);
await app.close();
