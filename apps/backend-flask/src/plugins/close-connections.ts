import type { FastifyInstance } from 'fastify';

/**
 * While the app closes, responses carry `Connection: close`. Node's
 * `server.close()` only drops keep-alive sockets that are idle at that
 * moment; a socket still serving a request would otherwise stay open after
 * its response until the keep-alive timeout, holding the shutdown up.
 */
export const registerCloseConnections = (app: FastifyInstance): void => {
  let closing = false;
  app.addHook('preClose', (done) => {
    closing = true;
    done();
  });
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (closing) reply.header('connection', 'close');
    done(null, payload);
  });
};
