/** What an export's file is called: what it holds and the day it was made, `deviations-2026-11-30.xlsx`. */
export function exportFileName(what: string, format: string, at: Date): string {
  return `${what}-${at.toISOString().slice(0, 10)}.${format}`;
}

/** The `content-disposition` of a download, its name quoted (the names are ours: letters, digits, dashes). */
export function attachmentDisposition(fileName: string): string {
  return `attachment; filename="${fileName.replace(/[^\w.-]/g, '_')}"`;
}
