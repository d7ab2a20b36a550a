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
 * Called by Apps Script (triggers, the web app), only from the menu (they read the active cell), or by
 * the Node worker through the Apps Script API `scripts.run`.
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
  'reserveCertificatesForWorker',
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
export type IsJsonSafe<T> = false extends JsonCheck<T, []> ? false : true;

/**
 * `false` somewhere in the result when some part of T does not survive JSON. `Depth` bounds the walk:
 * the DTOs are shallow, and the compiler refuses an unbounded recursion.
 */
type JsonCheck<T, Depth extends unknown[]> = Depth['length'] extends 10
  ? true
  : [T] extends [never]
    ? true
    : T extends Primitive
      ? true
      : T extends NotJson
        ? false
        : T extends readonly (infer E)[]
          ? JsonCheck<E, [...Depth, unknown]>
          : T extends object
            ? { [K in keyof T]-?: JsonCheck<Exclude<T[K], undefined>, [...Depth, unknown]> }[keyof T] | true
            : false;

type ArgsSafe<F> = F extends (...args: infer A) => unknown ? IsJsonSafe<Required<A>[number]> : false;

/** A void result reaches the client as `null`, which is JSON. */
type ResultSafe<F> = F extends (...args: never[]) => infer R ? IsJsonSafe<Exclude<R, void>> : false;

/**
 * `true` when every `status` field of T, however deep, is one of a fixed vocabulary (the core's unions,
 * such as `EnrollmentStatus`) rather than any `string`: the sidebar compares statuses with literals, and
 * only a union makes a misspelt `'Confermato'` a compile error. `Depth` bounds the walk as above.
 */
export type HasTypedStatuses<T> = false extends StatusCheck<T, []> ? false : true;

type StatusCheck<T, Depth extends unknown[]> = Depth['length'] extends 10
  ? true
  : [T] extends [never]
    ? true
    : T extends Primitive
      ? true
      : T extends readonly (infer E)[]
        ? StatusCheck<E, [...Depth, unknown]>
        : T extends object
          ? | {
                [K in keyof T]-?: K extends 'status'
                  ? string extends Exclude<T[K], undefined>
                    ? false
                    : true
                  : StatusCheck<Exclude<T[K], undefined>, [...Depth, unknown]>;
              }[keyof T]
            | true
          : true;

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
