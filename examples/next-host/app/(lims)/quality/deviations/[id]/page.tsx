import { DeviationPage } from './DeviationPage';

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  return <DeviationPage id={(await params).id} />;
}
