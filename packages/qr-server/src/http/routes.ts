/**
 * Routing: method + path → route, the same way for both servers. A server lists its routes in
 * a table (api/routes.ts, web/routes.ts); OPTIONS is answered for every path that has routes,
 * a GET route answers HEAD too (RFC 9110 §9.3.2), a known path with another method is a 405
 * with `Allow`, and an unknown path a 404 — or, where a server has one, goes to its fallback
 * (the page server's assets, whose paths are data, not routes).
 */
import { optionsReply } from './cors.js';
import { HttpError } from './problem.js';
import { jsonReply, type Handler, type Reply } from './reply.js';

export interface Route {
  readonly method: string;
  readonly path: string;
  /** Whether the server reads the body (up to the server's body limit) before calling the handler. */
  readonly readsBody: boolean;
  readonly handler: Handler;
}

/** Every path not in the table, for the methods given. */
export interface Fallback {
  readonly methods: readonly string[];
  readonly handler: Handler;
}

export interface RouterOptions {
  /** The 404's detail for an unknown path (when there is no fallback): what is there instead. */
  readonly notFound: (path: string) => string;
  readonly fallback?: Fallback;
}

export type Router = (method: string, path: string) => Route;

const healthReply: Reply = jsonReply(200, { status: 'ok' }, { 'cache-control': 'no-store' });

/**
 * The load balancer's health check, the same on both servers: 200 while serving; while
 * draining the server answers it, like every request, 503 with `Connection: close`.
 */
export const HEALTH_ROUTE: Route = Object.freeze({ method: 'GET', path: '/healthz', readsBody: false, handler: () => healthReply });

interface PathRoutes {
  readonly byMethod: ReadonlyMap<string, Route>;
  /** For `Allow`, OPTIONS last. */
  readonly allow: string;
  readonly methods: readonly string[];
  readonly options: Route;
}

/** Builds the lookup once; the router then costs one or two map lookups per request. */
export function createRouter(routes: readonly Route[], { notFound, fallback }: RouterOptions): Router {
  const byPath = new Map<string, PathRoutes>();
  for (const path of new Set(routes.map((route) => route.path))) {
    byPath.set(path, pathRoutes(path, routes.filter((route) => route.path === path)));
  }
  const fallbackRoutes =
    fallback && pathRoutes('*', fallback.methods.map((method) => ({ method, path: '*', readsBody: false, handler: fallback.handler })));

  return (method, path) => {
    const routesHere = byPath.get(path) ?? fallbackRoutes;
    if (routesHere === undefined) throw new HttpError('NOT_FOUND', notFound(path.slice(0, 200)));
    if (method === 'OPTIONS') return routesHere.options;
    const route = routesHere.byMethod.get(method);
    if (route === undefined) {
      throw new HttpError('METHOD_NOT_ALLOWED', `${method.slice(0, 20)} is not allowed on ${path.slice(0, 200)}; use ${routesHere.methods.join(' or ')}`, {
        allow: routesHere.allow,
      });
    }
    return route;
  };
}

function pathRoutes(path: string, routes: readonly Route[]): PathRoutes {
  const byMethod = new Map<string, Route>();
  for (const route of routes) {
    byMethod.set(route.method, route);
    if (route.method === 'GET') byMethod.set('HEAD', route);
  }
  const methods = [...byMethod.keys()];
  const options: Route = { method: 'OPTIONS', path, readsBody: false, handler: (request) => optionsReply(methods, request.headers) };
  return { byMethod, methods, allow: [...methods, 'OPTIONS'].join(', '), options };
}
