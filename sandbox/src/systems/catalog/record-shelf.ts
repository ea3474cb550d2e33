/**
 * Records of one kind kept as serialised JSON, ordered by code. The catalog
 * answers far more reads than it sees changes, so each record is stringified
 * once and pages are assembled from the strings; a change re-serialises
 * only the record it touches.
 */
export class RecordShelf<T> {
  private readonly byCode: Map<string, string>;
  private readonly codes: string[];

  constructor(records: readonly T[], codeOf: (record: T) => string) {
    this.byCode = new Map(records.map((record) => [codeOf(record), JSON.stringify(record)]));
    if (this.byCode.size !== records.length) throw new Error('catalog: duplicate record codes');
    // Stable order by code, as the legacy interface pages them.
    this.codes = [...this.byCode.keys()].sort();
  }

  get size(): number {
    return this.codes.length;
  }

  allCodes(): readonly string[] {
    return this.codes;
  }

  has(code: string): boolean {
    return this.byCode.has(code);
  }

  /** The serialised record, or undefined. */
  json(code: string): string | undefined {
    return this.byCode.get(code);
  }

  /** A fresh parsed copy (callers may change it and put it back). */
  read(code: string): T | undefined {
    const json = this.byCode.get(code);
    // Only this class writes the strings, from T values.
    return json === undefined ? undefined : (JSON.parse(json) as T);
  }

  write(code: string, record: T): void {
    if (!this.byCode.has(code)) throw new Error(`catalog: no record ${code} to replace`);
    this.byCode.set(code, JSON.stringify(record));
  }

  /** The serialised records of a slice of the code order. */
  jsonSlice(codes: readonly string[]): string[] {
    return codes.map((code) => this.byCode.get(code) ?? 'null');
  }

  /** All serialised records in code order (for the version fingerprint). */
  allJson(): string[] {
    return this.jsonSlice(this.codes);
  }
}
