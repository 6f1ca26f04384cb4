import { OPENAPI_PATH } from '@cruddur/api-contract';
import { OpenApiDocument } from '@cruddur/api-contract/schemas';
import swagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { ANY_ROUTE_ERRORS } from '../routes/error-responses.js';

/**
 * Collects every route registered after it into an OpenAPI 3.1 document,
 * served at OPENAPI_PATH. Register it before the routes. No interactive page:
 * see the README.
 */
export const registerOpenApi = async (app: FastifyInstance): Promise<void> => {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Cruddur API',
        // The workspace's packages are unversioned; the document is versioned by its commit.
        version: '0.0.0',
        description:
          'The API behind the Cruddur web app. Errors are `{"error": code, "message": text}`, ' +
          'or `{"errors": [code, ...]}` with status 422 for invalid input.',
      },
    },
    // Components named by their schema's $id (Activity) rather than def-0, def-1, ...
    refResolver: {
      buildLocalReference: (json, _baseUri, _fragment, index) => (typeof json.$id === 'string' ? json.$id : `def-${String(index)}`),
    },
  });

  app.withTypeProvider<TypeBoxTypeProvider>().get(
    OPENAPI_PATH,
    { schema: { summary: 'This document', response: { 200: OpenApiDocument, ...ANY_ROUTE_ERRORS } } },
    () => app.swagger() as { openapi: '3.1.0' },
  );
};
