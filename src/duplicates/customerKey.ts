/**
 * The name + company key of a lead (SPEC §11: same name and company = same customer).
 * Folded (full-width, case), spaces and punctuation removed, and the company's legal-form
 * suffix dropped (`上海某某科技有限公司` = `上海某某科技`, `Acme Co., Ltd.` = `acme`), so the
 * same company typed two ways still matches. Both parts are needed: a name alone is too
 * common to mean the same customer. Returns "" when either is missing.
 */
import { fold } from "../engine/text";

const PUNCTUATION = /[\s\p{P}\p{S}]+/gu;
/** Chinese legal-form suffixes, longest first */
const SUFFIXES = [
  "股份有限公司",
  "有限责任公司",
  "集团有限公司",
  "有限公司",
  "集团",
  "公司",
];
/** Latin ones only after a space or comma, so `Costco` keeps its `co` */
const LATIN_SUFFIX =
  /(?:[\s,]+(?:co\.?,?\s*ltd|co|inc|corp|corporation|llc|ltd|limited)\.?)+$/;

function clean(text: string): string {
  return fold(text).replace(PUNCTUATION, "");
}

export function companyKey(company: string): string {
  let s = clean(fold(company).replace(LATIN_SUFFIX, ""));
  for (let again = true; again;) {
    again = false;
    for (const suffix of SUFFIXES)
      if (s.length > suffix.length && s.endsWith(suffix)) {
        s = s.slice(0, -suffix.length);
        again = true;
        break;
      }
  }
  return s;
}

export function customerKey(name: string, company: string): string {
  const n = clean(name);
  const c = companyKey(company);
  return n && c ? `${n}\u0000${c}` : "";
}
