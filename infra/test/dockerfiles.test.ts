import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { dockerStage, dockerStages, pinnedPnpm, readRepoFile, repoPath } from './repo.js';

const dockerfile = readRepoFile('Dockerfile');

/** `FROM <parent> AS <stage>` of every stage. */
const parents = new Map([...dockerfile.matchAll(/^FROM\s+(\S+)\s+AS\s+(\S+)\s*$/gim)].map((m) => [m[2] ?? '', m[1] ?? '']));

/** Whether `stage` starts from the shared workspace stage, directly or through others. */
const fromWorkspace = (stage: string): boolean => {
  const parent = parents.get(stage);
  return parent === 'workspace' || (parent !== undefined && parents.has(parent) && fromWorkspace(parent));
};

describe('the Dockerfile', () => {
  it('has a dev and a production target for each app, and one for the trace viewer', () => {
    expect(dockerStages(dockerfile)).toEqual(
      expect.arrayContaining(['backend-dev', 'backend-prod', 'frontend-dev', 'frontend-prod', 'trace-viewer']),
    );
  });

  it('installs pnpm, fetches the store and copies the sources once, in the stage every build starts from', () => {
    const workspace = dockerStage(dockerfile, 'workspace');
    expect(workspace).toContain(`pnpm@${pinnedPnpm()}`);
    expect(workspace).not.toMatch(/^RUN .*corepack enable/m);
    expect(workspace).toMatch(/^RUN pnpm fetch$/m);
    expect(workspace).toMatch(/^COPY \. \.$/m);
    for (const pattern of [/npm install --global pnpm/g, /^RUN pnpm fetch$/gm, /^COPY \. \.$/gm]) {
      expect(dockerfile.match(pattern), String(pattern)).toHaveLength(1);
    }
    for (const stage of ['backend-dev', 'backend-build', 'frontend-dev', 'frontend-build', 'trace-viewer-build']) {
      expect(fromWorkspace(stage), stage).toBe(true);
    }
  });

  it('runs the production API as a non-root user with runtime dependencies only', () => {
    const prod = dockerStage(dockerfile, 'backend-prod');
    expect(prod).toMatch(/^USER\s+node\s*$/m);
    expect(prod).toMatch(/^ENV\s+NODE_ENV=production/m);
    expect(prod).toMatch(/^COPY --from=backend-build --chown=node:node \/out /m);
    expect(dockerStage(dockerfile, 'backend-build')).toMatch(/deploy --prod/);
    expect(prod).not.toMatch(/pnpm install/);
    expect(fromWorkspace('backend-prod')).toBe(false);
  });

  it('ships the X-Ray sampling rule with the production API and points it there', () => {
    const prod = dockerStage(dockerfile, 'backend-prod');
    const copied = /^COPY --from=backend-build --chown=node:node \/repo\/(\S+) (\S+)$/m.exec(prod);
    expect(copied?.[1]).toBe('aws/json/xray.json');
    expect(existsSync(repoPath('aws', 'json', 'xray.json'))).toBe(true);
    // WORKDIR /app: the copy lands where the variable says.
    expect(prod).toMatch(/^WORKDIR \/app$/m);
    expect(copied?.[2]).toBe('./aws/json/xray.json');
    expect(prod).toMatch(/^ENV AWS_XRAY_SAMPLING_RULES_FILE=\/app\/aws\/json\/xray\.json$/m);
    // The build stage has the whole repository, rule file included.
    expect(fromWorkspace('backend-build')).toBe(true);
    expect(readRepoFile('.dockerignore').split('\n')).not.toContain('aws');
  });

  it('runs the trace viewer as a non-root user listening beyond loopback', () => {
    const viewer = dockerStage(dockerfile, 'trace-viewer');
    expect(viewer).toMatch(/^USER\s+node\s*$/m);
    expect(viewer).toMatch(/TRACE_VIEWER_HOST=0\.0\.0\.0/);
  });

  it('serves the production web app from an unprivileged nginx on 3000 with SPA fallback', () => {
    const prod = dockerStage(dockerfile, 'frontend-prod');
    expect(prod).toMatch(/^FROM nginxinc\/nginx-unprivileged:/m);
    const nginx = readRepoFile('apps', 'frontend-react-js', 'nginx.conf');
    expect(nginx).toMatch(/listen 3000;/);
    expect(nginx).toMatch(/try_files \$uri \/index\.html;/);
  });

  it('keeps build output, dependencies and secrets out of the build context', () => {
    const ignored = readRepoFile('.dockerignore').split('\n');
    expect(ignored).toEqual(expect.arrayContaining(['**/node_modules', '**/dist', '.env', '.git']));
  });
});
