/** The two namespaces every template sees, in both engines (see design.md, personalization model). */
export interface RenderContext {
  customer: Record<string, unknown>;
  trigger: Record<string, unknown>;
}
