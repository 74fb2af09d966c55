/**
 * One error type for the channel. Direct Line clients read `error.code` from a JSON body shaped
 * `{ error: { code, message } }` (the Azure service's shape), and DirectLineJS reacts to the HTTP
 * status: 403 means "token expired, refresh", 404 means "conversation ended".
 */
export type DirectLineErrorCode =
  | 'MissingToken'
  | 'BadToken'
  | 'TokenExpired'
  | 'WrongConversation'
  | 'NotFound'
  | 'BadArgument'
  | 'MessageTooLong'
  | 'BodyTooLarge'
  | 'BotError'
  | 'TooManyRequests'
  | 'Unavailable';

export class DirectLineError extends Error {
  constructor(
    readonly status: number,
    readonly code: DirectLineErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DirectLineError';
  }

  toBody(): { error: { code: DirectLineErrorCode; message: string } } {
    return { error: { code: this.code, message: this.message } };
  }
}

export function tooManyFromAddress(): DirectLineError {
  return new DirectLineError(429, 'TooManyRequests', 'Too many requests from this address; try again in a minute');
}
