import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { dockerStage, dockerStages, pinnedPnpm, readRepoFile, repoPath } from './repo.js';

const apps = ['backend-flask', 'frontend-react-js'] as const;
const dockerfile = (app: string): string => readRepoFile('apps', app, 'Dockerfile');

describe('Dockerfiles', () => {
  it.each(apps)('%s has a dev target and a production target', (app) => {
    expect(dockerStages(dockerfile(app))).toEqual(expect.arrayContaining(['dev', 'prod']));
  });

  it.each(apps)('%s installs the pnpm version package.json pins, without corepack', (app) => {
    const text = dockerfile(app);
    expect(text).toContain(`pnpm@${pinnedPnpm()}`);
    expect(text).not.toMatch(/^RUN .*corepack enable/m);
  });

  it('runs the production API as a non-root user with runtime dependencies only', () => {
    const prod = dockerStage(dockerfile('backend-flask'), 'prod');
    expect(prod).toMatch(/^USER\s+node\s*$/m);
    expect(prod).toMatch(/^ENV\s+NODE_ENV=production/m);
    expect(prod).toMatch(/^COPY --from=build --chown=node:node \/out /m);
    expect(dockerStage(dockerfile('backend-flask'), 'build')).toMatch(/deploy --prod/);
    expect(prod).not.toMatch(/pnpm install/);
  });

  it('ships the X-Ray sampling rule with the production API and points it there', () => {
    const text = dockerfile('backend-flask');
    const prod = dockerStage(text, 'prod');
    const copied = /^COPY --from=build --chown=node:node \/repo\/(\S+) (\S+)$/m.exec(prod);
    expect(copied?.[1]).toBe('aws/json/xray.json');
    expect(existsSync(repoPath('aws', 'json', 'xray.json'))).toBe(true);
    // WORKDIR /app: the copy lands where the variable says.
    expect(prod).toMatch(/^WORKDIR \/app$/m);
    expect(copied?.[2]).toBe('./aws/json/xray.json');
    expect(prod).toMatch(/^ENV AWS_XRAY_SAMPLING_RULES_FILE=\/app\/aws\/json\/xray\.json$/m);
    // The build stage has the whole repository, rule file included.
    expect(dockerStage(text, 'base')).toMatch(/^COPY \. \.$/m);
    expect(readRepoFile('.dockerignore').split('\n')).not.toContain('aws');
  });

  it('runs the trace viewer as a non-root user listening beyond loopback', () => {
    const prod = dockerStage(readRepoFile('packages', 'trace-viewer', 'Dockerfile'), 'prod');
    expect(prod).toMatch(/^USER\s+node\s*$/m);
    expect(prod).toMatch(/TRACE_VIEWER_HOST=0\.0\.0\.0/);
  });

  it('serves the production web app from an unprivileged nginx on 3000 with SPA fallback', () => {
    const prod = dockerStage(dockerfile('frontend-react-js'), 'prod');
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
