import type { FormField } from './schemas/catalog';

/** A required text field named `f`, with whatever a test changes. */
export const field = (overrides: Partial<FormField>): FormField => ({
  key: 'f',
  label: '字段',
  type: 'text',
  required: true,
  ...overrides,
});
