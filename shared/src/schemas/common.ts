import { z } from 'zod';
import { ERROR_CODES } from '../errors';

export const ErrorResponseSchema = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES as [string, ...string[]]).describe('Stable error code, see shared/errors'),
      message: z.string().describe('A Chinese message a citizen can act on'),
      requestId: z.string(),
      fields: z
        .array(z.object({ path: z.string(), message: z.string() }))
        .optional()
        .describe('Which inputs were wrong, for VALIDATION_FAILED'),
      required: z
        .object({
          level: z.enum(['L1', 'L2', 'L3']),
          withinSeconds: z.number().int().optional().describe('For L3: passed on this session within this time'),
        })
        .optional()
        .describe('For ASSURANCE_REQUIRED: the level the route needs'),
    }),
  })
  .meta({ id: 'ErrorResponse' });
export type ErrorResponse = z.infer<typeof ErrorResponseSchema>;

export const HealthSchema = z.object({ status: z.literal('ok') }).meta({ id: 'Health' });

export const ReadinessSchema = z
  .object({
    status: z.enum(['ready', 'degraded', 'unavailable']),
    checks: z.record(z.string(), z.object({ ok: z.boolean(), detail: z.string().optional() })),
  })
  .meta({ id: 'Readiness' });
export type Readiness = z.infer<typeof ReadinessSchema>;
