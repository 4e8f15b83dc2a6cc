// The Porter stemmer (M. F. Porter, 1980), so highlighting and "did you mean" treat
// watermark/watermarks/watermarking as one word the way Pagefind's index does.

const isCons = (w: string, i: number): boolean => {
  const c = w[i];
  if ('aeiou'.includes(c)) return false;
  if (c === 'y') return i === 0 || !isCons(w, i - 1);
  return true;
};

/** m in Porter's [C](VC)^m[V]: the number of vowel-consonant sequences in `w`. */
function measure(w: string): number {
  let m = 0;
  let i = 0;
  const n = w.length;
  while (i < n && isCons(w, i)) i++;
  while (i < n) {
    while (i < n && !isCons(w, i)) i++;
    if (i >= n) break;
    while (i < n && isCons(w, i)) i++;
    m++;
  }
  return m;
}

const hasVowel = (w: string) => [...w].some((_, i) => !isCons(w, i));
const doubleCons = (w: string) => w.length > 1 && w[w.length - 1] === w[w.length - 2] && isCons(w, w.length - 1);
/** consonant-vowel-consonant ending, the last not w, x or y */
const cvc = (w: string) => {
  const n = w.length;
  return n >= 3 && isCons(w, n - 3) && !isCons(w, n - 2) && isCons(w, n - 1) && !'wxy'.includes(w[n - 1]);
};

/** Replaces suffix `s` by `r` when the stem left before it has a measure above `min`. */
function rule(w: string, pairs: [string, string][], min: number): string {
  for (const [s, r] of pairs) {
    if (w.endsWith(s)) {
      const stem = w.slice(0, -s.length);
      return measure(stem) > min ? stem + r : w;
    }
  }
  return w;
}

const STEP2: [string, string][] = [
  ['ational', 'ate'], ['tional', 'tion'], ['enci', 'ence'], ['anci', 'ance'], ['izer', 'ize'], ['bli', 'ble'],
  ['alli', 'al'], ['entli', 'ent'], ['eli', 'e'], ['ousli', 'ous'], ['ization', 'ize'], ['ation', 'ate'],
  ['ator', 'ate'], ['alism', 'al'], ['iveness', 'ive'], ['fulness', 'ful'], ['ousness', 'ous'], ['aliti', 'al'],
  ['iviti', 'ive'], ['biliti', 'ble'], ['logi', 'log'],
];
const STEP3: [string, string][] = [['icate', 'ic'], ['ative', ''], ['alize', 'al'], ['iciti', 'ic'], ['ical', 'ic'], ['ful', ''], ['ness', '']];
const STEP4 = ['al', 'ance', 'ence', 'er', 'ic', 'able', 'ible', 'ant', 'ement', 'ment', 'ent', 'ion', 'ou', 'ism', 'ate', 'iti', 'ous', 'ive', 'ize'];

export function stem(input: string): string {
  let w = input.toLowerCase();
  if (w.length <= 2 || !/^[a-z]+$/.test(w)) return w;
  // Step 1a: plurals.
  if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('ies')) w = w.slice(0, -2);
  else if (!w.endsWith('ss') && w.endsWith('s')) w = w.slice(0, -1);
  // Step 1b: -ed, -ing.
  let again = false;
  if (w.endsWith('eed')) {
    if (measure(w.slice(0, -3)) > 0) w = w.slice(0, -1);
  } else {
    for (const s of ['ed', 'ing']) {
      if (w.endsWith(s) && hasVowel(w.slice(0, -s.length))) {
        w = w.slice(0, -s.length);
        again = true;
        break;
      }
    }
  }
  if (again) {
    if (/(at|bl|iz)$/.test(w)) w += 'e';
    else if (doubleCons(w) && !/[lsz]$/.test(w)) w = w.slice(0, -1);
    else if (measure(w) === 1 && cvc(w)) w += 'e';
  }
  // Step 1c: y → i.
  if (w.endsWith('y') && hasVowel(w.slice(0, -1))) w = w.slice(0, -1) + 'i';
  w = rule(w, STEP2, 0);
  w = rule(w, STEP3, 0);
  // Step 4: drop a suffix when the stem is long enough.
  for (const s of STEP4) {
    if (w.endsWith(s)) {
      const base = w.slice(0, -s.length);
      if (measure(base) > 1 && (s !== 'ion' || /[st]$/.test(base))) w = base;
      break;
    }
  }
  // Step 5: final -e and -ll.
  if (w.endsWith('e')) {
    const base = w.slice(0, -1);
    const m = measure(base);
    if (m > 1 || (m === 1 && !cvc(base))) w = base;
  }
  if (measure(w) > 1 && doubleCons(w) && w.endsWith('l')) w = w.slice(0, -1);
  return w;
}
