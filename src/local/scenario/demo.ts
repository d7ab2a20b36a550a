/**
 * The demo academy as a preparation: what `"registry": "demo"` loads and what `npm start` seeds a new
 * workbook with. Its sessions fall in the training year of the academy's clock.
 */
import { demoRegistry, demoSettings } from '../demo/academy';
import { wallClock } from '../../core/time/zone';

export interface DemoAcademy {
  settings: Record<string, unknown>;
  registry: Record<string, Array<Record<string, unknown>>>;
}

export function demoAcademy(nowMs: number): DemoAcademy {
  const year = wallClock(nowMs).year;
  return { settings: demoSettings(year), registry: demoRegistry({ year }) };
}
