import type { Request, Response } from 'restify';
import type { Logger } from '../observability/logger.js';
import type { HttpRejection } from './rejection.js';

/**
 * Body limits and parse errors. restify's bodyParser already answers an oversized body with 413
 * and bad JSON with 400, but its 400 message carries V8's parse error, which quotes the start of
 * the body ("Unexpected token … "my name is…" is not valid JSON"): patient text sent back to the
 * caller and into any log that records errors. `restifyErrorHandler` replaces those bodies with
 * fixed ones.
 *
 * Wiring (jsonBodyParser, not bodyParser: bodyParser also accepts multipart, which formidable
 * writes to temp files, and urlencoded forms; the bot only ever takes JSON. A non-JSON body stays a
 * string, which checkInboundActivity then answers with 400):
 *   server.use(limitedBodyReader(env.maxBodyBytes));
 *   server.use(restify.plugins.jsonBodyParser({ ...bodyParserOptions(env.maxBodyBytes), bodyReader: true }));
 *   server.on('restifyError', restifyErrorHandler(logger));
 */

export function bodyParserOptions(maxBodyBytes: number): { maxBodySize: number; mapParams: false; overrideParams: false } {
  // mapParams false: body fields must never be merged into req.params, where they could
  // overwrite route parameters such as a conversation id.
  return { maxBodySize: maxBodyBytes, mapParams: false, overrideParams: false };
}

/** Everything restify's errors carry that we use. */
interface RestifyHttpError {
  name?: string;
  statusCode?: number;
  toJSON?: () => unknown;
}

/** Maps restify's body errors to fixed, content-free answers; undefined for any other error. */
export function bodyErrorRejection(err: unknown): HttpRejection | undefined {
  if (err === null || typeof err !== 'object') return undefined;
  const { name, statusCode } = err as RestifyHttpError;
  if (name === 'PayloadTooLargeError' || name === 'RequestEntityTooLargeError' || statusCode === 413)
    return { status: 413, code: 'PayloadTooLarge', message: 'The request body is too large' };
  if (name === 'InvalidContentError' || name === 'BadDigestError')
    return { status: 400, code: 'InvalidContent', message: 'The request body is not valid JSON' };
  if (name === 'UnsupportedMediaTypeError' || statusCode === 415)
    return { status: 415, code: 'UnsupportedMediaType', message: 'Send application/json' };
  return undefined;
}

/** `server.on('restifyError', restifyErrorHandler(logger))`: rewrites body errors, logs without content. */
export function restifyErrorHandler(logger: Logger, onRejected?: (r: HttpRejection) => void) {
  return (req: Request, _res: Response, err: RestifyHttpError & Error, callback: () => void): void => {
    const rejection = bodyErrorRejection(err);
    if (rejection) {
      // restify serialises the error with toJSON (restify-errors); replace it before it is sent.
      err.toJSON = () => ({ code: rejection.code, message: rejection.message });
      err.toString = () => `${rejection.code}: ${rejection.message}`;
      err.message = rejection.message;
      logger.info({ code: rejection.code, status: rejection.status, route: req.getRoute?.()?.path }, 'request body rejected');
      onRejected?.(rejection);
    }
    callback();
  };
}

/** An error restify turns into a response; `restifyErrorHandler` gives it a fixed body by name. */
class BodyError extends Error {
  constructor(
    readonly statusCode: number,
    name: 'PayloadTooLargeError' | 'UnsupportedMediaTypeError',
  ) {
    super(name);
    this.name = name;
  }
}

type RestifyNext = (err?: Error | false) => void;

/**
 * Reads the request body with a hard limit, in place of restify's own reader (register it before
 * `jsonBodyParser({ ..., bodyReader: true })`). restify's reader counts bytes but keeps reading,
 * and discarding, to the end of the body before it answers 413, so a client that declares 10 MB
 * and sends one byte, or streams chunks for ever, holds its socket until the request times out.
 * Here a declared length over the limit is refused before reading, a body that grows past it is
 * refused as soon as it does, and either way the connection is closed instead of read to the end.
 * Compressed bodies are refused (415): a small gzip body can inflate without bound.
 */
export function limitedBodyReader(maxBodyBytes: number) {
  return (req: Request, res: Response, next: RestifyNext): void => {
    const declared = Number(req.headers['content-length'] ?? 0);
    const chunked = req.headers['transfer-encoding'] !== undefined;
    if (!chunked && !(declared > 0)) return next();
    const refuse = (err: BodyError) => {
      res.shouldKeepAlive = false;
      res.setHeader('Connection', 'close');
      req.pause();
      next(err);
    };
    const encoding = req.headers['content-encoding'];
    if (encoding !== undefined && encoding !== 'identity') return refuse(new BodyError(415, 'UnsupportedMediaTypeError'));
    if (declared > maxBodyBytes) return refuse(new BodyError(413, 'PayloadTooLargeError'));

    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (err?: BodyError) => {
      if (settled) return;
      settled = true;
      req.off('data', onData);
      if (err) return refuse(err);
      const body = Buffer.concat(chunks);
      const type = String(req.headers['content-type'] ?? '');
      // As restify's reader: text for JSON and text types (what jsonBodyParser parses), else bytes.
      (req as { body?: unknown }).body = type === '' || /json|^text\//i.test(type) ? body.toString('utf8') : body;
      next();
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBodyBytes) settle(new BodyError(413, 'PayloadTooLargeError'));
      else chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => settle());
    // A client gone before the end: nothing to answer; settling frees the chunks and ends the chain.
    // 'close' also comes after every normal end: build no Error (a stack capture) once settled.
    const gone = () => {
      if (!settled) settle(new BodyError(413, 'PayloadTooLargeError'));
    };
    req.once('error', gone);
    req.once('close', gone);
  };
}
