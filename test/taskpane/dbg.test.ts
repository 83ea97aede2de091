import { FakeWorkbook, installFakeOffice } from "../fakeExcel/fakeExcel";
import { apply, scan } from "../../src/taskpane/grade/gradeController";
test("dbg", async () => {
  const wb = installFakeOffice(new FakeWorkbook());
  wb.setValues("Sheet1", 0, 0, [["客户姓名", "付款能力", "满意度"], ["王", "是", "是"], ["张", "否", "否"]]);
  const s = (await scan())!;
  try {
    const r = await apply(s, s.mapping, { outputs: ["grade"], live: false, lang: "zh", today: 46351 });
    console.log(JSON.stringify(r).slice(0, 300), wb.names);
    const r2 = await apply(s, s.mapping, { outputs: ["grade"], live: false, lang: "zh", today: 46351 });
    console.log(JSON.stringify(r2).slice(0, 300));
  } catch (e) { console.log((e as any).debugInfo, (e as Error).stack); }
});
