/**
 * The server functions the sidebar may call through `google.script.run`, as types (nothing here
 * reaches the bundle: main.ts does not import it, the sidebar imports its types only). Every entry point of main.ts is top-level in dist/Code.js, but triggers and
 * menu-only items are Apps Script's to call: they are left out, so `run('onFormSubmit')` does not
 * type-check. What crosses `google.script.run` must survive JSON (no `Date`, `Map`, function,
 * `undefined` inside a value): a function whose arguments or result do not turns `SidebarApi` into an
 * error shape, and every call of the typed client stops compiling with the function's name. Likewise
 * a result with a `status` typed as any `string` instead of one of the core's vocabularies.
 */
import type * as EntryPoints from './main';

type Entry = typeof EntryPoints;

/**
 * Called by Apps Script (triggers, the web app), only from the menu (they read the active cell) or by
 * the worker through the Apps Script API `scripts.run` (`getWorkerContext`).
 */
export const APPS_SCRIPT_ONLY = [
  'onOpen',
  'onInstall',
  'onFormSubmit',
  'onRegistryEdit',
  'reconcileResponses',
  'runDailyTasks',
  'doGet',
  'showSidebar',
  'showCertificatesPreview',
  'showComuniSummariesPreview',
  'showFeedbackFormPreview',
  'showRetentionPreview',
  'showCalendarSyncPreview',
  'prepareAttendanceForSelection',
  'importMeetAttendanceFromMenu',
  'getWorkerContext',
] as const satisfies ReadonlyArray<keyof Entry>;

export type AppsScriptOnly = (typeof APPS_SCRIPT_ONLY)[number];

type Primitive = string | number | boolean | null;
type NotJson =
  undefined | bigint | symbol | Date | RegExp | Map<unknown, unknown> | Set<unknown> | ((...args: never[]) => unknown);

/**
 * `true` when every value of T comes back from `JSON.parse(JSON.stringify(value))` as it went; `false`
 * otherwise. A property holding `undefined` is dropped, which reads back the same; inside an array it
 * would become `null`, so it is refused there.
 */
export type IsJsonSafe<T> = false extends Walk<T, 'json', []> ? false : true;

/**
 * `true` when every `status` field of T, however deep, is one of a fixed vocabulary (the core's unions,
 * such as `EnrollmentStatus`) rather than any `string`: the sidebar compares statuses with literals, and
 * only a union makes a misspelt `'Confermato'` a compile error.
 */
export type HasTypedStatuses<T> = false extends Walk<T, 'status', []> ? false : true;

/**
 * One walk over a DTO for both checks: `false` somewhere in the result where a part of T fails `Rule`
 * (`json`: a value JSON does not carry back; `status`: a `status` field typed as any string). `Depth`
 * bounds the walk: the DTOs are shallow, and the compiler refuses an unbounded recursion.
 */
type Walk<T, Rule extends 'json' | 'status', Depth extends unknown[]> = Depth['length'] extends 10
  ? true
  : [T] extends [never]
    ? true
    : T extends Primitive
      ? true
      : T extends NotJson
        ? Rule extends 'json'
          ? false
          : true
        : T extends readonly (infer E)[]
          ? Walk<E, Rule, [...Depth, unknown]>
          : T extends object
            ? { [K in keyof T]-?: FieldOk<T, K, Rule, Depth> }[keyof T] | true
            : Rule extends 'json'
              ? false
              : true;

type FieldOk<T, K extends keyof T, Rule extends 'json' | 'status', Depth extends unknown[]> = Rule extends 'status'
  ? K extends 'status'
    ? string extends Exclude<T[K], undefined>
      ? false
      : true
    : Walk<Exclude<T[K], undefined>, Rule, [...Depth, unknown]>
  : Walk<Exclude<T[K], undefined>, Rule, [...Depth, unknown]>;

type ArgsSafe<F> = F extends (...args: infer A) => unknown ? IsJsonSafe<Required<A>[number]> : false;

/** A void result reaches the client as `null`, which is JSON. */
type ResultSafe<F> = F extends (...args: never[]) => infer R ? IsJsonSafe<Exclude<R, void>> : false;

type Result<F> = F extends (...args: never[]) => infer R ? Exclude<R, void> : never;

export type SidebarFunction = Exclude<keyof Entry, AppsScriptOnly>;

type NotJsonSafe = {
  [K in SidebarFunction]: false extends ArgsSafe<Entry[K]> | ResultSafe<Entry[K]> ? K : never;
}[SidebarFunction];

type UntypedStatus = {
  [K in SidebarFunction]: HasTypedStatuses<Result<Entry[K]>> extends true ? never : K;
}[SidebarFunction];

export type SidebarApi = [NotJsonSafe] extends [never]
  ? [UntypedStatus] extends [never]
    ? { [K in SidebarFunction]: Entry[K] }
    : { untypedStatus: UntypedStatus }
  : { notJsonSafe: NotJsonSafe };
