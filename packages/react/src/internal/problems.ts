import { isNetworkError, isProblemError, type ProblemError } from '@masetra/client';
import type { FieldIssue } from '@masetra/core';
import type { Translator } from '../i18n/messages';

/** A sentence for a person about a failed request: the server's detail, or what its code means. */
export function describeError(t: Translator, error: unknown): string {
  if (isNetworkError(error)) return t('problem.network');
  if (!isProblemError(error)) return t('common.error');
  if (error.code === 'stale_version' || error.status === 412) return t('problem.stale_version');
  if (error.status === 401) return error.detail ?? t('problem.unauthenticated');
  if (error.status === 403) return error.detail ?? t('problem.forbidden');
  if (error.status === 404) return t('problem.notFound');
  return error.detail ?? (error.errors.length > 0 ? t('problem.validation') : error.title);
}

/** The field a JSON pointer names, after a prefix such as `/changes`: `/changes/title` -> `title`. */
export function fieldOfPointer(pointer: string, prefix = ''): string | undefined {
  if (!pointer.startsWith(`${prefix}/`)) return undefined;
  const [first] = pointer.slice(prefix.length + 1).split('/');
  return first?.replaceAll('~1', '/').replaceAll('~0', '~');
}

/** The first issue per field, for errors shown beside their inputs. */
export function issuesByField(issues: readonly FieldIssue[], prefix = ''): Record<string, string> {
  const byField: Record<string, string> = {};
  for (const issue of issues) {
    const field = fieldOfPointer(issue.pointer, prefix);
    if (field !== undefined && !(field in byField)) byField[field] = issue.detail;
  }
  return byField;
}

export function problemOf(error: unknown): ProblemError | undefined {
  return isProblemError(error) ? error : undefined;
}
