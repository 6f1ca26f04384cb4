import type { FastifyInstance } from 'fastify';

export interface RegisteredRoute {
  readonly method: string;
  /** As OpenAPI writes it: `{uuid}` for Fastify's `:uuid`. */
  readonly path: string;
}

// One line of printRoutes' tree: its indent (4 characters a level), the path
// segment under its parent, and the methods when a route ends there.
const TREE_LINE = /^((?:│ {3}| {4})*)[├└]── (\S+)(?: \(([A-Z, ]+)\))?$/;

/** Every method and path Fastify's router holds, read from `printRoutes`' tree. */
export const registeredRoutes = (app: FastifyInstance): RegisteredRoute[] => {
  const parents: string[] = [];
  const routes: RegisteredRoute[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = TREE_LINE.exec(line);
    if (!match) continue;
    const [, indent = '', segment = '', methods] = match;
    const depth = indent.length / 4;
    const path = (parents[depth - 1] ?? '') + segment;
    parents[depth] = path;
    for (const method of methods?.split(', ') ?? []) {
      routes.push({ method, path: path.replaceAll(/:(\w+)/g, '{$1}') });
    }
  }
  return routes;
};
