// The record pages, by the collection in the address (`/deviations/…`); an unknown one is no page.
import { useParams } from 'react-router';
import { ImportRecordsPage } from '../pages/ImportRecordsPage';
import { NewDocumentPage } from '../pages/NewDocumentPage';
import { NewRecordPage } from '../pages/NewRecordPage';
import { NotFoundPage } from '../pages/NotFoundPage';
import { RecordListPage } from '../pages/RecordListPage';
import { RecordPage } from '../pages/RecordPage';
import { sectionOf } from '../pages/recordSections';

export function RecordListRoute() {
  const section = sectionOf(useParams().collection ?? '');
  return section ? <RecordListPage key={section.collection} section={section} /> : <NotFoundPage />;
}

export function NewRecordRoute() {
  const section = sectionOf(useParams().collection ?? '');
  if (!section?.creatable) return <NotFoundPage />;
  // A document's kind comes first: it gives the document its number.
  if (section.collection === 'documents') return <NewDocumentPage section={section} />;
  return <NewRecordPage key={section.collection} section={section} />;
}

export function ImportRecordsRoute() {
  const section = sectionOf(useParams().collection ?? '');
  if (!section?.creatable) return <NotFoundPage />;
  return <ImportRecordsPage key={section.collection} section={section} />;
}

export function RecordRoute() {
  const { collection, id } = useParams();
  const section = sectionOf(collection ?? '');
  return section && id ? <RecordPage key={id} section={section} id={id} /> : <NotFoundPage />;
}
