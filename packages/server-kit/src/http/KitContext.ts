import type { Contract, Principal, RecordType, RecordTypeRegistry, RouteDefinition } from '@masetra/core';
import type { AuditCheckpointer } from '../audit-checkpoints/createAuditCheckpointer';
import type { FileStore } from '../files/FileStore';
import type { DomainEvent, QmsOptions } from '../services/QmsOptions';
import type { Storage } from '../storage/storage';

/** What every handler may use, built once when the kit is created. */
export interface KitContext {
  storage: Storage;
  registry: RecordTypeRegistry;
  contract: Contract;
  options: QmsOptions;
  files?: FileStore;
  /** Signs the chain after each write when the host configured `auditCheckpoints`. */
  auditCheckpointer?: AuditCheckpointer;
  limits: { jsonBodyBytes: number; attachmentBytes: number };
  now(): Date;
  /** Hands committed events to the host's hook, in order, each once the one before is handled; a failing hook never fails the request. */
  emit(events: DomainEvent[]): void;
}

/** One request, authenticated and routed. */
export interface RequestContext {
  kit: KitContext;
  request: Request;
  url: URL;
  principal: Principal;
  route: RouteDefinition;
  params: Record<string, string>;
  /** Where the input came from, recorded in the audit trail. */
  source: Record<string, unknown> | null;
}

/** The record type a record route serves. */
export function recordTypeOf(context: RequestContext): RecordType {
  const recordType = context.route.recordType
    ? context.kit.registry.byName(context.route.recordType)
    : undefined;
  if (!recordType) throw new Error(`Route ${context.route.id} serves no record type`);
  return recordType;
}
