import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dockerStages, readRepoFile, readYaml, repoPath, repoRoot } from './repo.js';

interface Service {
  build: { context: string; dockerfile: string; target: string };
  image?: string;
  command?: string[];
  ports: string[];
  environment: Record<string, string>;
  volumes?: string[];
  depends_on?: string[];
}

const compose = readYaml('docker-compose.yml') as { services: Record<string, Service> };

const service = (name: string): Service => {
  const found = compose.services[name];
  if (!found) throw new Error(`docker-compose.yml has no service ${name}`);
  return found;
};

describe('docker-compose.yml', () => {
  it('runs the API on 4567 and the web app on 3000', () => {
    expect(Object.keys(compose.services)).toEqual(expect.arrayContaining(['backend-flask', 'frontend-react-js']));
    expect(service('backend-flask').ports).toContain('4567:4567');
    expect(service('frontend-react-js').ports).toContain('3000:3000');
  });

  it('builds each service from an existing Dockerfile stage', () => {
    for (const name of ['backend-flask', 'frontend-react-js', 'trace-viewer']) {
      const { build } = service(name);
      const dockerfile = repoPath(build.context, build.dockerfile);
      expect(existsSync(dockerfile), dockerfile).toBe(true);
      expect(dockerStages(readRepoFile(build.context, build.dockerfile))).toContain(build.target);
    }
  });

  it('mounts only directories that exist', () => {
    for (const { volumes = [] } of Object.values(compose.services)) {
      for (const volume of volumes) {
        const source = volume.split(':')[0] ?? '';
        if (source.startsWith('.')) expect(existsSync(repoPath(source)), source).toBe(true);
      }
    }
  });

  it('gives each app the URLs it needs, Gitpod-aware', () => {
    const api = service('backend-flask').environment;
    expect(api).toHaveProperty('FRONTEND_URL');
    expect(api).toHaveProperty('PORT', '4567');
    const web = service('frontend-react-js').environment;
    expect(web).toHaveProperty('BACKEND_URL');
    for (const env of [api, web]) {
      expect(env).toHaveProperty('GITPOD_WORKSPACE_ID');
      expect(env).toHaveProperty('GITPOD_WORKSPACE_CLUSTER_HOST');
    }
  });

  it('sends the API traces to the trace-viewer service unless configured otherwise', () => {
    expect(service('trace-viewer').ports).toContain('4318:4318');
    const api = service('backend-flask');
    expect(api.environment).toHaveProperty('TRACE_VIEWER_ENDPOINT', 'http://trace-viewer:4318');
    expect(api.depends_on).toContain('trace-viewer');
    for (const name of ['HONEYCOMB_API_KEY', 'OTEL_EXPORTER_OTLP_ENDPOINT', 'OTEL_EXPORTER_OTLP_HEADERS', 'OTEL_SDK_DISABLED']) {
      expect(api.environment).toHaveProperty(name);
    }
  });

  it('runs the X-Ray daemon in local mode on 2000/udp (and its TCP proxy on 2000/tcp), and points the API at it', () => {
    const daemon = service('xray-daemon');
    expect(daemon.image).toMatch(/^amazon\/aws-xray-daemon(:[\w.-]+)?$/);
    // Segments travel as UDP datagrams; "2000:2000" alone would publish TCP only. The TCP
    // port is the daemon's sampling proxy, which the doctor probes to find the daemon.
    expect(daemon.ports).toEqual(['2000:2000/udp', '2000:2000/tcp']);
    // The image's entrypoint is the daemon itself: `command` holds flags only, one item
    // each. A single "xray -o -b ..." string would be taken as a stray argument, flags ignored.
    // Without -t the proxy listens on the container's own 127.0.0.1 and the published port leads nowhere.
    expect(daemon.command).toEqual(['-o', '-b', 'xray-daemon:2000', '-t', 'xray-daemon:2000']);
    expect(Object.keys(daemon.environment).sort()).toEqual(['AWS_ACCESS_KEY_ID', 'AWS_REGION', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN']);
    for (const value of Object.values(daemon.environment)) expect(value).toMatch(/^\$\{AWS_[A-Z_]+:-\}$/);

    const api = service('backend-flask');
    expect(api.environment).toHaveProperty('AWS_XRAY_DAEMON_ADDRESS', 'xray-daemon:2000');
    expect(api.depends_on).toContain('xray-daemon');
    // X-Ray needs no AWS credentials in the API (the daemon signs the uploads); CloudWatch Logs
    // does, passed through from the shell or .env only, never written here.
    for (const name of ['AWS_REGION', 'AWS_DEFAULT_REGION', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'CLOUDWATCH_LOG_GROUP']) {
      expect(api.environment).toHaveProperty(name, `\${${name}:-}`);
    }
  });

  it('keeps every secret away from the web app', () => {
    const web = Object.keys(service('frontend-react-js').environment);
    // The one exception: Rollbar's post_client_item token is public by design
    // (it ships in the bundle and can only post items).
    const publicByDesign = new Set(['VITE_ROLLBAR_CLIENT_TOKEN']);
    expect(web.filter((name) => /KEY|TOKEN|SECRET|HEADERS|PASSWORD/.test(name) && !publicByDesign.has(name))).toEqual([]);
  });

  it('hands Rollbar’s server settings to the API and only the client token to the web app', () => {
    const api = service('backend-flask').environment;
    for (const name of ['ROLLBAR_ACCESS_TOKEN', 'ROLLBAR_ENVIRONMENT', 'ROLLBAR_ENDPOINT']) expect(api).toHaveProperty(name, `\${${name}:-}`);
    const web = service('frontend-react-js').environment;
    expect(web).toHaveProperty('VITE_ROLLBAR_CLIENT_TOKEN');
    expect(Object.keys(web).filter((name) => name.startsWith('ROLLBAR_'))).toEqual([]);
  });

  it('passes `docker compose config` where a compose binary exists', ({ skip }) => {
    const candidates: [string, string[]][] = [
      ['docker', ['compose', 'version']],
      ['docker-compose', ['version']],
    ];
    const found = candidates.find(([cmd, args]) => spawnSync(cmd, args, { stdio: 'ignore' }).status === 0);
    if (!found) {
      skip('no docker compose binary on this machine');
      return;
    }
    const [cmd] = found;
    const configArgs = cmd === 'docker' ? ['compose', 'config', '--quiet'] : ['config', '--quiet'];
    expect(() => execFileSync(cmd, configArgs, { cwd: repoRoot, stdio: 'pipe' })).not.toThrow();
  });
});
