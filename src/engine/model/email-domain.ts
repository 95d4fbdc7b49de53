/**
 * An e-mail's domain as the dataset and the scoring engine keep it (`LeadColumns.emailDomain`, the
 * `lead.emailDomain` fit attribute): the text after its last `@`, trimmed and lower-cased.
 */

/**
 * Index of the last `@` of an e-mail, -1 without one. `indexOf` runs in V8's fast string code,
 * `lastIndexOf` in a runtime call, and most e-mails have one `@`, so forward searches beat one
 * backward search.
 */
export function lastAtSign(email: string): number {
  let at = email.indexOf('@');
  if (at >= 0) for (let next = email.indexOf('@', at + 1); next >= 0; next = email.indexOf('@', at + 1)) at = next;
  return at;
}

/** The domain kept for the text after an e-mail's last `@`. */
export function domainOf(afterAt: string): string {
  return afterAt.trim().toLowerCase();
}
