/**
 * How parallel Cloud Run tasks share the courses: task i of n takes the courses whose code hashes to i
 * (`CLOUD_RUN_TASK_INDEX`, `CLOUD_RUN_TASK_COUNT`), so every course has exactly one task and a rerun
 * gives each task the same courses.
 */
export interface Shard {
  index: number;
  count: number;
}

export function shardFromEnv(env: Record<string, string | undefined>): Shard {
  const count = Math.max(1, Number.parseInt(env.CLOUD_RUN_TASK_COUNT ?? '1', 10) || 1);
  const index = Number.parseInt(env.CLOUD_RUN_TASK_INDEX ?? '0', 10) || 0;
  if (index < 0 || index >= count)
    throw new Error(`CLOUD_RUN_TASK_INDEX ${index} fuori da 0..${count - 1} (CLOUD_RUN_TASK_COUNT ${count}).`);
  return { index, count };
}

function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h >>> 0;
}

export function shardOf(courseCode: string, shard: Shard): boolean {
  return hash(courseCode) % shard.count === shard.index;
}
