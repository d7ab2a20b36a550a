/**
 * The sidebar's callable set. Most of what this file pins is checked by the compiler (`npm run
 * typecheck`): a `@ts-expect-error` below that stops erroring fails the typecheck.
 */
import * as entryPoints from './main';
import { APPS_SCRIPT_ONLY, type HasTypedStatuses, type IsJsonSafe, type SidebarApi, type SidebarFunction } from './rpc';
import type { EnrollmentStatus } from '../core/registry/tabs';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Expect<T extends true> = T;

export type JsonSafetyCases = [
  Expect<Equal<IsJsonSafe<{ id: string; seats: number; open: boolean; note: string | null }>, true>>,
  Expect<Equal<IsJsonSafe<{ optional?: string; list: Array<{ code: string }> }>, true>>,
  Expect<Equal<IsJsonSafe<Record<string, number>>, true>>,
  Expect<Equal<IsJsonSafe<{ at: Date }>, false>>,
  Expect<Equal<IsJsonSafe<{ byCode: Map<string, number> }>, false>>,
  Expect<Equal<IsJsonSafe<{ later: () => void }>, false>>,
  Expect<Equal<IsJsonSafe<Array<string | undefined>>, false>>,
  Expect<Equal<IsJsonSafe<{ deep: { deeper: { when: Date } } }>, false>>,
];

export type StatusTypingCases = [
  Expect<Equal<HasTypedStatuses<{ status: EnrollmentStatus; note: string }>, true>>,
  Expect<Equal<HasTypedStatuses<{ jobs: Array<{ status: 'in corso' | 'completato' }> }>, true>>,
  Expect<Equal<HasTypedStatuses<{ status: string }>, false>>,
  Expect<Equal<HasTypedStatuses<{ groups: Array<{ items: Array<{ status?: string }> }> }>, false>>,
];

/** The sidebar reads a cancellation's status: a misspelt one does not compile. */
export function cancelledAsTyped(result: ReturnType<SidebarApi['cancelEnrollment']>): boolean {
  // @ts-expect-error 'Annullato' is a course status; an enrollment is 'Annullata'
  return result.status === 'Annullato';
}

// @ts-expect-error a form-submit trigger is Apps Script's to call, not the sidebar's
export const trigger: SidebarFunction = 'onFormSubmit';
// @ts-expect-error the web app's entry point is not callable from the sidebar
export const webApp: SidebarFunction = 'doGet';
export const dashboard: SidebarFunction = 'getDashboard';
export type DashboardCall = SidebarApi['getDashboard'];

test('every name left out of the sidebar is an entry point of the bundle, and the rest stay callable', () => {
  const exported = Object.keys(entryPoints);
  for (const name of APPS_SCRIPT_ONLY) expect(exported).toContain(name);
  const callable = exported.filter((n) => !(APPS_SCRIPT_ONLY as readonly string[]).includes(n));
  expect(callable).toEqual(expect.arrayContaining(['getDashboard', 'getCourseView', 'runJobs', 'enrollManually']));
  expect(callable).not.toContain('onFormSubmit');
});
