import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';

const running = new Set<ChildProcess>();

export const isRunning = (child: ChildProcess): boolean => child.exitCode === null && child.signalCode === null;

/** Registers a child so that it is killed however the bench ends. */
export const track = <T extends ChildProcess>(child: T): T => {
  running.add(child);
  child.once('exit', () => running.delete(child));
  return child;
};

const killAll = (): void => {
  for (const child of running) if (isRunning(child)) child.kill('SIGKILL');
};

const SIGNAL_EXIT_CODES = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 } as const;

/** On exit, error or Ctrl-C, every tracked child still running gets SIGKILL. */
export const killChildrenOnExit = (): void => {
  process.on('exit', killAll);
  for (const [signal, code] of Object.entries(SIGNAL_EXIT_CODES)) {
    process.once(signal, () => {
      console.error(`\nbench: ${signal}, stopping what it started`);
      process.exit(code);
    });
  }
};

/** SIGTERM, then SIGKILL after `graceMs`; resolves once the child has exited. */
export const stopChild = async (child: ChildProcess, graceMs = 5000): Promise<void> => {
  if (!isRunning(child)) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  try {
    await exited;
  } finally {
    clearTimeout(timer);
  }
};
