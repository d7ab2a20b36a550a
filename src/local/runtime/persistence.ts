import { mkdirSync, readFileSync, renameSync, writeFileSync, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { Workspace, type WorkspaceState } from './workspace';

/**
 * The whole emulated Workspace is one structured-clone of its state: Dates, nested arrays and Maps
 * survive as they are, which JSON would not give us.
 */
export function saveWorkspace(ws: Workspace, file: string): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, serialize(ws.state));
  renameSync(tmp, file);
}

export function loadWorkspace(file: string): Workspace | null {
  if (!existsSync(file)) return null;
  const state = deserialize(readFileSync(file)) as WorkspaceState;
  if (state.version !== 1) throw new Error(`unsupported workbook version in ${file}`);
  return new Workspace(state);
}
