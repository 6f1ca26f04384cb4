import { describe, expect, it } from 'vitest';
import { chromiumLaunchOptions } from '../index.js';

describe('chromium launch options', () => {
  it("drive Debian's chromium without its background calls home", () => {
    expect(chromiumLaunchOptions.executablePath).toBe(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium');
    expect(chromiumLaunchOptions.args).toEqual(
      expect.arrayContaining(['--no-sandbox', '--disable-background-networking', '--disable-component-update']),
    );
  });
});
