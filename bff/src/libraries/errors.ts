import { ERRORS, type AssuranceRequirement, type ErrorCode } from '@suijing/shared';

export interface FieldIssue {
  path: string;
  message: string;
}

export interface AppErrorOptions {
  code: ErrorCode;
  /** A more specific Chinese message than the code's default. */
  message?: string;
  /** Defaults to the code's status. */
  status?: number;
  /** Whether the message may be shown to the client; 5xx default to false. */
  expose?: boolean;
  fields?: FieldIssue[];
  /** For a 429 of a rate limit: when the same request may succeed, sent as Retry-After. */
  retryAfterSeconds?: number;
  /** For ASSURANCE_REQUIRED: the level the caller must reach. */
  required?: AssuranceRequirement;
  cause?: unknown;
}

/** The one error type the BFF throws on purpose; the error middleware turns it into a response. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly expose: boolean;
  readonly fields: FieldIssue[] | undefined;
  readonly retryAfterSeconds: number | undefined;
  readonly required: AssuranceRequirement | undefined;

  constructor({ code, message, status, expose, fields, retryAfterSeconds, required, cause }: AppErrorOptions) {
    super(message ?? ERRORS[code].message, { cause });
    this.name = 'AppError';
    this.code = code;
    this.status = status ?? ERRORS[code].status;
    this.expose = expose ?? this.status < 500;
    this.fields = fields;
    this.retryAfterSeconds = retryAfterSeconds;
    this.required = required;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
