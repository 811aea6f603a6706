/** The records repository: one function per file, gathered here for the services that use them. */
export type { ListFilterValue, ListRecordsOptions, RecordPage } from './listRecords';

export { countRelated } from './countRelated';
export { findRecord } from './findRecord';
export { insertRecord } from './insertRecord';
export { listRecords } from './listRecords';
export { nextRecordNumber } from './nextRecordNumber';
export { updateRecordIfVersion } from './updateRecordIfVersion';
