import type { SeededCapas } from './seedCapas';
import type { SeedActors } from './seedDemoData';

/**
 * Links that need records of several seed steps: the HVAC CAPA changed the environmental
 * monitoring SOP, which closes the chain deviation → CAPA → document the traceability view shows.
 * Through the link route, as a person links them.
 */
export async function seedLinks(actors: SeedActors, capas: SeededCapas) {
  const { qa } = actors;
  const documents = await qa.list('documents', 'limit=100');
  const changed =
    documents.items.find((document) => /environmental monitoring/i.test(String(document.title))) ??
    documents.items[0];
  if (!changed) return;
  await qa.link('capas', capas.closed, { kind: 'changes', to: { type: 'document', id: changed.id } });
}
