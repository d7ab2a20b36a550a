/** The emulated User (editors, viewers, owner). */
export class UserFacade {
  constructor(private readonly email: string) {}
  getEmail(): string {
    return this.email;
  }
  getUserLoginId(): string {
    return this.email;
  }
  toString(): string {
    return this.email;
  }
}

export function emailOf(user: unknown): string {
  if (typeof user === 'string') return user.trim().toLowerCase();
  if (user && typeof user === 'object' && 'getEmail' in user && typeof user.getEmail === 'function') {
    return String((user as { getEmail: () => unknown }).getEmail())
      .trim()
      .toLowerCase();
  }
  throw new Error('Invalid argument: user');
}
