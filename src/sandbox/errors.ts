// Error bodies as Mercado Pago writes them: {message, error, status, cause: [{code, description, data}]}.
// Handlers throw ApiError; the HTTP adapter turns it into that body with the same status.

export interface Cause {
  code: number | string;
  description: string;
  data: string | null;
}

export interface ErrorBody {
  message: string;
  error: string;
  status: number;
  cause: Cause[];
}

const ERROR_NAMES: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'request_entity_too_large',
  422: 'unprocessable_entity',
  429: 'too_many_requests',
  500: 'internal_server_error',
  502: 'bad_gateway',
  503: 'service_unavailable',
  504: 'gateway_timeout',
};

export const errorName = (status: number): string =>
  ERROR_NAMES[status] ?? (status >= 500 ? 'internal_server_error' : 'bad_request');

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly causes: Cause[] = [],
    readonly error: string = errorName(status),
  ) {
    super(message);
  }

  toBody(): ErrorBody {
    return { message: this.message, error: this.error, status: this.status, cause: this.causes };
  }
}

export const cause = (code: number | string, description: string): Cause => ({ code, description, data: null });

/** A 400 with one cause whose description is also the message, the most common Mercado Pago shape. */
export const badRequest = (code: number | string, description: string, message = description): ApiError =>
  new ApiError(400, message, [cause(code, description)]);

export const notFound = (message: string, code?: number | string): ApiError =>
  new ApiError(404, message, code === undefined ? [] : [cause(code, message)]);

// Seen on the real API for a request without a token (mercadopago/sdk-php#118).
export const missingToken = (): ApiError =>
  new ApiError(401, 'Must provide your access_token to proceed', [
    cause(5, 'Must provide your access_token to proceed'),
  ]);

export const invalidToken = (): ApiError =>
  new ApiError(401, 'invalid access token', [cause(2, 'invalid access token')]);
