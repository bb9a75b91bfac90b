import type { FilteredValueToken, TypeGuards } from 'liquidjs';

/**
 * liquidjs token classes its package index does not export by name, taken from its public
 * type guards so the export does not import liquidjs internals.
 */
type Guarded<Guard> = Guard extends (value: unknown) => value is infer T ? T : never;

export type HTMLToken = Guarded<typeof TypeGuards.isHTMLToken>;
export type OutputToken = Guarded<typeof TypeGuards.isOutputToken>;
export type FilterToken = FilteredValueToken['filters'][number];
