/**
 * A small validator for stored settings (untrusted input): each schema checks a value and
 * returns a fresh copy holding only the known keys, or reports where and why it is malformed.
 * `safeParse` has zod's shape ({ success, data } or { success, error: { issues } }).
 */
export interface Issue {
  readonly path: readonly (string | number)[];
  readonly message: string;
}
export type SafeParse<T> =
  { success: true; data: T } | { success: false; error: { issues: Issue[] } };

export interface Schema<T, Opt extends boolean = false> {
  readonly optional: Opt;
  /** the checked copy; throws an Issue */
  read(value: unknown, path: (string | number)[]): T;
  safeParse(value: unknown): SafeParse<T>;
}
export type Infer<S> = S extends Schema<infer T, boolean> ? T : never;

function schema<T>(read: Schema<T>["read"]): Schema<T> {
  return {
    optional: false,
    read,
    safeParse(value) {
      try {
        return { success: true, data: read(value, []) };
      } catch (e) {
        if (e instanceof Failure)
          return { success: false, error: { issues: [e.issue] } };
        throw e;
      }
    },
  };
}

class Failure {
  constructor(readonly issue: Issue) {}
}
const fail = (path: (string | number)[], message: string): never => {
  throw new Failure({ path: [...path], message });
};
const show = (v: unknown) =>
  v === null ? "null" : Array.isArray(v) ? "array" : typeof v;

export const string = (max: number) =>
  schema<string>((v, p) => {
    if (typeof v !== "string")
      return fail(p, `expected string, got ${show(v)}`);
    if (v.length > max) return fail(p, `longer than ${max} characters`);
    return v;
  });

export const boolean = () =>
  schema<boolean>((v, p) =>
    typeof v === "boolean" ? v : fail(p, `expected boolean, got ${show(v)}`),
  );

export const int = (min: number, max = Number.MAX_SAFE_INTEGER) =>
  schema<number>((v, p) => {
    if (typeof v !== "number" || !Number.isSafeInteger(v))
      return fail(p, `expected an integer, got ${show(v)}`);
    if (v < min || v > max) return fail(p, `${v} is outside ${min}…${max}`);
    return v;
  });

/** A cell value: text up to `max` characters, a finite number or a boolean. */
export const cell = (max: number) =>
  schema<string | number | boolean>((v, p) => {
    if (typeof v === "number" && Number.isFinite(v)) return v;
    if (typeof v === "boolean") return v;
    return string(max).read(v, p);
  });

export const oneOf = <const T extends readonly string[]>(values: T) =>
  schema<T[number]>((v, p) =>
    typeof v === "string" && (values as readonly string[]).includes(v)
      ? (v as T[number])
      : fail(p, `expected one of ${values.join(", ")}`),
  );

export const array = <T>(item: Schema<T>, max = Infinity) =>
  schema<T[]>((v, p) => {
    if (!Array.isArray(v)) return fail(p, `expected array, got ${show(v)}`);
    if (v.length > max) return fail(p, `more than ${max} items`);
    return v.map((x, i) => item.read(x, [...p, i]));
  });

const plainObject = (v: unknown, p: (string | number)[]) =>
  v !== null && typeof v === "object" && !Array.isArray(v)
    ? (v as Record<string, unknown>)
    : fail(p, `expected object, got ${show(v)}`);

/** Keys and values both checked; every key may be present. */
export const record = <K extends string, V>(key: Schema<K>, value: Schema<V>) =>
  schema<Record<K, V>>((v, p) => {
    const out = {} as Record<K, V>;
    for (const [k, x] of Object.entries(plainObject(v, p)))
      // defined, never assigned: a stored "__proto__" key stays a plain key
      Object.defineProperty(out, key.read(k, [...p, k]), {
        value: value.read(x, [...p, k]),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    return out;
  });
/** A record whose keys are some of an enum's values. */
export const partialRecord = <K extends string, V>(
  key: Schema<K>,
  value: Schema<V>,
) => record(key, value) as Schema<Partial<Record<K, V>>>;

export const optional = <T>(s: Schema<T>): Schema<T | undefined, true> => ({
  ...s,
  optional: true,
  read: (v, p) => (v === undefined ? undefined : s.read(v, p)),
  safeParse: (v) =>
    v === undefined ? { success: true, data: undefined } : s.safeParse(v),
});

type Shape = Record<string, Schema<unknown, boolean>>;
type OptionalKeys<S extends Shape> = {
  [K in keyof S]: S[K] extends Schema<unknown, true> ? K : never;
}[keyof S];
type ObjectOf<S extends Shape> = {
  [K in Exclude<keyof S, OptionalKeys<S>>]: Infer<S[K]>;
} & { [K in OptionalKeys<S>]?: Exclude<Infer<S[K]>, undefined> };

/** Only the shape's keys are kept (others dropped, as zod does); a missing optional key stays absent. */
export const object = <S extends Shape>(shape: S) =>
  schema<{ [K in keyof ObjectOf<S>]: ObjectOf<S>[K] }>((v, p) => {
    const o = plainObject(v, p);
    const out: Record<string, unknown> = {};
    for (const [k, s] of Object.entries(shape)) {
      const x = Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined;
      if (s.optional && x === undefined) continue;
      out[k] = s.read(x, [...p, k]);
    }
    return out as { [K in keyof ObjectOf<S>]: ObjectOf<S>[K] };
  });
