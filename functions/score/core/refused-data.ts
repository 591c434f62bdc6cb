/**
 * A store's answer that the request it was sent is wrong, not that the store failed: a
 * key that already exists, a constraint the row breaks, a value out of its column's
 * range or past its sequence's maximum, a table or column the statement names that the
 * schema does not have. Read by structure: the SQL standard's classes for these answers
 * (SQLSTATE 22, data exception; 23, integrity constraint violation; 42P01 and 42703, an
 * undefined table or column), the error types drivers raise for them, and the templates
 * the common stores write them in. The store did its job; what sent the request (its
 * data, its schema, its ids) is where the fault is.
 */
const SQLSTATE = /\bSQLSTATE\W{0,3}(?:2[23][0-9A-Z]{3}|42P01|42703)\b/i;

const TYPES = /\b(?:\w+\.)*(?:IntegrityError|UniqueViolation|ForeignKeyViolation|NotNullViolation|CheckViolation|(?:SQL)?IntegrityConstraintViolation(?:Exception)?|DataIntegrityViolation(?:Exception)?|DuplicateKey(?:Exception|Error)|NumericValueOutOfRange|StringDataRightTruncation|UndefinedTable|UndefinedColumn)\b/;

const TEMPLATES = /duplicate key value violates unique constraint|\bduplicate entry '[^']*' for key\b|\bE11000 duplicate key\b|violates (?:foreign key|not-null|check|unique|exclusion) constraint|\bout of range (?:value )?for (?:type|column|int)|\bout of range value for column\b|reached maximum value of sequence|\bdata too long for column\b|\b(?:relation|table|column) ["'`][^"'`]+["'`] does not exist\b|\bunknown column '[^']*' in\b|\btable '[^']*' doesn't exist\b/i;

export function refusedAsInvalid(text: string): boolean {
  return SQLSTATE.test(text) || TYPES.test(text) || TEMPLATES.test(text);
}
