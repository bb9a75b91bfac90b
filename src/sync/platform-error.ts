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
