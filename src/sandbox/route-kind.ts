/** Which platform a request is for; faults and routes both name it, so it lives below both. */
export type Platform = 'sfmc' | 'customerio';

/**
 * What a request does to the platform. Only `write` changes content or definitions: the sync
 * tests count writes to prove a second push of unchanged templates changes nothing, so the token
 * call (`auth`), lookups (`read`, including SFMC's POST asset query) and message sends (`send`)
 * are kept apart from it.
 */
export type RouteKind = 'auth' | 'read' | 'write' | 'send';
