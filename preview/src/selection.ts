import type { Channel } from '../../src/preview/api-types.js';

export type EmailTab = 'preview' | 'html' | 'text';
/** Percent, or as large as fits the stage's width (never above 100 %). */
export type Zoom = number | 'fit';

/** The email frame's width in CSS px: presets, and the range a typed or dragged width is kept in. */
export const widthPresets = [320, 375, 414, 600, 800, 1024] as const;
export const widthRange = { min: 240, max: 1600 } as const;
/** The zoom picker's levels, in percent; a link with another zoom opens at 100 %. */
export const zoomLevels = [50, 75, 100, 125, 150, 200] as const;

/** What the user is looking at; kept in the URL hash so a reload or a shared link shows the same view. */
export interface Selection {
  message?: string;
  sample?: string;
  /** A translation's code (`fr`) or the default language's, when the message has several. */
  language?: string;
  channel: Channel;
  tab: EmailTab;
  width: number;
  zoom: Zoom;
  dark: boolean;
}

function oneOf<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

/** An integer in `range`, or `fallback` for anything else. */
function integerIn(value: string | null, range: { min: number; max: number }, fallback: number): number {
  const number = Number(value);
  return value !== null && Number.isInteger(number) && number >= range.min && number <= range.max ? number : fallback;
}

/** Links from before free widths said desktop or mobile. */
const namedWidths: Readonly<Record<string, number>> = { desktop: 800, mobile: 375 };

/** `#/order-confirmation?sample=standard&language=fr&channel=email&tab=preview&width=800&zoom=fit&dark=0` */
export function readSelection(hash: string): Selection {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const params = new URLSearchParams(query);
  const message = decodeURIComponent(path);
  const sample = params.get('sample');
  const language = params.get('language');
  const width = params.get('width');
  const zoom = params.get('zoom');
  return {
    ...(message ? { message } : {}),
    ...(sample ? { sample } : {}),
    ...(language ? { language } : {}),
    channel: oneOf(params.get('channel'), ['email', 'sms', 'whatsapp'], 'email'),
    tab: oneOf(params.get('tab'), ['preview', 'html', 'text'], 'preview'),
    width: namedWidths[width ?? ''] ?? integerIn(width, widthRange, 800),
    zoom: zoom === null || zoom === 'fit' ? 'fit' : ((zoomLevels as readonly number[]).find((level) => String(level) === zoom) ?? 100),
    dark: params.get('dark') === '1',
  };
}

export function selectionHash(selection: Selection): string {
  const params = new URLSearchParams();
  if (selection.sample) params.set('sample', selection.sample);
  if (selection.language) params.set('language', selection.language);
  params.set('channel', selection.channel);
  params.set('tab', selection.tab);
  params.set('width', String(selection.width));
  params.set('zoom', String(selection.zoom));
  params.set('dark', selection.dark ? '1' : '0');
  return `#/${encodeURIComponent(selection.message ?? '')}?${params}`;
}
