#!/usr/bin/env node
/*
 * npm run preview: the built task pane in an ordinary browser, on Linux or before
 * sideloading, against the fake Excel host (test/fakeExcel/) and a sample workbook. Left: the
 * pane as Excel would show it (360 px); right: the simulated workbook, its cells refreshed as
 * the pane writes them, and SALES formulas evaluated by the functions the pane's page
 * registered (the same bundle Excel loads). Clearly marked as a preview: nothing here is Excel.
 *   PREVIEW_PORT (default 3001) · PREVIEW_NO_BUILD=1 reuses .preview/
 */
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");
const {
  fakeHostScript,
  sampleWorkbookScript,
  serveDir,
} = require("./previewHost");

const root = path.join(__dirname, "..");
const out = path.join(root, ".preview");

function build() {
  console.log(
    "npm run preview: building the pane (development build into .preview/) …",
  );
  const r = spawnSync(
    process.execPath,
    [
      path.join(root, "node_modules/webpack-cli/bin/cli.js"),
      "--mode",
      "development",
      "--output-path",
      out,
    ],
    {
      cwd: root,
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  if (r.status !== 0) {
    console.error("npm run preview: the build failed (see above).");
    process.exit(1);
  }
}

const BANNER_STYLE =
  "position:sticky;top:0;z-index:10;margin:0;padding:4px 8px;background:#fff4ce;color:#4d3a00;font:12px/16px 'Segoe UI','Microsoft YaHei',sans-serif;border-bottom:1px solid #e5c365";

/** The built taskpane.html, with the fake host in place of office.js and a preview banner. */
function paneHtml(dir = out) {
  return fs
    .readFileSync(path.join(dir, "taskpane.html"), "utf8")
    .replace(
      /<script[^>]*src="?https:\/\/appsforoffice\.microsoft\.com[^>]*><\/script>/,
      '<script src="/__preview/office.js"></script>',
    )
    .replace(
      /<body([^>]*)>/,
      `<body$1><p role="note" style="${BANNER_STYLE.replace("position:sticky;top:0;z-index:10;", "")}">预览：模拟工作簿，不是 Excel · Preview: a simulated workbook, not Excel</p>`,
    );
}

const SHELL = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>预览 · Preview — Sales Qualify</title>
<style>
body{margin:0;font:13px/18px "Segoe UI","Microsoft YaHei","PingFang SC",sans-serif;color:#242424;display:flex;flex-direction:column;height:100vh}
.banner{${BANNER_STYLE};font-size:13px}
.main{display:flex;flex:1;min-height:0}
iframe{width:360px;border:0;border-right:1px solid #e0e0e0;flex:none}
.sheet{flex:1;overflow:auto;padding:8px}
.tabs button{font:inherit;margin-right:4px;padding:2px 10px;border:1px solid #d1d1d1;background:#fff;border-radius:4px 4px 0 0}
.tabs button[aria-selected=true]{background:#0f6cbd;color:#fff;border-color:#0f6cbd}
table{border-collapse:collapse;margin-top:4px}td,th{border:1px solid #e0e0e0;padding:2px 6px;max-width:22rem;overflow:hidden;text-overflow:ellipsis;white-space:nowrap;vertical-align:top}
th{background:#f5f5f5;font-weight:600;color:#616161}td.f{color:#0f6cbd}td.err{color:#b10e1c}td{cursor:cell}td input{font:inherit;width:100%;min-width:8rem;box-sizing:border-box;border:1px solid #0f6cbd;padding:0 2px}
.hint{color:#616161;margin:4px 0}
</style></head>
<body>
<p class="banner" role="note"><strong>预览 · Preview</strong> — 任务窗格在浏览器中运行，工作簿是模拟的（不是 Excel）；SALES 公式由同一套函数计算。 · The task pane runs in your browser against a simulated workbook (not Excel); SALES formulas are computed by the same functions Excel would load.</p>
<div class="main"><iframe id="pane" src="/taskpane.html" title="task pane"></iframe>
<div class="sheet"><div class="tabs" id="tabs"></div><p class="hint">双击单元格可输入（Enter 确认，Esc 取消）· Double-click a cell to type into it (Enter keeps, Esc cancels)</p><table id="grid"></table></div></div>
<script src="/__preview/sheet.js"></script>
</body></html>`;

/** The sheet view: cells as text (never HTML), =SALES.… formulas evaluated through the registered functions. */
const SHEET_JS = `(function(){
var frame=document.getElementById("pane"), tabs=document.getElementById("tabs"), grid=document.getElementById("grid");
var current=null, meta={}, editing=null;
fetch("/functions.json").then(function(r){return r.json()}).then(function(m){m.functions.forEach(function(f){meta[f.id]=f})});
function col(c){var s="";for(var n=c+1;n>0;n=Math.floor((n-1)/26))s=String.fromCharCode(65+((n-1)%26))+s;return s}
function colIndex(s){var n=0;for(var i=0;i<s.length;i++)n=n*26+s.charCodeAt(i)-64;return n-1}
function today(){var d=new Date();return Date.UTC(d.getFullYear(),d.getMonth(),d.getDate())/864e5+25569}
function Err(code,msg){this.code=code;this.msg=msg}
function evaluate(wb,sheet,formula,depth){
  var s=formula.slice(1),i=0;
  function ws(){while(s[i]===" ")i++}
  function cellValue(sh,r,c){var cell=wb.cell(sh,r,c);if(!cell)return null;if(cell.f){if(depth>4)return new Err("#REF!","");return evaluate(wb,sh,cell.f,depth+1)}return cell.v}
  function ref(){var m=/^(?:([^!(),&"]+)!)?([A-Z]+)(\\d+)(?::([A-Z]+)(\\d+))?/.exec(s.slice(i));if(!m)return undefined;i+=m[0].length;
    var sh=m[1]||sheet,r0=+m[3]-1,c0=colIndex(m[2]),r1=m[5]?+m[5]-1:r0,c1=m[4]?colIndex(m[4]):c0,out=[];
    for(var r=r0;r<=r1;r++){var row=[];for(var c=c0;c<=c1;c++){var v=cellValue(sh,r,c);row.push(v instanceof Err?v:(v===""?null:v))}out.push(row)}return out}
  function atom(){ws();var ch=s[i];
    if(ch==='"'){var j=i+1,t="";while(j<s.length){if(s[j]==='"'){if(s[j+1]==='"'){t+='"';j+=2;continue}break}t+=s[j++]}i=j+1;return t}
    var num=/^-?\\d+(\\.\\d+)?/.exec(s.slice(i));if(num&&!/^[A-Z]/.test(s.slice(i))){i+=num[0].length;return +num[0]}
    var name=/^([A-Za-z][A-Za-z0-9.]*)\\(/.exec(s.slice(i));if(name){i+=name[0].length;var args=[];ws();
      if(s[i]===")"){i++}else{for(;;){ws();if(s[i]===","||s[i]===")"){args.push(undefined)}else args.push(expr());ws();if(s[i]===","){i++;continue}if(s[i]===")"){i++;break}throw new Err("#VALUE!","parse")}}
      return call(name[1].toUpperCase(),args)}
    if(/^TRUE\\b/.test(s.slice(i))){i+=4;return true}if(/^FALSE\\b/.test(s.slice(i))){i+=5;return false}
    var r=ref();if(r!==undefined)return r;throw new Err("#NAME?","")}
  function scalar(v){return Array.isArray(v)?(v[0]?v[0][0]:null):v}
  function expr(){var v=atom();ws();while(s[i]==="&"){i++;var w=atom();v=String(text(scalar(v)))+String(text(scalar(w)));ws()}return v}
  function text(v){return v===null||v===undefined?"":v}
  function call(name,args){
    if(name==="TODAY")return today();
    if(name==="HSTACK"){var rows=[];args.forEach(function(a){(Array.isArray(a)?a:[[a]]).forEach(function(r,k){rows[k]=(rows[k]||[]).concat(r)})});return rows}
    var id=name.replace(/^SALES\\./,""),fn=(frame.contentWindow.__customFunctions||{})[id],m=meta[id];
    if(!/^SALES\\./.test(name)||!fn)throw new Err("#NAME?",name);
    var callArgs=args.map(function(a,k){var p=m&&m.parameters[k];if(a===undefined)return null;if(a instanceof Err)throw a;
      var matrix=!p||p.dimensionality==="matrix";return matrix?(Array.isArray(a)?a:[[a]]):scalar(a)});
    try{var r=fn.apply(null,callArgs);var v=scalar(r);if(v&&typeof v==="object"&&v.code)return new Err(v.code,v.message);return v}
    catch(e){return new Err(e.code||"#VALUE!",e.message||"")}}
  try{var v=expr();return scalar(v)}catch(e){return e instanceof Err?e:new Err("#VALUE!",String(e))}
}
function render(){var w=frame.contentWindow,wb=w&&w.__wb;if(!wb||editing)return;
  var names=Array.from(wb.sheets.keys());if(!current||names.indexOf(current)<0)current=names.indexOf(wb.activeSheet)>=0?wb.activeSheet:names[0];
  tabs.textContent="";names.forEach(function(n){var b=document.createElement("button");b.textContent=n;b.setAttribute("aria-selected",String(n===current));b.onclick=function(){current=n;render()};tabs.appendChild(b)});
  var cells=wb.sheet(current),maxR=0,maxC=0;cells.forEach(function(_,k){var p=k.split(",");maxR=Math.max(maxR,+p[0]);maxC=Math.max(maxC,+p[1])});maxR++;maxC++;
  grid.textContent="";var head=grid.insertRow();head.appendChild(document.createElement("th"));
  for(var c=0;c<=maxC;c++){var th=document.createElement("th");th.textContent=col(c);head.appendChild(th)}
  for(var r=0;r<=maxR;r++){var tr=grid.insertRow(),th=document.createElement("th");th.textContent=String(r+1);tr.appendChild(th);
    for(var c2=0;c2<=maxC;c2++){var td=tr.insertCell(),cell=wb.cell(current,r,c2);td.dataset.r=r;td.dataset.c=c2;if(!cell)continue;
      var v=cell.f?evaluate(wb,current,cell.f,0):cell.v;
      if(v instanceof Err){td.className="err";td.textContent=v.code;td.title=v.msg}else{td.textContent=v===null||v===undefined?"":String(v);if(cell.f){td.className="f";td.title=cell.f}}}}}
// Typing into a cell, as the user would in Excel: the fake host parses it as Excel parses typed input
// and fires the sheet's change event (so "type into an output cell, apply again" asks first).
grid.addEventListener("dblclick",function(e){var td=e.target.closest&&e.target.closest("td");if(!td||editing||td.dataset.r===undefined)return;
  var wb=frame.contentWindow.__wb,r=+td.dataset.r,c=+td.dataset.c,cell=wb.cell(current,r,c),input=document.createElement("input");
  input.value=cell?(cell.f||(cell.v===null||cell.v===undefined?"":String(cell.v))):"";input.setAttribute("aria-label",col(c)+(r+1));
  editing={sheet:current,r:r,c:c};td.textContent="";td.appendChild(input);input.focus();
  function done(keep){if(!editing)return;var ed=editing;editing=null;if(keep){try{wb.type(ed.sheet,ed.r,ed.c,input.value)}catch(err){alert(String(err&&err.message||err))}}render()}
  input.addEventListener("keydown",function(k){if(k.key==="Enter")done(true);else if(k.key==="Escape")done(false)});
  input.addEventListener("blur",function(){done(true)});
});
setInterval(render,1000);frame.addEventListener("load",function(){setTimeout(render,300)});
})();`;

/** Serves a built pane (`dir`) as the preview; the page test uses this with dist/. */
function startPreview(dir, port) {
  return serveDir(
    dir,
    {
      "/": () => ["text/html; charset=utf-8", SHELL],
      "/taskpane.html": () => ["text/html; charset=utf-8", paneHtml(dir)],
      "/__preview/office.js": () => [
        "text/javascript; charset=utf-8",
        fakeHostScript() + sampleWorkbookScript(),
      ],
      "/__preview/sheet.js": () => ["text/javascript; charset=utf-8", SHEET_JS],
    },
    port,
  );
}

async function main() {
  if (
    !process.env.PREVIEW_NO_BUILD ||
    !fs.existsSync(path.join(out, "taskpane.html"))
  )
    build();
  const port = Number(process.env.PREVIEW_PORT || 3001);
  let served;
  try {
    served = await startPreview(out, port);
  } catch (e) {
    console.error(
      `npm run preview: cannot listen on port ${port} (${e.code || e.message}); set PREVIEW_PORT to another port.`,
    );
    process.exit(1);
  }
  console.log(
    `npm run preview: open ${served.url}/ in a browser (Ctrl+C stops). This is a preview against a simulated workbook, not Excel.`,
  );
}

if (require.main === module) main();
module.exports = { startPreview, paneHtml };
