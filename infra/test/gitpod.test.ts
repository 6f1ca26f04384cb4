import { describe, expect, it } from 'vitest';
import { pinnedPnpm, readYaml } from './repo.js';

interface Gitpod {
  tasks: { init?: string; command?: string; env?: Record<string, string> }[];
  ports: { port: number; onOpen?: string; visibility?: string }[];
}

const gitpod = readYaml('.gitpod.yml') as Gitpod;
const port = (n: number) => gitpod.ports.find((p) => p.port === n);

describe('.gitpod.yml', () => {
  it('installs and builds once, then runs both apps', () => {
    const [task] = gitpod.tasks;
    expect(task?.init).toContain(`pnpm@${pinnedPnpm()} install --frozen-lockfile`);
    expect(task?.command).toMatch(/pnpm@\S+ dev$/);
  });

  it('opens the web app and exposes the API publicly', () => {
    expect(port(3000)).toMatchObject({ onOpen: 'open-browser', visibility: 'public' });
    expect(port(4567)).toMatchObject({ visibility: 'public' });
  });
});

describe('.gitpod.yml trace viewer', () => {
  it('forwards the viewer privately, listening beyond loopback', () => {
    expect(port(4318)).toMatchObject({ visibility: 'private' });
    expect(gitpod.tasks[0]?.env).toHaveProperty('TRACE_VIEWER_HOST', '0.0.0.0');
  });
});
