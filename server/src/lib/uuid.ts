/** Whether a string is a UUID: ids from URLs are checked before they reach a `uuid` column (a malformed one is "not found"). */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: string): boolean => UUID.test(value);
