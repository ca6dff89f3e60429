// The part of the city a caller may see. Users and tokens are scoped to the city (null), a district or a
// street; every store function that returns assets, devices or areas takes one and cuts its rows to it.

export interface AreaScope {
  readonly code: string;
  readonly level: 'district' | 'street';
  readonly name: string;
  /** The scope's area and its ancestors, itself first (areas above it are visible; siblings are not). */
  readonly chain: readonly string[];
}

/** null: the whole city. */
export type AccessScope = AreaScope | null;

/** The bound value of `scope` in the asset and device statements. */
export function scopeCode(scope: AccessScope): string | null {
  return scope?.code ?? null;
}

/** The bound values of area_visible(code, scope, chain) in the area statements. */
export function areaScopeParams(scope: AccessScope): [string | null, readonly string[] | null] {
  return scope ? [scope.code, scope.chain] : [null, null];
}
