/**
 * A JSON answer already encoded. Hot read routes whose answers repeat
 * (catalog pages, guides, my vehicles) keep their JSON as bytes, instead of
 * stringifying and encoding kilobytes of Chinese text on every request.
 */
export class JsonBytes {
  constructor(readonly bytes: Buffer) {}
}

/**
 * `{...object, [key]: value}` kept as the bytes sent, for an object that never
 * changes and a last field that changes now and then (a freshness whose age
 * moves once a second): the object is encoded once, the answer again only when
 * the field's encoding changes, so the requests in between share one Buffer.
 */
export class JsonWithField {
  /** Where the object's own JSON ends (before its closing brace). */
  private readonly prefixLength: number;
  private answer: JsonBytes;
  private value: unknown;
  private encodedValue: string | undefined;

  constructor(
    object: object,
    private readonly key: string,
  ) {
    const open = Buffer.from(JSON.stringify(object).slice(0, -1));
    this.prefixLength = open.length;
    this.answer = new JsonBytes(open);
  }

  with(value: unknown): JsonBytes {
    // The same value object (callers hand out one per second) is the same answer.
    if (value === this.value && this.encodedValue !== undefined) return this.answer;
    const encoded = JSON.stringify(value);
    this.value = value;
    if (encoded === this.encodedValue) return this.answer;
    const prefix = this.answer.bytes.subarray(0, this.prefixLength);
    const tail = Buffer.from(`${this.prefixLength > 1 ? ',' : ''}${JSON.stringify(this.key)}:${encoded}}`);
    // A new Buffer, never the old one changed: a response still being written keeps its bytes.
    this.answer = new JsonBytes(Buffer.concat([prefix, tail], prefix.length + tail.length));
    this.encodedValue = encoded;
    return this.answer;
  }

  /** The bytes this answer holds (for caches bounded by size). */
  get byteLength(): number {
    return this.answer.bytes.length;
  }
}

/** Answers with the encoded JSON as it stands: the one place such answers get their content type. */
export function sendJsonBytes(ctx: { type: string; body: unknown }, answer: JsonBytes): void {
  ctx.type = 'application/json; charset=utf-8';
  ctx.body = answer.bytes;
}
