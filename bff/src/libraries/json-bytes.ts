import { remembered } from './remembered';

/**
 * A JSON answer already encoded. Hot read routes whose answers repeat
 * (catalog pages, guides) keep their JSON as bytes and append the few
 * changing fields, instead of stringifying and encoding kilobytes of
 * Chinese text on every request.
 */
export class JsonBytes {
  constructor(readonly bytes: Buffer) {}

  /**
   * `{...object, [key]: value}` as bytes, where `objectPrefix` is the object's
   * encoding without its closing brace (see `openJsonObject`).
   */
  static withField(objectPrefix: Buffer, key: string, value: unknown): JsonBytes {
    const tail = Buffer.from(`${objectPrefix.length > 1 ? ',' : ''}${JSON.stringify(key)}:${JSON.stringify(value)}}`);
    return new JsonBytes(Buffer.concat([objectPrefix, tail], objectPrefix.length + tail.length));
  }
}

const openObjects = new WeakMap<object, Buffer>();

/**
 * A plain object's JSON without its closing brace, ready for
 * `JsonBytes.withField`; encoded once per object (the object must not change).
 */
export function openJsonObject(value: object): Buffer {
  return remembered(openObjects, value, () => Buffer.from(JSON.stringify(value).slice(0, -1)));
}
