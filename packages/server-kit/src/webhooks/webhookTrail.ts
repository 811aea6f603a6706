/** The audit trail names a webhook endpoint as this record type, with the endpoint's id. */
export const WEBHOOK_TRAIL_TYPE = 'webhook_endpoint';
