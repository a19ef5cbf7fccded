/**
 * Name normalisation for privacy-preserving record linkage. Agencies spell the
 * same person differently: with or without diacritics, in another
 * transliteration, with given and family name swapped, with or without a
 * hyphen. Everything here runs on the agency's side before names are encoded
 * into a Bloom filter (see `clk.ts`); nothing here leaves the agency.
 *
 * The pipeline, in order:
 *
 * 1. `normaliseNameText`: Unicode NFC, lower case; the letters that do not
 *    decompose are spelled out (ø→o, æ→ae, œ→oe, ß→ss, đ/ð→d, þ→th, ł→l,
 *    ı→i); Cyrillic is transliterated letter by letter (ж→zh, х→kh, ц→ts,
 *    ч→ch, ш→sh, щ→shch, ю→yu, я→ya, ...); then NFD with every combining mark
 *    removed (å→a, é→e, ș/ş→s, ă→a, ...); apostrophes are dropped (O'Neil →
 *    oneil); every other character that is not a letter or digit (hyphens,
 *    dots, commas) becomes a space; runs of whitespace collapse to one.
 * 2. `nameTokens`: splits given names, family name and aliases on spaces,
 *    folds each token with `foldNameToken`, and returns the *set* of tokens,
 *    sorted: name order does not matter, so "Ana Maria Popescu" and
 *    "Popescu Ana Maria" give the same tokens. Particles (al, bin, van, de,
 *    le, ...) are kept: what is a particle in one naming culture is a whole
 *    name in another (Vietnamese Văn and Lê, Arabic al- before a family
 *    name that some agencies write and others leave out). They are *optional*
 *    tokens (`isParticle`): the CLK encodes them with little weight, so a
 *    record with and one without the particle still meet.
 * 3. `foldNameToken`: folds spellings that transliterations mix up, in this
 *    order: sch→sh, tch→ch, ph→f, ck→k, ks→x, q→k, w→v, kh→h, gh→g, dh→d,
 *    th→t, c before a/o/u/l/r/k/t or at the end → k, y→i, j after the first
 *    letter → i, ou/oo→u, ee→i, doubled letters → one, a final h after a
 *    vowel is dropped (sarah→sara); then a short list of common name variants
 *    maps to one spelling (mohammed, muhammad, mohamed → muhamad;
 *    aleksandr, alexandre, alexandru → alexander; ...).
 * 4. `consonantSkeleton`: the first letter and the remaining consonants of a
 *    folded token, a coarse key that survives vowel changes (muhamad →
 *    mhmd, husein/husain → hsn).
 */

const SPELLED_OUT: Readonly<Record<string, string>> = {
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ł: 'l',
  ı: 'i',
  ŋ: 'ng',
  ħ: 'h',
};

/** Russian/Ukrainian/Bulgarian Cyrillic to Latin, a simple passport-style table. */
const CYRILLIC: Readonly<Record<string, string>> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  ґ: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  є: 'ye',
  ж: 'zh',
  з: 'z',
  и: 'i',
  і: 'i',
  ї: 'yi',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
};

/** Particles that some agencies write and others leave out (after folding). */
export const PARTICLES: ReadonlySet<string> = new Set([
  'al',
  'el',
  'bin',
  'ibn',
  'bint',
  'van',
  'von',
  'der',
  'den',
  'de',
  'da',
  'di',
  'du',
  'dos',
  'das',
  'le',
  'la',
]);

/**
 * Common names whose transliterations differ by more than the folding rules
 * absorb, keyed by their folded spelling (after the rules in `foldNameToken`).
 */
const VARIANT_GROUPS: readonly (readonly string[])[] = [
  ['muhamad', 'mohamed', 'mohamad', 'muhamed', 'mohamet', 'muhamet', 'mahamad', 'mohd'],
  ['ahmad', 'ahmed', 'ahmet', 'achmed', 'ahmat'],
  ['husein', 'husain', 'hosein', 'hosain', 'husen', 'husin'],
  ['hasan', 'hasen'],
  ['iusuf', 'iusef', 'iosef', 'jusuf', 'iosuf', 'iusif'],
  ['ibrahim', 'ebrahim', 'ibrahem', 'ebrahem'],
  ['abdulah', 'abdalah', 'abdula', 'abdala'],
  ['fatima', 'fatma', 'fatime', 'fatimeh'],
  ['aisha', 'aicha', 'aiesha', 'aiisha'],
  ['mustafa', 'mostafa'],
  ['umar', 'omar'],
  ['usman', 'osman', 'otman', 'utman'],
  ['alexander', 'alexandr', 'alexandre', 'alexandru', 'alexandar', 'olexandr', 'olexander'],
  ['alexei', 'alexi', 'olexi', 'olexii'],
  ['sergei', 'sergi', 'serhi', 'serhii', 'serghei'],
  ['dmitri', 'dimitri', 'dmitrii'],
  ['iuri', 'juri', 'iurii', 'iurie'],
  ['natalia', 'natalie'],
  ['elena', 'ielena', 'jelena', 'olena'],
  ['evgeni', 'ievgeni', 'jevgeni', 'evgenii'],
  ['mihail', 'michail', 'mihai'],
  ['andrei', 'andri', 'andrii'],
  ['nikolai', 'nikolae', 'mikola'],
  ['ekaterina', 'iekaterina', 'katerina', 'kateryna'],
  ['oxana', 'oksana'],
  ['iulia', 'julia', 'iuliia'],
  ['chukwuemeka', 'emeka'],
  ['oluvaseun', 'seun'],
];

const VARIANTS: ReadonlyMap<string, string> = new Map(VARIANT_GROUPS.flatMap((group) => group.map((v) => [v, group[0]!] as const)));

/**
 * Step 1: lower case, letters spelled out, Cyrillic transliterated, diacritics
 * removed, punctuation and hyphens turned into spaces, whitespace collapsed.
 */
export function normaliseNameText(text: string): string {
  const lower = text.normalize('NFC').toLowerCase();
  let spelled = '';
  for (const ch of lower) spelled += SPELLED_OUT[ch] ?? CYRILLIC[ch] ?? ch;
  return spelled
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/['’‘`ʼ´]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Step 3: folds one normalised token so that common transliterations meet. */
export function foldNameToken(token: string): string {
  let t = token
    .replace(/sch/g, 'sh')
    .replace(/tch/g, 'ch')
    .replace(/ph/g, 'f')
    .replace(/ck/g, 'k')
    .replace(/ks/g, 'x')
    .replace(/q/g, 'k')
    .replace(/w/g, 'v')
    .replace(/kh/g, 'h')
    .replace(/gh/g, 'g')
    .replace(/dh/g, 'd')
    .replace(/th/g, 't')
    .replace(/c(?=[aoulrkt]|$)/g, 'k')
    .replace(/y/g, 'i')
    .replace(/(?<=.)j/g, 'i')
    .replace(/ou|oo/g, 'u')
    .replace(/ee/g, 'i')
    .replace(/(\p{L})\1+/gu, '$1')
    .replace(/(?<=.[aeiou])h$/, '');
  t = VARIANTS.get(t) ?? t;
  return t;
}

/** Step 4: first letter plus the remaining consonants, doubled ones merged. */
export function consonantSkeleton(folded: string): string {
  if (folded.length === 0) return folded;
  return (folded[0]! + folded.slice(1).replace(/[aeiou]/g, '')).replace(/(.)\1+/g, '$1');
}

/**
 * True for a folded token that is a name particle in some naming culture
 * (van, le, al, bin, de...): an optional token, never a deletion.
 */
export function isParticle(token: string): boolean {
  return PARTICLES.has(token);
}

/**
 * Step 2: the sorted set of folded name tokens of a person, from given names,
 * family name and aliases together (name order does not matter). Particles
 * are kept as tokens (see `isParticle`): "Văn Hùng Lê" gives `hung`, `le`,
 * `van`, never just `hung`.
 */
export function nameTokens(...names: readonly string[]): string[] {
  const raw = names.flatMap((n) => normaliseNameText(n).split(' ')).filter((t) => t.length > 0);
  const tokens = raw.map(foldNameToken).filter((t) => t.length > 0);
  return [...new Set(tokens)].sort();
}
