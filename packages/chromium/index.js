// Playwright cannot download its own browsers here: every browser test
// drives Debian's chromium, started the same way.

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Launch options for Playwright's `use.launchOptions`. */
export const chromiumLaunchOptions = {
  executablePath: chromiumPath,
  args: [
    // Root in CI: the sandbox needs user namespaces we may not have.
    '--no-sandbox',
    '--disable-gpu',
    // Without these Chromium keeps calling Google's hosts, which this
    // network refuses, many at a time.
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};
