/**
 * Traditional → Simplified Chinese for *reading* a page, never for what is published. Seven of the corpus's
 * 60 pages (mirrors in Hong Kong and Taiwan, 靜安區, 護理型床位500張) are in traditional characters; the rules
 * that find kinds, places, dates and figures are written in simplified Chinese, so they run over a simplified
 * reading of each line. The body stays as published and quotes stay exact substrings of it, which is why the
 * reading keeps every character at its index: a match at [i, j) in the reading is the text at [i, j) in the
 * original.
 *
 * Conversion is by OpenCC's dictionaries (opencc-js, the maintained port used by Wikipedia's tooling), one
 * character at a time: t2s phrase rules almost never change a character's simplified form, and converting per
 * character is what guarantees equal lengths.
 */
import * as OpenCC from 'opencc-js/t2cn';

const convertTraditional = OpenCC.Converter({ from: 't', to: 'cn' });
/**
 * Variant forms (异体字) that pages print and OpenCC's traditional dictionaries leave as they are, each with the
 * standard character it stands for: 陜 is how Big5 pages and many Hong Kong and Taiwan mirrors write 陝 (陕西), 髙
 * an old type form of 高, 衞 the Hong Kong form of 衛 (卫), and so on. Applied before the traditional conversion,
 * through OpenCC's own custom-dictionary converter, one character for one, so indexes still hold.
 */
const variantForms: [string, string][] = [
  ['陜', '陕'],
  ['髙', '高'],
  ['衞', '卫'],
  ['敍', '叙'],
  ['汚', '污'],
  ['粧', '妆'],
  ['衹', '只'],
  ['峯', '峰'],
  ['羣', '群'],
];
const convertVariant = OpenCC.CustomConverter(variantForms);
const characterCache = new Map<string, string>();

function simplifiedCharacter(character: string): string {
  let simplified = characterCache.get(character);
  if (simplified === undefined) {
    const converted = convertTraditional(convertVariant(character));
    // A conversion that changes the length would shift every later index; keep the original character then.
    simplified = converted.length === character.length ? converted : character;
    characterCache.set(character, simplified);
  }
  return simplified;
}

/** Whether a character is CJK (the only characters conversion can change). */
const cjk = /[\u3400-\u9fff\uf900-\ufaff]/;

/**
 * The simplified reading of `text`: the same length, index for index, with each traditional character replaced
 * by its simplified form (靜安區 → 静安区, 張 → 张). Text already simplified comes back unchanged.
 */
export function toSimplified(text: string): string {
  let out = '';
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index] ?? '';
    out += cjk.test(character) ? simplifiedCharacter(character) : character;
  }
  return out;
}

/** Whether `text` holds traditional characters, i.e. its simplified reading differs from it. */
export function hasTraditionalCharacters(text: string): boolean {
  return toSimplified(text) !== text;
}
