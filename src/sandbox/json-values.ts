/** A parsed JSON object, as request bodies and stored platform records are. */
export type JsonObject = Record<string, unknown>;

export function isRecord(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A non-empty string, the test every "required field" on both platforms comes down to. */
export function isFilledString(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

/**
 * PATCH semantics shared by SFMC assets and definitions: objects merge key by key, everything
 * else (arrays included) replaces. Returns a new object; neither input is changed.
 */
export function mergeDeep(target: JsonObject, patch: JsonObject): JsonObject {
  const merged: JsonObject = { ...target };
  for (const [key, value] of Object.entries(patch)) {
    const current = merged[key];
    merged[key] = isRecord(current) && isRecord(value) ? mergeDeep(current, value) : value;
  }
  return merged;
}

/** The value at a dotted path (`assetType.id`), as SFMC query properties name nested fields. */
export function valueAtPath(record: JsonObject, path: string): unknown {
  let value: unknown = record;
  for (const key of path.split('.')) {
    if (!isRecord(value)) return undefined;
    value = value[key];
  }
  return value;
}
