// The stylesheet and script inlined into the HTML report (the page loads nothing from the network). The
// script only reads data-* attributes and toggles classes and `hidden`: it never writes markup, so no string
// from a manifest is ever parsed as HTML by it.

export const CSS = `
:root{--bg:#f6f7f9;--card:#fff;--ink:#1d2430;--muted:#5f6b7a;--line:#e3e7ed;--accent:#2f5bd3;
--critical:#a4161a;--high:#e8590c;--medium:#c98a00;--low:#1c7ed6;--info:#7b8794;
--t-internet:#c92a2a;--t-namespace:#7048e8;--t-entry:#e67700;--t-workload:#1971c2;--t-identity:#2b8a3e;--t-target:#a61e4d}
*{box-sizing:border-box}
html{scroll-behavior:smooth;scroll-padding-top:64px}
body{margin:0;background:var(--bg);color:var(--ink);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
code,pre,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace;font-size:.86em}
header.top{position:sticky;top:0;z-index:5;background:#151b26;color:#fff;padding:10px 24px;display:flex;gap:24px;align-items:center;flex-wrap:wrap}
header.top h1{font-size:18px;margin:0;font-weight:650;letter-spacing:.2px}
header.top h1 span{color:#9fb3d9;font-weight:400}
header.top nav{display:flex;gap:16px;flex-wrap:wrap}
header.top nav a{color:#cdd7ea;text-decoration:none;font-size:14px}
header.top nav a:hover{color:#fff}
main{max-width:1240px;margin:0 auto;padding:20px 24px 60px}
section{margin:0 0 28px}
h2{font-size:20px;margin:0 0 12px;font-weight:650}
h3{font-size:16px;margin:18px 0 8px}
.card{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:16px 18px;box-shadow:0 1px 2px rgba(16,24,40,.04)}
.muted{color:var(--muted)}
.small{font-size:13px}
.grid{display:grid;gap:12px}
.stats{grid-template-columns:repeat(auto-fit,minmax(130px,1fr))}
.stat{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:12px 14px;border-top:4px solid var(--line)}
.stat b{display:block;font-size:26px;line-height:1.1;font-weight:700}
.stat span{color:var(--muted);font-size:13px}
.stat.critical{border-top-color:var(--critical)}.stat.critical b{color:var(--critical)}
.stat.high{border-top-color:var(--high)}.stat.high b{color:var(--high)}
.stat.medium{border-top-color:var(--medium)}.stat.medium b{color:var(--medium)}
.stat.low{border-top-color:var(--low)}.stat.low b{color:var(--low)}
.stat.info{border-top-color:var(--info)}.stat.info b{color:var(--info)}
.two{grid-template-columns:1fr 1fr}
@media (max-width:900px){.two{grid-template-columns:1fr}}
.sev{display:inline-block;min-width:68px;text-align:center;padding:1px 8px;border-radius:999px;font-size:12px;font-weight:650;color:#fff;text-transform:uppercase;letter-spacing:.3px}
.sev.critical{background:var(--critical)}.sev.high{background:var(--high)}.sev.medium{background:var(--medium)}.sev.low{background:var(--low)}.sev.info{background:var(--info)}
table{border-collapse:collapse;width:100%;background:var(--card)}
th,td{text-align:left;padding:7px 10px;border-bottom:1px solid var(--line);vertical-align:top}
th{font-size:12px;text-transform:uppercase;letter-spacing:.4px;color:var(--muted);background:#fafbfc;position:sticky;top:48px}
tr:hover td{background:#f8fafc}
.tablewrap{border:1px solid var(--line);border-radius:10px;overflow:auto;max-height:640px}
.tablewrap th{top:0}
.loc{color:var(--muted);white-space:nowrap}
td a.mono{white-space:nowrap}
.factor{display:inline-block;margin:2px 6px 2px 0;padding:1px 8px;border-radius:6px;background:#eef2f8;font-size:12.5px}
.factor b{font-weight:650}
.score{display:flex;align-items:center;gap:8px;min-width:120px}
.bar{flex:1;height:8px;border-radius:4px;background:#edf0f4;overflow:hidden}
.bar i{display:block;height:100%;background:linear-gradient(90deg,#f59f00,#e03131)}
ol.top,ul.top{margin:0;padding-left:20px}
ol.top li,ul.top li{margin:4px 0}
.filters{display:flex;flex-wrap:wrap;gap:10px;align-items:center;margin-bottom:10px}
.filters input[type=search],.filters select{font:inherit;font-size:14px;padding:6px 10px;border:1px solid #cfd6e0;border-radius:8px;background:#fff;color:var(--ink)}
.filters input[type=search]{min-width:260px}
.chip{font:inherit;font-size:12.5px;font-weight:650;text-transform:uppercase;padding:4px 10px;border-radius:999px;border:2px solid currentColor;background:#fff;cursor:pointer}
.chip.critical{color:var(--critical)}.chip.high{color:var(--high)}.chip.medium{color:var(--medium)}.chip.low{color:var(--low)}.chip.info{color:var(--info)}
.chip[aria-pressed=true]{color:#fff}
.chip.critical[aria-pressed=true]{background:var(--critical);border-color:var(--critical)}
.chip.high[aria-pressed=true]{background:var(--high);border-color:var(--high)}
.chip.medium[aria-pressed=true]{background:var(--medium);border-color:var(--medium)}
.chip.low[aria-pressed=true]{background:var(--low);border-color:var(--low)}
.chip.info[aria-pressed=true]{background:var(--info);border-color:var(--info)}
.graphwrap{overflow:auto;border:1px solid var(--line);border-radius:10px;background:#fbfcfe}
svg.graph{display:block;width:100%;height:auto}
svg.graph text{font:12.5px system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;fill:var(--ink)}
svg.graph text.detail{font-size:10.5px;fill:var(--muted)}
svg.graph text.coltitle{font-size:11px;font-weight:650;fill:var(--muted);text-transform:uppercase;letter-spacing:.5px}
svg.graph .node rect{fill:#fff;stroke-width:1.5}
svg.graph .node rect.band{stroke:none}
svg.graph .node{cursor:pointer}
svg.graph .node.t-internet rect.box{stroke:var(--t-internet)}svg.graph .node.t-internet rect.band{fill:var(--t-internet)}
svg.graph .node.t-namespace rect.box{stroke:var(--t-namespace)}svg.graph .node.t-namespace rect.band{fill:var(--t-namespace)}
svg.graph .node.t-entry rect.box{stroke:var(--t-entry)}svg.graph .node.t-entry rect.band{fill:var(--t-entry)}
svg.graph .node.t-workload rect.box{stroke:var(--t-workload)}svg.graph .node.t-workload rect.band{fill:var(--t-workload)}
svg.graph .node.t-identity rect.box{stroke:var(--t-identity)}svg.graph .node.t-identity rect.band{fill:var(--t-identity)}
svg.graph .node.t-target rect.box{stroke:var(--t-target);fill:#fff5f7}svg.graph .node.t-target rect.band{fill:var(--t-target)}
svg.graph path.edge{fill:none;stroke:#aab4c3;stroke-width:1.4}
svg.graph path.edge.onpath{stroke:#8d6b6b}
svg.graph.focus .node,svg.graph.focus path.edge{opacity:.16}
svg.graph.focus .node.on,svg.graph.focus path.edge.on{opacity:1}
svg.graph.focus path.edge.on{stroke:#e03131;stroke-width:3}
svg.graph.focus .node.on rect.box{stroke-width:3}
.legend{display:flex;gap:14px;flex-wrap:wrap;font-size:12.5px;color:var(--muted);margin:8px 0}
.legend i{display:inline-block;width:10px;height:10px;border-radius:3px;margin-right:5px;vertical-align:-1px}
.paths{grid-template-columns:repeat(auto-fill,minmax(360px,1fr));margin-top:14px}
button.path{font:inherit;text-align:left;display:flex;flex-direction:column;justify-content:flex-start;background:var(--card);border:1px solid var(--line);border-left:5px solid var(--t-target);border-radius:10px;padding:10px 12px;cursor:pointer;color:inherit}
button.path:hover{border-color:#b8c2d3;border-left-color:var(--t-target)}
button.path.active{outline:3px solid #e03131;outline-offset:-1px}
button.path .head{font-weight:650}
button.path ol{margin:6px 0 0;padding-left:18px;font-size:13px;color:var(--muted)}
button.path ol b{color:var(--ink);font-weight:600}
.bw{font-size:12px;color:var(--muted)}
.bw code{background:#eef2f8;padding:0 4px;border-radius:4px}
details.fix{margin-top:6px}details.fix>summary{cursor:pointer;color:var(--muted);font-size:.9em}
pre.diff{background:var(--bg);border:1px solid var(--line);border-radius:6px;padding:6px 8px;overflow:auto;max-width:60ch;margin:6px 0 0}
pre.diff .add{color:#1a7f37}pre.diff .del{color:#cf222e}pre.diff .hunk{color:var(--muted)}
details.rule{background:var(--card);border:1px solid var(--line);border-radius:10px;margin:8px 0}
details.rule>summary{cursor:pointer;padding:10px 14px;list-style:none;display:flex;gap:10px;align-items:center}
details.rule>summary::-webkit-details-marker{display:none}
details.rule>summary::before{content:"\\25B8";color:var(--muted);transition:transform .15s}
details.rule[open]>summary::before{transform:rotate(90deg)}
details.rule .body{padding:0 16px 12px 38px}
details.rule h4{margin:12px 0 4px;font-size:13px;text-transform:uppercase;letter-spacing:.4px;color:var(--muted)}
details.rule p{margin:0}
pre{background:#0f1520;color:#e6edf7;padding:10px 12px;border-radius:8px;overflow:auto;margin:4px 0}
.examples{grid-template-columns:1fr 1fr}
@media (max-width:900px){.examples{grid-template-columns:1fr}}
.empty{padding:18px;text-align:center;color:var(--muted)}
a{color:var(--accent)}
footer{color:var(--muted);font-size:12.5px;text-align:center;padding:20px}
`;

export const SCRIPT = `
(function(){
"use strict";
var $=function(s,r){return (r||document).querySelector(s);};
var $$=function(s,r){return Array.prototype.slice.call((r||document).querySelectorAll(s));};
function hasPath(el,i){return (" "+(el.getAttribute("data-paths")||"")+" ").indexOf(" "+i+" ")>=0;}
var svg=$("svg.graph");
var current=null;
function highlight(list){
  if(!svg)return;
  var els=$$("[data-paths]",svg);
  if(list===null){svg.classList.remove("focus");els.forEach(function(e){e.classList.remove("on");});return;}
  svg.classList.add("focus");
  els.forEach(function(e){e.classList.toggle("on",list.some(function(i){return hasPath(e,i);}));});
}
function selectPath(i){
  current=(current===i)?null:i;
  $$("button.path").forEach(function(b){var on=current!==null&&b.getAttribute("data-path")===String(current);b.classList.toggle("active",on);b.setAttribute("aria-pressed",on?"true":"false");});
  highlight(current===null?null:[current]);
}
$$("button.path").forEach(function(b){b.addEventListener("click",function(){selectPath(Number(b.getAttribute("data-path")));});});
$$("svg.graph .node").forEach(function(n){n.addEventListener("click",function(){
  var ps=(n.getAttribute("data-paths")||"").split(" ").filter(Boolean).map(Number);
  if(ps.length===0)return;
  if(ps.length===1){selectPath(ps[0]);return;}
  current=null;$$("button.path").forEach(function(b){b.classList.toggle("active",ps.indexOf(Number(b.getAttribute("data-path")))>=0);});
  highlight(ps);
});});
var clear=$("#clear-path");if(clear)clear.addEventListener("click",function(){current=null;$$("button.path").forEach(function(b){b.classList.remove("active");b.setAttribute("aria-pressed","false");});highlight(null);});
var rows=$$("#findings tbody tr");
var texts=rows.map(function(r){return r.textContent.toLowerCase();});
var chips=$$(".chip[data-sev]");
var rule=$("#f-rule"),ns=$("#f-ns"),q=$("#f-q"),shown=$("#f-shown"),none=$("#f-none");
function apply(){
  var sevs=chips.filter(function(c){return c.getAttribute("aria-pressed")==="true";}).map(function(c){return c.getAttribute("data-sev");});
  var rv=rule?rule.value:"",nv=ns?ns.value:"",qv=q?q.value.trim().toLowerCase():"";
  var n=0;
  rows.forEach(function(r,i){
    var ok=sevs.indexOf(r.getAttribute("data-sev"))>=0&&(!rv||r.getAttribute("data-rule")===rv)&&(!nv||r.getAttribute("data-ns")===nv)&&(!qv||texts[i].indexOf(qv)>=0);
    r.hidden=!ok;if(ok)n++;
  });
  if(shown)shown.textContent=String(n);
  if(none)none.hidden=n!==0;
}
chips.forEach(function(c){c.addEventListener("click",function(){c.setAttribute("aria-pressed",c.getAttribute("aria-pressed")==="true"?"false":"true");apply();});});
[rule,ns].forEach(function(e){if(e)e.addEventListener("change",apply);});
if(q)q.addEventListener("input",apply);
function openHash(){var id=decodeURIComponent(location.hash.slice(1));if(!id)return;var d=document.getElementById(id);if(d&&d.tagName==="DETAILS")d.open=true;}
window.addEventListener("hashchange",openHash);openHash();
apply();
})();
`;
