/**
 * The phone key of a lead (SPEC §11: same normalised phone = same customer). Reps type phones
 * every way: `138 1234 5678`, `138-1234-5678`, `(010) 6552 8888`, `+86 138…`, `0086-138…`,
 * `８６１３８…` in full-width digits, or a number cell. Separators go, full-width digits fold,
 * the country prefix +86 / 0086 goes (and a bare 86 before an 11-digit mobile number).
 * Anything with fewer than 7 digits left is not a usable phone: the result is "".
 */
const MIN_DIGITS = 7;

export function normalisePhone(raw: unknown): string {
  if (raw === null || raw === undefined || typeof raw === "boolean") return "";
  let s =
    typeof raw === "number"
      ? Number.isInteger(raw)
        ? String(raw)
        : ""
      : String(raw);
  let digits = "";
  let plus = false;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0xff10 && c <= 0xff19) c -= 0xff10 - 0x30; // full-width ０–９
    if (c >= 0x30 && c <= 0x39) digits += String.fromCharCode(c);
    else if ((c === 0x2b || c === 0xff0b) && digits === "") plus = true; // + or ＋ before any digit
  }
  s = digits;
  if (plus && s.startsWith("86")) s = s.slice(2);
  else if (s.startsWith("0086")) s = s.slice(4);
  else if (s.length === 13 && s.startsWith("861")) s = s.slice(2);
  return s.length >= MIN_DIGITS ? s : "";
}
