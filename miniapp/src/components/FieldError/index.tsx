import { Text } from '@tarojs/components';

export interface FieldErrorProps {
  id: string;
  /** Nothing is shown without one. */
  message: string | null | undefined;
  /** Besides `sj-field-error`. */
  className?: string;
  /** Read out by screen readers as it appears (off where the field itself announces it). */
  live?: boolean;
}

/** The red line under a field or a form saying what is wrong. */
export function FieldError({ id, message, className, live = true }: FieldErrorProps): JSX.Element | null {
  if (!message) return null;
  return (
    <Text
      className={className ? `sj-field-error ${className}` : 'sj-field-error'}
      id={id}
      aria-live={live ? 'polite' : undefined}
    >
      {message}
    </Text>
  );
}
