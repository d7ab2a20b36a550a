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

/**
 * The script lock stayed taken: another execution (a form submission, a colleague's click, a trigger)
 * is changing the registry. Nothing was done, and trying again in a moment is the whole remedy.
 */
export class BusyError extends UserError {
  constructor() {
    super("Un'altra operazione sul registro è in corso: riprovi tra qualche secondo.");
  }
}

/** The message of anything thrown: an Error's (or an error-like object's) message, else its text. */
export function messageOf(error: unknown): string {
  if (error && typeof error === 'object' && 'message' in error) return String((error as { message: unknown }).message);
  return String(error ?? '');
}
