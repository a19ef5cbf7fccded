/**
 * Names that read the same but are different strings: an organisation named
 * "RОSA" with a Cyrillic О looks exactly like "ROSA". Pure functions, used
 * where a name identifies something to people (organisation names): refuse a
 * new name whose skeleton equals an existing one's, or that mixes scripts in
 * one word. Invisible format characters are refused for all text already
 * (`textProblem`).
 */

/**
 * Cyrillic and Greek letters that look like a Latin letter, in both cases
 * (mapped before case folding: Greek Η looks like H, η like n). The common
 * look-alikes of UTS #39's confusables list for these scripts.
 */
const LOOK_ALIKES: Record<string, string> = {
  // Cyrillic capitals
  А: 'A',
  В: 'B',
  Е: 'E',
  Ё: 'E',
  Ѕ: 'S',
  І: 'I',
  Ї: 'I',
  Ј: 'J',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  У: 'Y',
  Х: 'X',
  Ү: 'Y',
  Һ: 'H',
  Ԁ: 'D',
  Ԛ: 'Q',
  Ԝ: 'W',
  Ӏ: 'I',
  // Cyrillic small letters
  а: 'a',
  е: 'e',
  ё: 'e',
  ѕ: 's',
  і: 'i',
  ї: 'i',
  ј: 'j',
  о: 'o',
  р: 'p',
  с: 'c',
  у: 'y',
  х: 'x',
  ү: 'y',
  һ: 'h',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
  ӏ: 'l',
  ь: 'b',
  п: 'n',
  к: 'k',
  м: 'm',
  т: 't',
  в: 'b',
  н: 'h',
  // Greek capitals
  Α: 'A',
  Β: 'B',
  Ε: 'E',
  Ζ: 'Z',
  Η: 'H',
  Ι: 'I',
  Κ: 'K',
  Μ: 'M',
  Ν: 'N',
  Ο: 'O',
  Ρ: 'P',
  Τ: 'T',
  Υ: 'Y',
  Χ: 'X',
  Ϲ: 'C',
  Ϳ: 'J',
  // Greek small letters
  α: 'a',
  ε: 'e',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  γ: 'y',
  η: 'n',
  μ: 'u',
  ϲ: 'c',
  ϳ: 'j',
  // Latin letters that read as another
  ı: 'i',
};
const LOOK_ALIKE_RE = new RegExp(`[${Object.keys(LOOK_ALIKES).join('')}]`, 'gu');

/**
 * The form two names share when they look alike: NFKC (full-width and
 * compatibility forms folded), invisible format characters dropped, Cyrillic
 * and Greek look-alike letters mapped to Latin, case folded, and every run of
 * punctuation, symbols and spaces made one space. `"RОSA (demo)"` (Cyrillic О)
 * and `"rosa – demo"` both give `"rosa demo"`.
 */
export function confusableSkeleton(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/\p{Cf}/gu, '')
    .replace(LOOK_ALIKE_RE, (c) => LOOK_ALIKES[c] ?? c)
    .toLowerCase()
    .replace(/[\p{P}\p{S}\p{Z}\s]+/gu, ' ')
    .trim();
}

/** Scripts told apart in a word; a letter of another script counts as its own "other" script. */
const SCRIPTS = [
  'Latin',
  'Cyrillic',
  'Greek',
  'Arabic',
  'Hebrew',
  'Armenian',
  'Georgian',
  'Devanagari',
  'Bengali',
  'Tamil',
  'Thai',
  'Ethiopic',
  'Han',
  'Hiragana',
  'Katakana',
  'Hangul',
  'Bopomofo',
] as const;
const SCRIPT_RES = SCRIPTS.map((s) => [s, new RegExp(`\\p{Script=${s}}`, 'u')] as const);

/** Script sets that one word may combine (UTS #39 "highly restrictive": Japanese, Korean and Chinese writing). */
const ALLOWED_MIXES: readonly (readonly string[])[] = [
  ['Han', 'Hiragana', 'Katakana'],
  ['Han', 'Hangul'],
  ['Han', 'Bopomofo'],
];

function scriptOf(letter: string): string {
  for (const [name, re] of SCRIPT_RES) if (re.test(letter)) return name;
  return 'Other';
}

/**
 * True when a word (a run of letters and marks) mixes letters of two scripts, such as Latin and Cyrillic in
 * "RОSA". Names written wholly in one script pass, Norwegian æøå and Vietnamese diacritics included (they are
 * Latin), and so do words of several scripts that are written together (Japanese kana with kanji).
 */
export function mixesScriptsInAWord(text: string): boolean {
  for (const word of text.normalize('NFKC').split(/[^\p{L}\p{M}]+/u)) {
    const scripts = new Set<string>();
    for (const ch of word) if (/\p{L}/u.test(ch)) scripts.add(scriptOf(ch));
    if (scripts.size > 1 && !ALLOWED_MIXES.some((mix) => [...scripts].every((s) => mix.includes(s)))) return true;
  }
  return false;
}
