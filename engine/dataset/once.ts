// What several rules (or spans of one rule's run) read alike, computed once per owner — a loaded
// dataset, which never changes, or a rule's run — and key, and shared by every caller meanwhile.
// A result that failed is forgotten, so the next caller tries again rather than inherit the error.

/** A memo of `make()` per owner and key: `once(owner, key, make)`. */
export function onceEach<K, V>(): (owner: object, key: K, make: () => Promise<V>) => Promise<V> {
  const results = new WeakMap<object, Map<K, Promise<V>>>();
  return (owner, key, make) => {
    let mine = results.get(owner);
    if (!mine) results.set(owner, (mine = new Map()));
    let hit = mine.get(key);
    if (!hit) {
      const made = make();
      mine.set(key, made);
      made.catch(() => mine!.delete(key));
      hit = made;
    }
    return hit;
  };
}
