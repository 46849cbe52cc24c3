/**
 * The value cached under `key` in `map`, made by `make` the first time it is asked for. The key must name what kind of
 * value it holds (`day|CloseDate`, `c|en-US|EUR`), since the map's value type is the union of the kinds it caches.
 */
export function cachedIn<V, T extends V>(map: Map<string, V>, key: string, make: () => T): T {
    let value = map.get(key) as T | undefined;
    if (value === undefined) {
        value = make();
        map.set(key, value);
    }
    return value;
}
