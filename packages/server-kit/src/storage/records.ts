/** The records repository: one function per file, gathered here for the services that use them. */

export { countRelated } from './countRelated';
export { findRecord } from './findRecord';
export { insertRecord } from './insertRecord';
export type { ListFilterValue, ListRecordsOptions, RecordPage } from './listRecords';
export { listRecords } from './listRecords';
export { nextRecordNumber } from './nextRecordNumber';
export { updateRecordIfVersion } from './updateRecordIfVersion';
