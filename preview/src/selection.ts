import type { Channel } from '../../src/preview/api-types.js';

export type EmailTab = 'preview' | 'html' | 'text';
export type FrameWidth = 'desktop' | 'mobile';

/** What the user is looking at; kept in the URL hash so a reload or a shared link shows the same view. */
export interface Selection {
  message?: string;
  sample?: string;
  channel: Channel;
  tab: EmailTab;
  width: FrameWidth;
  dark: boolean;
}

function oneOf<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

/** `#/order-confirmation?sample=standard&channel=email&tab=preview&width=desktop&dark=0` */
export function readSelection(hash: string): Selection {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const params = new URLSearchParams(query);
  const message = decodeURIComponent(path);
  const sample = params.get('sample');
  return {
    ...(message ? { message } : {}),
    ...(sample ? { sample } : {}),
    channel: oneOf(params.get('channel'), ['email', 'sms'], 'email'),
    tab: oneOf(params.get('tab'), ['preview', 'html', 'text'], 'preview'),
    width: oneOf(params.get('width'), ['desktop', 'mobile'], 'desktop'),
    dark: params.get('dark') === '1',
  };
}

export function selectionHash(selection: Selection): string {
  const params = new URLSearchParams();
  if (selection.sample) params.set('sample', selection.sample);
  params.set('channel', selection.channel);
  params.set('tab', selection.tab);
  params.set('width', selection.width);
  params.set('dark', selection.dark ? '1' : '0');
  return `#/${encodeURIComponent(selection.message ?? '')}?${params}`;
}
