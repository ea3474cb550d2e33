import { OpenApiGeneratorV31, type OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';

export function openApiDocument(registry: OpenAPIRegistry): object {
  registry.registerComponent('securitySchemes', 'bearerAuth', { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: '穗警通 BFF API',
      version: '1.0.0',
      description:
        'The API of the 穗警通 mini-program. Errors are {error: {code, message, requestId}} with codes from @suijing/shared.',
    },
    servers: [{ url: '/' }],
  });
}
