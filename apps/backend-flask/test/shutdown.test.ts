import type { AddressInfo } from 'node:net';
import { describe, expect, it, vi } from 'vitest';
import { createShutdown } from '../src/shutdown.js';
import { testApp } from './helpers.js';

/**
 * A real server on an ephemeral port (graceful close is about sockets, which
 * `inject` bypasses) with a /slow route that answers only when released.
 */
const serverWithSlowRoute = async () => {
  const app = await testApp();
  let started!: () => void;
  let release!: () => void;
  const handlerStarted = new Promise<void>((resolve) => {
    started = resolve;
  });
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  app.get('/slow', async () => {
    started();
    await released;
    return { finished: true };
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  return { app, base: `http://127.0.0.1:${String(port)}`, handlerStarted, release };
};

const exitSpy = () => {
  let resolveCode!: (code: number) => void;
  const firstExit = new Promise<number>((resolve) => {
    resolveCode = resolve;
  });
  const exit = vi.fn((code: number) => {
    resolveCode(code);
  });
  return { exit, firstExit };
};

describe('graceful shutdown', () => {
  it('stops accepting, finishes the in-flight request, then exits 0', async () => {
    const { app, base, handlerStarted, release } = await serverWithSlowRoute();
    const { exit, firstExit } = exitSpy();
    const inFlight = fetch(`${base}/slow`);
    await handlerStarted;

    createShutdown(app, { timeoutMs: 5_000, exit })('SIGTERM');
    await vi.waitFor(() => {
      expect(app.server.listening, 'the server still listens after SIGTERM').toBe(false);
    }, 5_000);
    const late = await fetch(`${base}/api/health-check`).then(
      (res) => res.status,
      () => 'refused',
    );
    expect([503, 'refused']).toContain(late);
    expect(exit).not.toHaveBeenCalled();

    release();
    const res = await inFlight;
    expect(res.status).toBe(200);
    expect(res.headers.get('connection')).toBe('close');
    expect(await res.json()).toEqual({ finished: true });
    expect(await firstExit).toBe(0);
    expect(exit).toHaveBeenCalledTimes(1);
  });

  it('exits 1 when in-flight requests outlast the timeout', async () => {
    const { app, base, handlerStarted, release } = await serverWithSlowRoute();
    const { exit, firstExit } = exitSpy();
    const inFlight = fetch(`${base}/slow`);
    await handlerStarted;

    createShutdown(app, { timeoutMs: 50, exit })('SIGTERM');
    expect(await firstExit).toBe(1);

    release();
    await inFlight;
  });

  it('exits 1 at once on a second signal', async () => {
    const { app, base, handlerStarted, release } = await serverWithSlowRoute();
    const { exit, firstExit } = exitSpy();
    const inFlight = fetch(`${base}/slow`);
    await handlerStarted;

    const shutdown = createShutdown(app, { timeoutMs: 5_000, exit });
    shutdown('SIGTERM');
    shutdown('SIGINT');
    expect(await firstExit).toBe(1);

    release();
    await inFlight;
  });
});

describe('graceful shutdown: the step after close', () => {
  it('runs once the app has closed, then exits 0', async () => {
    const app = await testApp();
    const { exit, firstExit } = exitSpy();
    const order: string[] = [];
    app.addHook('onClose', (_instance, done) => {
      order.push('closed');
      done();
    });
    const afterClose = vi.fn(() => {
      order.push('after close');
      return Promise.resolve();
    });

    createShutdown(app, { timeoutMs: 5_000, exit, afterClose })('SIGTERM');

    expect(await firstExit).toBe(0);
    expect(order).toEqual(['closed', 'after close']);
  });

  it('still exits 0 when it fails: the app itself closed cleanly', async () => {
    const app = await testApp();
    const { exit, firstExit } = exitSpy();
    createShutdown(app, { timeoutMs: 5_000, exit, afterClose: () => Promise.reject(new Error('destination down')) })('SIGTERM');
    expect(await firstExit).toBe(0);
    expect(exit).toHaveBeenCalledTimes(1);
  });

  it('exits 1 once when it outlasts the timeout', async () => {
    const app = await testApp();
    const { exit, firstExit } = exitSpy();
    let finish!: () => void;
    const afterClose = () =>
      new Promise<void>((resolve) => {
        finish = resolve;
      });
    createShutdown(app, { timeoutMs: 50, exit, afterClose })('SIGTERM');
    expect(await firstExit).toBe(1);
    finish();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(exit).toHaveBeenCalledTimes(1);
  });
});
