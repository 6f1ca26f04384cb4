import Type from 'typebox';

/** The OpenAPI 3.1 document: its version is checked here, the rest passes as generated. */
export const OpenApiDocument = Type.Object(
  { openapi: Type.Literal('3.1.0') },
  { additionalProperties: true, description: 'This API described as an OpenAPI 3.1 document' },
);
