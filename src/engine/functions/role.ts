/** SPEC §9 ROLE and ROLEFOCUS — 客户角色 [seed 003]; the title keywords are [default]. */
import { CellError, naError, valueError } from "../cellError";
import type { Ctx } from "../ctx";
import { isBlankCell } from "../read";
import {
  ROLES,
  ROLE_FOCUS,
  ROLE_LABELS,
  type Role,
} from "../tables/buyerRoles";
import { fold } from "../text";

/** The role a job title suggests: the first keyword in it (longest match first). */
export function roleOf(title: unknown, ctx: Ctx): Role | "" | CellError {
  if (isBlankCell(title)) return "";
  if (typeof title !== "string" && typeof title !== "number")
    return valueError("unreadable", { arg: "title", value: title });
  const text = String(title);
  const first = ctx.c.roles.all(text)[0];
  return first
    ? first.payload
    : naError("noKeyword", { arg: "title", value: title });
}

export function roleLabel(title: unknown, ctx: Ctx): string | CellError {
  const r = roleOf(title, ctx);
  return r instanceof CellError || r === "" ? r : ROLE_LABELS[r][ctx.lang];
}

const ROLE_BY_NAME = new Map<string, Role>();
for (const r of ROLES) {
  ROLE_BY_NAME.set(fold(ROLE_LABELS[r].zh), r);
  ROLE_BY_NAME.set(fold(ROLE_LABELS[r].en), r);
  ROLE_BY_NAME.set(fold(r), r);
}
ROLE_BY_NAME.set("dm", "decisionMaker");

/** What a role cares about. Accepts a role name (zh or en) or, failing that, a job title. */
export function roleFocus(role: unknown, ctx: Ctx): string | CellError {
  if (isBlankCell(role)) return "";
  let r: Role | undefined =
    typeof role === "string" ? ROLE_BY_NAME.get(fold(role)) : undefined;
  if (r === undefined && typeof role === "string")
    r = ctx.c.roles.all(role)[0]?.payload;
  if (r === undefined)
    return valueError("unreadable", {
      arg: "role",
      value: role,
      expected: "role",
    });
  return ROLE_FOCUS[r][ctx.lang];
}
