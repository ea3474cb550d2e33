import busboy from 'busboy';
import type { IncomingMessage } from 'node:http';

export interface UploadedFile {
  content: Buffer;
  /** More bytes arrived than the limit; content holds only the first maxFileBytes. */
  truncated: boolean;
}

export interface ParsedUpload {
  fields: Record<string, string>;
  /** The part named `file`, when there was one. */
  file?: UploadedFile;
  /** Set when the body was not multipart/form-data or broke off. */
  error?: string;
}

/**
 * Reads a multipart/form-data request fully (fields may come before or after
 * the file, so nothing is decided until the end). Only the part named
 * `file` is kept; other file parts are drained and ignored.
 */
export function readMultipart(req: IncomingMessage, maxFileBytes: number): Promise<ParsedUpload> {
  return new Promise((resolve) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        // busboy flags a file that reaches the limit, so allow one byte more and measure.
        limits: { fileSize: maxFileBytes + 1, files: 2, fields: 20, fieldSize: 1024, parts: 22 },
      });
    } catch (error) {
      // Not multipart, or no boundary.
      resolve({ fields: {}, error: error instanceof Error ? error.message : 'not multipart/form-data' });
      return;
    }
    const fields: Record<string, string> = {};
    let file: { chunks: Buffer[] } | undefined;
    parser.on('field', (name, value) => {
      fields[name] = value;
    });
    parser.on('file', (name, stream) => {
      if (name !== 'file' || file) {
        stream.resume();
        return;
      }
      const current = { chunks: [] as Buffer[] };
      file = current;
      stream.on('data', (chunk: Buffer) => current.chunks.push(chunk));
    });
    parser.on('error', (error: unknown) => {
      req.unpipe(parser);
      req.resume();
      resolve({ fields, error: error instanceof Error ? error.message : 'broken multipart body' });
    });
    parser.on('close', () =>
      resolve({
        fields,
        ...(file ? { file: cut(Buffer.concat(file.chunks), maxFileBytes) } : {}),
      }),
    );
    req.pipe(parser);
  });
}

function cut(content: Buffer, maxFileBytes: number): UploadedFile {
  return content.length > maxFileBytes
    ? { content: content.subarray(0, maxFileBytes), truncated: true }
    : { content, truncated: false };
}
