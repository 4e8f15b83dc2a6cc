/**
 * The order of version names, oldest first, as a person reads them: runs of digits compare as
 * numbers (`v3.9.0` < `v3.10.0` < `v10.0`), the rest character by character. A name that goes
 * on past an equal start with `-` and a letter is a pre-release of the shorter one and comes
 * before it (`v3.10.0-rc.1` < `v3.10.0`, as semver has it); going on any other way comes after
 * (`v3.10` < `v3.10.1`).
 */
export function compareVersionNames(a: string, b: string): number {
  const x = chunks(a);
  const y = chunks(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const order = compareChunks(x[i], y[i]);
    if (order !== 0) return order;
  }
  if (x.length !== y.length) {
    const longer = x.length > y.length ? x : y;
    const rest = longer.slice(Math.min(x.length, y.length)).join('');
    const later = /^-[A-Za-z]/.test(rest) ? -1 : 1;
    return x.length > y.length ? later : -later;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `v3.10.0-rc.1` → `v`, `3`, `.`, `10`, `.`, `0`, `-rc.`, `1`. */
function chunks(name: string): string[] {
  return name.match(/\d+|\D+/g) ?? [];
}

function compareChunks(a: string, b: string): number {
  const digits = /^\d/;
  if (digits.test(a) && digits.test(b)) {
    // Compared as text of equal length, so a run of any length stays exact.
    const [p, q] = [a.replace(/^0+(?=\d)/, ''), b.replace(/^0+(?=\d)/, '')];
    if (p.length !== q.length) return p.length - q.length;
    return p < q ? -1 : p > q ? 1 : 0;
  }
  // A number before text: `v1.0` before `v1.x`.
  if (digits.test(a) !== digits.test(b)) return digits.test(a) ? -1 : 1;
  const [p, q] = [a.toLowerCase(), b.toLowerCase()];
  return p < q ? -1 : p > q ? 1 : 0;
}
