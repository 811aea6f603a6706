// The demo's own record-page sections, as a host adds its own: a deviation page also lists its
// CAPAs and raises one. Host views replace a type's built-in view, so the built-in sections come first.
import { defaultRecordViews, type RecordViews } from '@masetra/react';
import { RaiseCapa } from '../pages/RaiseCapa';

export const demoViews: RecordViews = {
  deviation: {
    sections: [
      ...(defaultRecordViews.deviation?.sections ?? []),
      {
        id: 'capas',
        label: 'field.linkedCapaIds',
        component: ({ record }) => <RaiseCapa deviation={record} />,
        // Raising or listing CAPAs belongs to the assessment and the investigation, and stays readable after.
        when: ({ hasTag, record }) =>
          hasTag('assessment') ||
          hasTag('investigation') ||
          Boolean((record.linkedCapaIds as unknown[] | undefined)?.length),
      },
    ],
  },
};
