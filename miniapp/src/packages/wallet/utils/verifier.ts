/** The verifier's name as the BFF accepts it (2–30 characters). */
export const VERIFIER_NAME_MIN = 2;
export const VERIFIER_NAME_MAX = 30;

/** What is wrong with a typed verifier name, or undefined. */
export function checkVerifierName(name: string): string | undefined {
  const length = name.trim().length;
  if (length === 0) return '请填写核验方名称';
  if (length < VERIFIER_NAME_MIN || length > VERIFIER_NAME_MAX) {
    return `核验方名称应为 ${VERIFIER_NAME_MIN}-${VERIFIER_NAME_MAX} 个字`;
  }
  return undefined;
}
