// The LIMS's own objects: samples with their results. A deviation links to one by a host
// reference `{ system: 'lims', kind: 'sample', id }`.
export interface Sample {
  id: string;
  product: string;
  batch: string;
  test: string;
  result: string;
  specification: string;
  outOfSpec: boolean;
}

export const samples: Sample[] = [
  {
    id: 'S-2026-0417',
    product: 'Paracetamol 500 mg tablets',
    batch: '24-201',
    test: 'Assay (HPLC)',
    result: '91.2 %',
    specification: '95.0–105.0 %',
    outOfSpec: true,
  },
  {
    id: 'S-2026-0418',
    product: 'Paracetamol 500 mg tablets',
    batch: '24-202',
    test: 'Dissolution',
    result: '88 % at 30 min',
    specification: '≥ 80 % at 30 min',
    outOfSpec: false,
  },
];
