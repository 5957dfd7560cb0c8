/**
 * Open enums. The versioning page tells clients to ignore unknown enum values, so a lenient schema accepts any
 * value of the right shape (e.g. an uppercase word) and lists the documented values under this annotation
 * keyword; the strict variant turns the annotation into an `enum`, which is how drift reports a new value.
 * An `x-` name keeps it a valid OpenAPI 3.1 extension; the registry declares it to Ajv as an annotation.
 */
export const DOCUMENTED_VALUES = 'x-documented-values';
