import { z } from 'zod';

/**
 * The zod pieces every system behind the data-exchange platform answers in:
 * the legacy envelope {code, msg, data} and the values inside it, which come
 * as strings padded or not, numbers as strings or numbers.
 */

/** The envelope around a system's data; `data` is absent or null on a refusal. */
export const legacyEnvelope = <T extends z.ZodType>(data: T) =>
  z.object({ code: z.string(), msg: z.string().optional(), data: data.nullish() });

/** An answer whose data depends on its code (a refusal that carries details): read by the caller. */
export const LegacyAnswerSchema = z.object({
  code: z.string(),
  msg: z.string().optional(),
  data: z.unknown().optional(),
});

/** Text, trimmed once here. */
export const trimmed = z.string().transform((value) => value.trim());

/** A number written as a string or a number. */
export const numeric = z
  .union([z.string(), z.number()])
  .transform((value) => Number(value))
  .pipe(z.number().finite());

/** A yyyyMMdd day. */
export const compactDay = trimmed.pipe(z.string().regex(/^\d{8}$/));

/** An HHmm time of day. */
export const compactTime = trimmed.pipe(z.string().regex(/^\d{4}$/));
