/** The emulated wall clock: moves only when a service call costs time or the runner advances it. */
export class EmulatedClock {
  constructor(private nowMs: number) {}

  now(): number {
    return this.nowMs;
  }

  advance(ms: number): void {
    if (ms < 0 || !Number.isFinite(ms)) throw new Error(`cannot advance the clock by ${ms} ms`);
    this.nowMs += ms;
  }

  set(ms: number): void {
    this.nowMs = ms;
  }
}
