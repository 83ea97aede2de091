/** The demo sheet the pane inserts maps back to its own columns, in both languages. */
import { DEMO_COLUMNS, demoLeads, demoMapping } from "../../src/demo/demoSheet";
import { proposeMapping } from "../../src/sheet/columnMapping";

test.each(["zh", "en"] as const)(
  "demo sheet (%s): each input column is found from its header and cells",
  (lang) => {
    const headers = DEMO_COLUMNS.map((c) => c[lang]);
    const rows = demoLeads(46351);
    const m = proposeMapping(headers, { rows });
    const want = demoMapping();
    for (const c of DEMO_COLUMNS)
      if (c.input)
        expect({
          input: c.input,
          header: c[lang],
          columns: m[c.input].columns,
        }).toEqual({
          input: c.input,
          header: c[lang],
          columns: want[c.input].columns,
        });
  },
);
