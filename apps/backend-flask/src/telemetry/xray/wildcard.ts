/**
 * X-Ray's wildcard match: `*` stands for any run of characters (none
 * included), `?` for exactly one; case-insensitive, over the whole text.
 */
export const wildcardMatch = (pattern: string, text: string): boolean => {
  const p = pattern.toLowerCase();
  const t = text.toLowerCase();
  // Greedy with backtracking to the last `*`: linear for X-Ray's short patterns.
  let pi = 0;
  let ti = 0;
  let starAt = -1;
  let resumeAt = 0;
  while (ti < t.length) {
    if (pi < p.length && (p[pi] === '?' || p[pi] === t[ti])) {
      pi++;
      ti++;
    } else if (pi < p.length && p[pi] === '*') {
      starAt = pi++;
      resumeAt = ti;
    } else if (starAt >= 0) {
      pi = starAt + 1;
      ti = ++resumeAt;
    } else {
      return false;
    }
  }
  while (p[pi] === '*') pi++;
  return pi === p.length;
};
