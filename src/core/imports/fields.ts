/**
 * The fields an import can map a column to: apart from the planning (plan.ts,
 * which reads phone numbers with libphonenumber), so that the back office's
 * contract, bundled for the browser, takes only these names.
 */
export const IMPORT_FIELDS = [
  'phone',
  'firstName',
  'lastName',
  'email',
  'birthDate',
  'postalCode',
  'gender',
  'oldMemberNumber',
  'smsConsent',
  'emailConsent',
  'consentAt',
  'consentSource',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
