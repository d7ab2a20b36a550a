/**
 * An error whose message is already meant for staff (Italian, actionable): entry points show it as it
 * is instead of wrapping it as an unexpected failure.
 */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof Error && (error instanceof UserError || error.name === 'UserError');
}
