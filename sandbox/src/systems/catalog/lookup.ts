/** A table entry that must exist: data references are checked at start-up, with the referring place named. */
export function lookup<T>(table: Readonly<Record<string, T>>, key: string, what: string, where: string): T {
  const value = Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
  if (value === undefined) throw new Error(`catalog data: unknown ${what} "${key}" in ${where}`);
  return value;
}

/** Replaces {name} placeholders (e.g. {zx} the main item name, {jg} the result) in snippet text. */
export function fillPlaceholders(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(/\{(\w+)\}/g, (placeholder, name: string) => values[name] ?? placeholder);
}
