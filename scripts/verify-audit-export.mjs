#!/usr/bin/env node
/**
 * Checks a Masetra audit-trail CSV export on its own, without the server or its database: what
 * an inspector or a third party runs on a copy they were given (21 CFR 11.10(b), Annex 11 §8).
 *
 *   npm i csv-parse            # the only dependency
 *   node verify-audit-export.mjs audit-trail.csv [--head <hash>]
 *
 * For every entry (its rows share `entry_id`; the first carries `entry_content`):
 *  - its hash is SHA-256 over `previous_hash`, a newline and `entry_content` (canonical JSON of
 *    every stored column the server hashed), so any edited value shows;
 *  - the readable columns (seq, actor, action, record, reason, each field's old and new value)
 *    say what `entry_content` says;
 *  - where the next number is in the file too, it points at this entry's hash (the chain).
 * `--head` compares the last entry's hash with a chain head you hold (a signed checkpoint, or
 * `GET /audit-trail/verify` at the time of the export). Exits 0 when the copy holds, 1 with the
 * first problem otherwise.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

/** A value as the export writes it in a readable cell. */
const cell = (value) =>
  value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);

/** The export prefixes `'` to values a spreadsheet would run as formulas; the content keeps them exact. */
const unescapeFormula = (value) => (/^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value);

export function verifyAuditExport(csvText, { head } = {}) {
  const rows = parse(csvText, { columns: true, skip_empty_lines: true });
  const entries = new Map();
  for (const row of rows) {
    if (!entries.has(row.entry_id)) entries.set(row.entry_id, []);
    entries.get(row.entry_id).push(row);
  }
  const bySeq = new Map();
  for (const entryRows of entries.values()) {
    const row = entryRows[0];
    const problem = (what) => ({ ok: false, seq: Number(row.seq), entryId: row.entry_id, problem: what });
    if (!row.entry_content) return problem('the entry has no entry_content');
    const hash = createHash('sha256').update(`${row.previous_hash}\n${row.entry_content}`).digest('hex');
    if (hash !== row.entry_hash)
      return problem('entry_content does not give entry_hash: the copy was changed');
    const content = JSON.parse(row.entry_content);
    const readable = {
      seq: String(content.seq),
      entry_id: content.id,
      actor_name: content.actorName,
      action: content.action,
      record_id: content.recordId,
      reason: content.reason ?? '',
    };
    for (const [column, value] of Object.entries(readable)) {
      if (unescapeFormula(row[column]) !== value)
        return problem(`${column} says ${row[column]}, the hashed entry ${value}`);
    }
    const changes = content.changes.length > 0 ? content.changes : [{ field: '', old: null, new: null }];
    if (changes.length !== entryRows.length)
      return problem('the rows do not list every change the entry hashed');
    for (const [index, change] of changes.entries()) {
      const shown = entryRows[index];
      for (const [column, value] of [
        ['field', change.field],
        ['old_value', cell(change.old)],
        ['new_value', cell(change.new)],
      ]) {
        if (unescapeFormula(shown[column]) !== value)
          return problem(`${column} of ${change.field} says ${shown[column]}, the hashed entry ${value}`);
      }
    }
    bySeq.set(content.seq, row);
  }
  const numbers = [...bySeq.keys()].sort((a, b) => a - b);
  for (const seq of numbers) {
    const next = bySeq.get(seq + 1);
    if (next && next.previous_hash !== bySeq.get(seq).entry_hash) {
      return {
        ok: false,
        seq: seq + 1,
        entryId: next.entry_id,
        problem: 'does not link to the entry before it',
      };
    }
  }
  const last = bySeq.get(numbers.at(-1));
  if (head && last?.entry_hash !== head) {
    return {
      ok: false,
      seq: numbers.at(-1) ?? 0,
      entryId: last?.entry_id ?? null,
      problem: 'the last entry is not the chain head given',
    };
  }
  return {
    ok: true,
    entries: numbers.length,
    firstSeq: numbers[0] ?? null,
    lastSeq: numbers.at(-1) ?? null,
    lastHash: last?.entry_hash ?? null,
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const [file, flag, head] = process.argv.slice(2);
  if (!file) {
    console.error('usage: node verify-audit-export.mjs <audit-trail.csv> [--head <hash>]');
    process.exit(2);
  }
  const result = verifyAuditExport(readFileSync(file, 'utf8'), flag === '--head' ? { head } : {});
  console.log(JSON.stringify(result));
  process.exit(result.ok ? 0 : 1);
}
