import { availableParallelism, cpus, loadavg, release, type } from 'node:os';
import type { Machine } from './results.js';

export const describeMachine = (): Machine => ({
  cpuModel: cpus()[0]?.model.trim() ?? 'unknown CPU',
  cores: availableParallelism(),
  node: process.version,
  os: `${type()} ${release()}`,
  loadAverage: loadavg(),
  date: new Date().toISOString(),
});
