/** Fills a contract path template (`/deviations/{id}/transitions`) with URL-encoded parameters. */
export function expandPath(template: string, params: Record<string, unknown> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(params[name])));
}
