import type { CaniemailData } from './caniemail-data.js';

/**
 * How each caniemail feature shows in HTML and CSS. Most come from the feature's title
 * ("<abbr> element", "align attribute", "border-radius"); the rest are listed here. Features
 * that cannot be seen in one email's markup (AMP, BIMI, doctype, comments, CSS nesting) and
 * image formats (the email/img-format rule) are not matched.
 */
export interface FeatureMatchers {
  /** Tag name → features. */
  elements: ReadonlyMap<string, string[]>;
  /** Attribute name → features. */
  attributes: ReadonlyMap<string, string[]>;
  /** `tag[type=value]` → features. */
  typedElements: ReadonlyMap<string, string[]>;
  /** CSS property → features. */
  properties: ReadonlyMap<string, string[]>;
  /** A property with a given value (display:flex): reported instead of the property's own feature. */
  propertyValues: ReadonlyArray<{ property: string; value: RegExp; slug: string }>;
  /** The features of the functions, units and keywords in a declaration's value. */
  valueFeatures(value: string): string[];
  /** At-rule name → features. */
  atRules: ReadonlyMap<string, string[]>;
  /** Media features in an @media query. */
  mediaFeatures: ReadonlyArray<{ pattern: RegExp; slug: string }>;
  /** Pseudo-classes, pseudo-elements, combinators… in a selector (strings and brackets blanked). */
  selectors: ReadonlyArray<{ pattern: RegExp; slug: string }>;
}

/** Features whose properties are listed in caniemail's keywords rather than its title. */
const propertiesFromKeywords = [
  'css-border',
  'css-border-inline-block-individual',
  'css-border-inline-block-longhand',
  'css-border-radius-logical',
  'css-margin',
  'css-margin-block-start-end',
  'css-margin-inline-block',
  'css-margin-inline-start-end',
  'css-padding-block-start-end',
  'css-padding-inline-block',
  'css-padding-inline-start-end',
  'css-grid-template',
  'css-inset',
  'css-column-layout-properties',
];

const listedProperties: Record<string, string[]> = {
  'css-font': ['font'],
  'css-gap': ['gap', 'column-gap', 'row-gap'],
  'css-left-right-top-bottom': ['left', 'right', 'top', 'bottom'],
  'css-block-inline-size': ['block-size', 'inline-size'],
  'css-border-inline-block': ['border-inline', 'border-block'],
  'css-color-scheme': ['color-scheme'],
  'css-scroll-snap': ['scroll-snap-type', 'scroll-snap-align', 'scroll-snap-stop'],
  'css-padding': ['padding', 'padding-top', 'padding-right', 'padding-bottom', 'padding-left'],
  'css-overflow': ['overflow', 'overflow-x', 'overflow-y', 'overflow-block', 'overflow-inline'],
  'css-animation': ['animation', 'animation-name', 'animation-duration'],
};

const propertyValues = [
  { property: 'display', value: /^(inline-)?flex\b/, slug: 'css-display-flex' },
  { property: 'display', value: /^(inline-)?grid\b/, slug: 'css-display-grid' },
  { property: 'display', value: /^none\b/, slug: 'css-display-none' },
  { property: 'flex-direction', value: /^column/, slug: 'css-flex-direction' },
  { property: 'flex-wrap', value: /^wrap/, slug: 'css-flex-wrap' },
];

/** CSS function name → feature. */
const functions: Record<string, string> = {
  calc: 'css-unit-calc',
  clamp: 'css-function-clamp',
  max: 'css-function-max',
  min: 'css-function-min',
  'light-dark': 'css-function-light-dark',
  'linear-gradient': 'css-linear-gradient',
  'repeating-linear-gradient': 'css-linear-gradient',
  'radial-gradient': 'css-radial-gradient',
  'repeating-radial-gradient': 'css-radial-gradient',
  'conic-gradient': 'css-conic-gradient',
  'repeating-conic-gradient': 'css-conic-gradient',
  rgb: 'css-rgb',
  rgba: 'css-rgba',
  lch: 'css-modern-color',
  oklch: 'css-modern-color',
  lab: 'css-modern-color',
  oklab: 'css-modern-color',
  var: 'css-variables',
};

const keywordValues: Record<string, RegExp> = {
  'css-unit-initial': /(?<![\w-])initial(?![\w-])/i,
  'css-sytem-ui': /(?<![\w-])(?:system-ui|ui-serif|ui-sans-serif|ui-rounded|ui-monospace)(?![\w-])/i,
  'css-intrinsic-size': /(?<![\w-])(?:fit-content|min-content|max-content)(?![\w-])/i,
  'css-important': /!\s*important/i,
};

/** CSS unit → feature. */
const units: Record<string, string> = Object.fromEntries(
  ['px', 'em', 'ex', 'ch', 'rem', 'vh', 'vw', 'vmin', 'vmax', 'cm', 'mm', 'in', 'pt', 'pc']
    .map((unit): [string, string] => [unit, `css-unit-${unit}`])
    .concat([['%', 'css-unit-percent']]),
);
const functionPattern = /(?<![\w-])([a-z-]+)\(/gi;
const unitPattern = /(?<![\w#.-])[-+]?(?:\d*\.)?\d+([a-z]+|%)(?![\w-])/gi;

const mediaFeatures = [
  { pattern: /prefers-color-scheme/i, slug: 'css-at-media-prefers-color-scheme' },
  { pattern: /prefers-reduced-motion/i, slug: 'css-at-media-prefers-reduced-motion' },
  { pattern: /\borientation\b/i, slug: 'css-at-media-orientation' },
  { pattern: /(?<![\w-])(?:any-)?hover\s*:/i, slug: 'css-at-media-hover' },
  { pattern: /device-pixel-ratio/i, slug: 'css-at-media-device-pixel-ratio' },
];

/** Legacy pseudo-elements may be written with one colon. */
const singleColonPseudoElements = new Set(['after', 'before', 'first-letter', 'first-line']);

const structuralSelectors = [
  { pattern: /\[/, slug: 'css-selector-attribute' },
  { pattern: /#[\w-]/, slug: 'css-selector-id' },
  { pattern: /\.[a-z_-]/i, slug: 'css-selector-class' },
  { pattern: /\*/, slug: 'css-selector-universal' },
  { pattern: />/, slug: 'css-selector-child' },
  { pattern: /\+/, slug: 'css-selector-adjacent-sibling' },
  { pattern: /~/, slug: 'css-selector-general-sibling' },
  { pattern: /[^\s>+~,(]\s+(?![>+~])[^\s>+~,)]/, slug: 'css-selector-descendant' },
  { pattern: /(?:^|[\s>+~])[a-z][\w-]*/i, slug: 'css-selector-type' },
  { pattern: /[\w\])-][.#[]/, slug: 'css-selector-chaining' },
];

const listedElements: Record<string, string[]> = {
  'html-svg': ['svg'],
  'html-lists': ['ul', 'ol', 'dl'],
  'html-h1-h6': ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
  'html-address': ['address'],
  'html-image-maps': ['map', 'area'],
};

const listedAttributes: Record<string, string[]> = {
  'html-srcset': ['srcset', 'sizes'],
  'html-image-maps': ['usemap'],
};

function add(index: Map<string, string[]>, key: string, slug: string): void {
  const slugs = index.get(key);
  if (!slugs) index.set(key, [slug]);
  else if (!slugs.includes(slug)) slugs.push(slug);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The matchers for every feature of `data` (features missing from the data set are left out). */
export function featureMatchers(data: CaniemailData): FeatureMatchers {
  const has = (slug: string) => data.features.has(slug);
  const elements = new Map<string, string[]>();
  const attributes = new Map<string, string[]>();
  const typedElements = new Map<string, string[]>();
  const properties = new Map<string, string[]>();
  const atRules = new Map<string, string[]>();
  const selectors: Array<{ pattern: RegExp; slug: string }> = [];

  for (const feature of data.features.values()) {
    const { slug } = feature;
    const title = feature.title.trim();
    const keywords = (feature.keywords ?? '').split(',').map((keyword) => keyword.trim());
    if (feature.category === 'html') {
      const typed = /^<(\w+) type="(\w+)">/.exec(title);
      const element = /^<(\w+)>/.exec(title);
      const attribute = /^([a-z-]+) attribute$/.exec(title);
      if (typed) add(typedElements, `${typed[1]}[type=${typed[2]}]`, slug);
      else if (slug === 'html-semantics') keywords.forEach((name) => add(elements, name, slug));
      else if (element) add(elements, element[1]!, slug);
      if (attribute) add(attributes, attribute[1]!, slug);
      (listedElements[slug] ?? []).forEach((name) => add(elements, name, slug));
      (listedAttributes[slug] ?? []).forEach((name) => add(attributes, name, slug));
    }
    if (feature.category !== 'css') continue;
    const property = /^([a-z-]+)(?: property)?$/.exec(title)?.[1];
    const names =
      listedProperties[slug] ??
      (propertiesFromKeywords.includes(slug)
        ? [...(property ? [property] : []), ...keywords.filter((keyword) => /^[a-z-]+$/.test(keyword))]
        : property
          ? [property]
          : []);
    names.forEach((name) => add(properties, name, slug));
    const atRule = /^css-at-(font-face|import|keyframes|supports|media)$/.exec(slug)?.[1];
    if (atRule) add(atRules, atRule, slug);
    const pseudoClass = /^css-pseudo-class-(.+)$/.exec(slug)?.[1];
    if (pseudoClass) selectors.push({ pattern: new RegExp(`(?<!:):${escapeRegExp(pseudoClass)}(?![\\w-])`, 'i'), slug });
    const pseudoElement = /^css-pseudo-element-(.+)$/.exec(slug)?.[1];
    if (pseudoElement)
      selectors.push({
        pattern: new RegExp(`${singleColonPseudoElements.has(pseudoElement) ? '::?' : '::'}${escapeRegExp(pseudoElement)}(?![\\w-])`, 'i'),
        slug,
      });
  }
  if (has('css-at-keyframes')) add(atRules, '-webkit-keyframes', 'css-at-keyframes');
  const keywords = Object.entries(keywordValues).filter(([slug]) => has(slug));
  const valueFeatures = (value: string): string[] => {
    const slugs = new Set<string>();
    for (const match of value.matchAll(functionPattern)) slugs.add(functions[match[1]!.toLowerCase()] ?? '');
    for (const match of value.matchAll(unitPattern)) slugs.add(units[match[1]!.toLowerCase()] ?? '');
    for (const [slug, pattern] of keywords) if (pattern.test(value)) slugs.add(slug);
    return [...slugs].filter((slug) => slug !== '' && has(slug));
  };
  return {
    elements,
    attributes,
    typedElements,
    properties,
    propertyValues: propertyValues.filter((matcher) => has(matcher.slug)),
    valueFeatures,
    atRules,
    mediaFeatures: mediaFeatures.filter((matcher) => has(matcher.slug)),
    selectors: [...selectors, ...structuralSelectors.filter((matcher) => has(matcher.slug))],
  };
}
