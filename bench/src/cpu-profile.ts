// Where a V8 .cpuprofile (node --cpu-prof) spent its time, by package and by function.

export interface CpuProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
}

export interface CpuProfile {
  readonly nodes: readonly CpuProfileNode[];
  /** Microseconds. */
  readonly startTime: number;
  readonly endTime: number;
  readonly samples: readonly number[];
  /** Microseconds since the previous sample. */
  readonly timeDeltas: readonly number[];
}

export interface TimeShare {
  readonly name: string;
  readonly ms: number;
  /** Of the profile's whole duration, 0 to 1. */
  readonly share: number;
}

export interface FunctionShare extends TimeShare {
  readonly category: string;
  readonly location: string;
}

export interface ProfileSummary {
  readonly totalMs: number;
  readonly categories: readonly TimeShare[];
  readonly functions: readonly FunctionShare[];
}

/**
 * What a frame belongs to: the npm package (the innermost node_modules
 * entry, as pnpm nests them), a workspace package (the API's telemetry/
 * apart), node's own modules, or V8's pseudo-frames such as
 * `(garbage collector)` and `(idle)`.
 */
export const categoryOf = ({ url, functionName }: CpuProfileNode['callFrame']): string => {
  if (url === '') return functionName.startsWith('(') ? functionName : '(native)';
  if (url.startsWith('node:')) return 'node core';
  const packages = [...url.matchAll(/\/node_modules\/((?:@[^/]+\/)?[^/]+)\//g)];
  const innermost = packages.at(-1)?.[1];
  if (innermost !== undefined) return innermost;
  const workspace = /\/(?:apps|packages)\/([^/]+)\/(?:dist|src)\/(.*)$/.exec(url);
  if (workspace) {
    const [, name = '', rest = ''] = workspace;
    return rest.startsWith('telemetry/') ? `${name}/telemetry` : name;
  }
  return 'other';
};

const shortLocation = ({ url, lineNumber }: CpuProfileNode['callFrame']): string => {
  if (url === '') return '';
  const file = url.replace(/^file:\/\//, '').replace(/^.*\/node_modules\//, '').replace(/^.*\/(apps|packages)\//, '$1/');
  // V8's line numbers are zero-based.
  return `${file}:${String(lineNumber + 1)}`;
};

const sortedShares = <T extends TimeShare>(shares: Iterable<T>): T[] => [...shares].sort((a, b) => b.ms - a.ms);

/**
 * Self time per package and per function. Each sample is charged the time
 * until the next one, the same convention Chrome's profiler panel uses.
 */
export const summarizeProfile = (profile: CpuProfile, topFunctions = 25): ProfileSummary => {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, index) => {
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[index + 1] ?? 0));
  });
  const totalUs = profile.endTime - profile.startTime;
  const share = (us: number) => ({ ms: us / 1000, share: totalUs > 0 ? us / totalUs : 0 });

  const categories = new Map<string, number>();
  const functions = new Map<string, { node: CpuProfileNode; us: number }>();
  for (const [id, us] of selfUs) {
    const node = byId.get(id);
    if (!node) continue;
    const category = categoryOf(node.callFrame);
    categories.set(category, (categories.get(category) ?? 0) + us);
    const key = `${node.callFrame.functionName} ${node.callFrame.url}:${String(node.callFrame.lineNumber)}`;
    const entry = functions.get(key) ?? { node, us: 0 };
    entry.us += us;
    functions.set(key, entry);
  }
  return {
    totalMs: totalUs / 1000,
    categories: sortedShares([...categories].map(([name, us]) => ({ name, ...share(us) }))),
    functions: sortedShares(
      [...functions.values()].map(({ node, us }) => ({
        name: node.callFrame.functionName || '(anonymous)',
        category: categoryOf(node.callFrame),
        location: shortLocation(node.callFrame),
        ...share(us),
      })),
    ).slice(0, topFunctions),
  };
};
