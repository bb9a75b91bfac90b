import type { CheckRule, Diagnostic } from '../../diagnostics/index.js';
import type { RenderedSms } from '../render-sms.js';
import { contextOf, renderTemplate } from '../../render/render-template.js';
import { templateDiagnostic } from '../../render/index.js';
import type { Sample } from '../../workspace/index.js';
import { describeCharacter } from '../describe-character.js';
import { isGsm7Char } from '../gsm7.js';
import { analyzeSms, SEGMENT_LIMITS, type Ucs2Character } from '../segments.js';
import { traceCharacterOrigins, type CharacterOrigin } from '../check/character-origins.js';
import { sampleLabel, type SmsCheckContext, type SmsSampleFacts } from '../check/sms-check-context.js';
import { rendersEmpty } from './sms-empty.js';

const UCS2_COST = `${SEGMENT_LIMITS['UCS-2'].single} characters per segment instead of ${SEGMENT_LIMITS['GSM-7'].single}`;
const SMART_ENCODING_HINT = 'set sms.smartEncoding: true to replace look-alikes when the SMS is sent';
const BUDGET_HINT = 'text GSM-7 cannot write needs UCS-2: make sure sms.maxSegments allows for it (see the worst case of sms/max-segments)';

/** A character that keeps the SMS in UCS-2, located in the personalized and in the sent text. */
interface Culprit extends Ucs2Character {
  /** UTF-16 offset, in the personalized text, of the first code point GSM-7 cannot carry. */
  culpritOffset: number;
  /** 1-based position, in characters (code points), in the text as sent. */
  position: number;
}

/**
 * The characters of the personalized text that keep the sent text in UCS-2. With smart
 * encoding on, those that have a look-alike are replaced before sending, so they drop out.
 */
function culprits(rendered: RenderedSms, smartEncoding: boolean): Culprit[] {
  if (rendered.analysis.encoding === 'GSM-7') return [];
  // Without smart encoding the personalized text is the sent one, already analyzed.
  const personalized = smartEncoding ? analyzeSms(rendered.personalized) : rendered.analysis;
  const found: Culprit[] = [];
  // How far replacements so far have moved the sent text against the personalized one.
  let shift = 0;
  for (const character of personalized.ucs2Characters) {
    if (smartEncoding && character.replacement !== undefined) {
      shift += character.replacement.length - character.char.length;
      continue;
    }
    const inner = [...character.char].findIndex((char) => !isGsm7Char(char));
    const culpritOffset = character.offset + [...character.char].slice(0, inner).join('').length;
    const position = [...rendered.text.slice(0, character.offset + shift)].length + 1;
    found.push({ ...character, culpritOffset, position });
  }
  return found;
}

function fixFor(character: Ucs2Character): string {
  if (character.replacement === undefined) return 'GSM-7 has no replacement for it';
  return character.replacement === '' ? 'remove it (it is invisible)' : `replace with "${character.replacement}"`;
}

/** `replace "ł" with "l"; GSM-7 has no replacement for "Д", "м"` for several distinct characters. */
function fixesFor(characters: Culprit[]): string {
  const distinct = [...new Map(characters.map((character) => [character.char, character])).values()];
  if (distinct.length === 1) return fixFor(distinct[0]!);
  const replaceable = distinct.filter((character) => character.replacement !== undefined);
  const others = distinct.filter((character) => character.replacement === undefined);
  const replacements = replaceable.map((character) => `"${character.char}" with "${character.replacement}"`).join(', ');
  if (others.length === 0) return `replace ${replacements}`;
  const noReplacement = replaceable.length === 0 ? 'them' : others.map((character) => `"${character.char}"`).join(', ');
  return `${replaceable.length === 0 ? '' : `replace ${replacements}; `}GSM-7 has no replacement for ${noReplacement}`;
}

/** `"Д" (U+0414) at character 4 of the SMS and 6 more characters from customer.first_name ("Дмитрий") force UCS-2: …` */
function describeGroup(characters: Culprit[], from: string): string {
  const [first] = characters as [Culprit, ...Culprit[]];
  const where = `${describeCharacter(first.char)} at character ${first.position} of the SMS`;
  if (characters.length === 1) return `${where}, from ${from}, forces UCS-2: ${UCS2_COST}; ${fixFor(first)}`;
  return `${where} and ${characters.length - 1} more characters from ${from} force UCS-2: ${UCS2_COST}; ${fixesFor(characters)}`;
}

/** `trigger.items[0].name` */
function attributeName(path: readonly (string | number)[]): string {
  return path.map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : index === 0 ? segment : `.${segment}`)).join('');
}

/** `"Дмитрий"`, shortened past 40 characters so a long value does not swamp the message. */
function quoteValue(text: string): string {
  const characters = [...text];
  return `"${characters.length > 40 ? `${characters.slice(0, 39).join('')}…` : text}"`;
}

/**
 * sms/encoding for one sample: every character that keeps the SMS in UCS-2, at its place in
 * sms.txt when the template wrote it (one warning per occurrence), or at the sample value it
 * came from (one warning per attribute). Characters whose origin cannot be traced (a filter
 * transformed them) are reported at their position in the rendered text.
 */
function encodingDiagnostics(context: SmsCheckContext, sample: Sample | undefined, rendered: RenderedSms): Diagnostic[] {
  const { message, sms, engines } = context;
  const found = culprits(rendered, sms.definition.smartEncoding === true);
  if (found.length === 0) return [];
  const origins = traceCharacterOrigins({
    source: sms.body,
    context: contextOf(sample),
    output: rendered.personalized,
    render: (source, renderContext) => renderTemplate(source, renderContext, message, { engines, strict: false }).output,
  });
  const hintFor = (characters: Culprit[], smartEncodingHint: string) =>
    characters.some((character) => character.replacement !== undefined) ? smartEncodingHint : BUDGET_HINT;
  const label = sampleLabel(sample);
  const diagnostics: Diagnostic[] = [];
  // A character the template writes inside a loop appears in the output once per iteration.
  const templateOffsets = new Set<number>();
  const fromData = new Map<string, { origin: Extract<CharacterOrigin, { kind: 'attribute' }>; characters: Culprit[] }>();
  const untraced: Culprit[] = [];

  for (const character of found) {
    const origin = origins.get(character.culpritOffset);
    if (origin?.kind === 'template') {
      if (templateOffsets.has(origin.offset)) continue;
      templateOffsets.add(origin.offset);
      diagnostics.push(
        templateDiagnostic(sms.body, {
          ruleId: smsEncoding.meta.id,
          severity: smsEncoding.meta.defaultSeverity,
          offset: origin.offset,
          length: String.fromCodePoint(character.codePoint).length,
          message: `${describeCharacter(character.char)} forces UCS-2: ${UCS2_COST}; ${fixFor(character)}`,
          hint: hintFor([character], `or ${SMART_ENCODING_HINT}`),
        }),
      );
    } else if (origin?.kind === 'attribute') {
      const key = JSON.stringify(origin.path);
      const group = fromData.get(key) ?? { origin, characters: [] };
      group.characters.push(character);
      fromData.set(key, group);
    } else {
      untraced.push(character);
    }
  }

  // Attribute values exist only in a sample: without one, every origin is the template or untraced.
  if (sample) {
    for (const { origin, characters } of fromData.values()) {
      diagnostics.push({
        ruleId: smsEncoding.meta.id,
        severity: smsEncoding.meta.defaultSeverity,
        message: `${label}: ${describeGroup(characters, `${attributeName(origin.path)} (${quoteValue(origin.value)})`)}`,
        file: sample.file,
        ...sample.document.locate(origin.path),
        hint: hintFor(characters, `the value comes from the data: ${SMART_ENCODING_HINT}`),
      });
    }
  }
  if (untraced.length > 0) {
    diagnostics.push({
      ruleId: smsEncoding.meta.id,
      severity: smsEncoding.meta.defaultSeverity,
      message: `${label}: ${describeGroup(untraced, 'an attribute or filter output')}`,
      file: sms.body.file,
      line: 1,
      column: 1,
      hint: hintFor(untraced, SMART_ENCODING_HINT),
    });
  }
  return diagnostics;
}

export const smsEncoding: CheckRule<SmsSampleFacts> = {
  meta: {
    id: 'sms/encoding',
    defaultSeverity: 'warning',
    docs: 'the SMS uses only GSM-7 characters (others force UCS-2: 70 characters a segment)',
  },
  check(facts) {
    if (!facts.rendered.bodyRendered || rendersEmpty(facts)) return [];
    return encodingDiagnostics(facts.context, facts.sample, facts.rendered);
  },
};
