/** A failed platform call, with the platform's own error text; secrets are already redacted. */
export class PlatformError extends Error {
  override readonly name = 'PlatformError';

  constructor(
    message: string,
    readonly details: {
      method: string;
      url: string;
      status?: number;
      /** Platform error code (SFMC `errorcode`), when the body had one. */
      code?: number | string;
      /** Field-level problems (SFMC `validationErrors`, Customer.io `meta.errors`). */
      fields?: string[];
      body?: unknown;
    },
  ) {
    super(message);
  }
}

/** A 4xx answer to a send is a refusal: nothing was sent. A 5xx or a dropped connection leaves the outcome unknown. */
export function isRefusal(error: unknown): error is PlatformError {
  const status = error instanceof PlatformError ? error.details.status : undefined;
  return status !== undefined && status >= 400 && status < 500;
}
