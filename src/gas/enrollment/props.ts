/**
 * The enrollment workflow's Script Properties, read in one call and kept for the execution (each
 * property call costs about 30-60 ms). `reloadProps` re-reads them once the script lock is held, since
 * another execution may have changed them meanwhile.
 */
let memo: Record<string, string> | null = null;

function load(): Record<string, string> {
  memo ??= PropertiesService.getScriptProperties().getProperties();
  return memo;
}

export function reloadProps(): void {
  memo = null;
  load();
}

export function prop(key: string): string | null {
  return load()[key] ?? null;
}

export function setProps(values: Record<string, string>): void {
  PropertiesService.getScriptProperties().setProperties(values);
  Object.assign(load(), values);
}
