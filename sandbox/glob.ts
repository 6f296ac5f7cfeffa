/**
 * `*` wildcard matching for fault rules' `path` patterns, without building a regular expression
 * from input. The classic two-pointer match: on a mismatch it goes back only to the last `*` seen
 * and lets that star swallow one more character, so the work is at most
 * pattern length × text length steps (no exponential backtracking, whatever the pattern).
 * `*` matches any run of characters, `/` included; every other character matches itself.
 */
export function globMatch(pattern: string, text: string): boolean {
  let p = 0;
  let t = 0;
  let star = -1; // index in `pattern` of the last `*` seen
  let resume = 0; // index in `text` where that star's match currently ends
  while (t < text.length) {
    if (p < pattern.length && pattern[p] !== '*' && pattern[p] === text[t]) {
      p++;
      t++;
    } else if (p < pattern.length && pattern[p] === '*') {
      star = p++;
      resume = t;
    } else if (star >= 0) {
      p = star + 1;
      t = ++resume;
    } else {
      return false;
    }
  }
  while (p < pattern.length && pattern[p] === '*') p++;
  return p === pattern.length;
}
