import type { IncomingMessage } from 'node:http';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';

const gunzipAsync = promisify(gunzip);

/** A request body that cannot be taken, with the HTTP status that says why. */
export class BodyError extends Error {
  override name = 'BodyError';

  constructor(
    readonly status: 400 | 413 | 415,
    message: string,
  ) {
    super(message);
  }
}

const tooLarge = (limit: number): BodyError =>
  new BodyError(413, `request body exceeds the limit of ${String(limit)} bytes`);

const contentEncoding = (req: IncomingMessage): 'gzip' | 'identity' => {
  const value = (req.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  if (value === 'gzip' || value === 'x-gzip') return 'gzip';
  if (value === 'identity' || value === '') return 'identity';
  throw new BodyError(415, `unsupported Content-Encoding ${JSON.stringify(value)}: use gzip or none`);
};

const readRaw = (req: IncomingMessage, limit: number): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (declared > limit) {
      reject(tooLarge(limit));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData);
        reject(tooLarge(limit));
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => {
      resolve(Buffer.concat(chunks, size));
    });
    req.once('error', () => {
      reject(new BodyError(400, 'request body was cut off'));
    });
  });

/**
 * The request body, gunzipped when Content-Encoding says so. `limit` bounds
 * the bytes received and, for gzip, the bytes after decompression too.
 */
export const readBody = async (req: IncomingMessage, limit: number): Promise<Buffer> => {
  const encoding = contentEncoding(req);
  const raw = await readRaw(req, limit);
  if (encoding === 'identity') return raw;
  try {
    return await gunzipAsync(raw, { maxOutputLength: limit });
  } catch (error) {
    if (error instanceof RangeError) throw tooLarge(limit);
    throw new BodyError(400, 'request body is not valid gzip');
  }
};
