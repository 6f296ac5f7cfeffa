/**
 * One console warning per element tag, attribute and bad value ("is not valid; using …"): a host
 * sees its mistake once, not on every render.
 */
const warned = new Set<string>();

/** A `warnOnce(name, value, used)` for `tag`'s attributes. */
export function invalidValueWarning(tag: string): (name: string, value: unknown, used: unknown) => void {
  return (name, value, used) => {
    const key = `${tag} ${name}=${String(value)}`;
    if (warned.has(key)) return;
    warned.add(key);
    console.warn(`<${tag}>: ${name}="${String(value)}" is not valid; using "${String(used)}".`);
  };
}
