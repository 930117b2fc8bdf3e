/**
 * Errors the API answers with, as `{ "error": { "code", "message" } }` and
 * the right status (CONTRACT §3). Anything else becomes a 500 without details.
 */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export class BadRequestError extends ApiError {
  override name = 'BadRequestError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(400, 'bad_request', message, options);
  }
}

export class UnauthorizedError extends ApiError {
  override name = 'UnauthorizedError';
  constructor(message = 'Send the header "Authorization: Bearer <token>".') {
    super(401, 'unauthorized', message);
  }
}

export class NotFoundError extends ApiError {
  override name = 'NotFoundError';
  constructor(message: string) {
    super(404, 'not_found', message);
  }
}

export class PayloadTooLargeError extends ApiError {
  override name = 'PayloadTooLargeError';
  constructor(message: string) {
    super(413, 'payload_too_large', message);
  }
}

export class UnsupportedMediaTypeError extends ApiError {
  override name = 'UnsupportedMediaTypeError';
  constructor(message: string) {
    super(415, 'unsupported_media_type', message);
  }
}

export class MethodNotAllowedError extends ApiError {
  override name = 'MethodNotAllowedError';
  constructor(message: string) {
    super(405, 'method_not_allowed', message);
  }
}
