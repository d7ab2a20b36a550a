/**
 * The registration point of setup: each workflow that needs something made once (the calendar, the
 * certificate template Doc and folder, the form...) registers a step here at load time, and
 * `setupAcademy` runs them in order after the registry is in place.
 */

export interface SetupStep {
  /** Unique; shown to staff in setup's summary. */
  name: string;
  /** Makes what is missing and nothing else (idempotent); returns a short Italian line or nothing. */
  run: () => string | void;
}

export const setupSteps: SetupStep[] = [];

export function registerSetupStep(step: SetupStep): void {
  const at = setupSteps.findIndex((s) => s.name === step.name);
  if (at >= 0) setupSteps[at] = step;
  else setupSteps.push(step);
}
