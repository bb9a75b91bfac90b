import type { HtmlDocument } from '../html-elements.js';
import type { FeatureUsage } from './feature-usages.js';

/** File extension → caniemail image-format feature. */
const formats: Record<string, string> = {
  svg: 'image-svg',
  webp: 'image-webp',
  avif: 'image-avif',
  gif: 'image-gif',
  png: 'image-png',
  apng: 'image-apng',
  jpg: 'image-jpg',
  jpeg: 'image-jpg',
  bmp: 'image-bmp',
  tif: 'image-tiff',
  tiff: 'image-tiff',
  ico: 'image-ico',
  heif: 'image-heif',
  heic: 'image-heif',
  mp4: 'image-mp4',
};

/** The format feature of an image URL: from a data: URL's type or the path's extension (personalized URLs may say nothing). */
export function imageFormat(src: string): string | undefined {
  const data = /^data:image\/([\w+.-]+)/i.exec(src.trim());
  if (data) return formats[data[1]!.toLowerCase().replace('+xml', '')];
  const extension = /\.([a-z0-9]+)$/i.exec(src.trim().split(/[?#]/)[0] ?? '')?.[1];
  return extension ? formats[extension.toLowerCase()] : undefined;
}

/** Every `<img src>` whose format caniemail has a feature for. */
export function imageUsages(page: HtmlDocument): FeatureUsage[] {
  return page.elements.flatMap((element) => {
    const src = element.attributes.src;
    const slug = element.name === 'img' && src ? imageFormat(src) : undefined;
    if (!slug) return [];
    const tag = page.text.slice(element.start, element.startTagEnd);
    const at = /\ssrc\s*=/i.exec(tag);
    return [{ slug, offset: element.start + (at ? at.index + 1 : 0), site: { kind: 'attribute', element, name: 'src' } } satisfies FeatureUsage];
  });
}
