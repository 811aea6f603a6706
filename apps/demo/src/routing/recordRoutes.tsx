// The record pages, by the collection in the address (`/deviations/…`); an unknown one is no page.
import { useParams } from 'react-router';
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
  return section?.creatable ? <NewRecordPage key={section.collection} section={section} /> : <NotFoundPage />;
}

export function RecordRoute() {
  const { collection, id } = useParams();
  const section = sectionOf(collection ?? '');
  return section && id ? <RecordPage key={id} section={section} id={id} /> : <NotFoundPage />;
}
