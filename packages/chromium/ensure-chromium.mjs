// Playwright cannot download its own browsers here, so the end-to-end tests
// drive Debian's chromium. Install it when missing (as root, or through sudo)
// and stop with a clear message when that is not possible.
import { execFileSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';

const browser = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** @param {string} path */
const executable = (path) => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/** @param {string} name */
const onPath = (name) => {
  try {
    execFileSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

if (executable(browser)) process.exit(0);

if (process.env.CHROMIUM_PATH) {
  console.error(`CHROMIUM_PATH=${browser} is not an executable file.`);
  process.exit(1);
}
if (!onPath('apt-get')) {
  console.error('Chromium is missing and there is no apt-get: install Chromium and set CHROMIUM_PATH to its binary.');
  process.exit(1);
}

const root = process.getuid?.() === 0;
if (!root && !onPath('sudo')) {
  console.error('Chromium is missing: run `apt-get install -y chromium` as root, or set CHROMIUM_PATH.');
  process.exit(1);
}
/** @param {string[]} args */
const run = (args) => {
  const [cmd = '', ...rest] = root ? args : ['sudo', ...args];
  execFileSync(cmd, rest, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
};

console.log('Installing Debian chromium for the end-to-end tests (one time)...');
run(['apt-get', 'update', '-qq']);
run(['apt-get', 'install', '-y', '-qq', '--no-install-recommends', 'chromium']);
if (!executable(browser)) {
  console.error(`apt-get finished but ${browser} is still missing.`);
  process.exit(1);
}
