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
 *   server.use(restify.plugins.jsonBodyParser(bodyParserOptions(env.maxBodyBytes)));
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
