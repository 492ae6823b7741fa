// The HTML report's one stylesheet. The language switch is CSS only: `.en` parts show while
// an element of class `en-target` is the URL's target (#en, or a rule's English anchor), so it
// works without script; a browser without :has() shows both languages rather than none.
export const STYLE = `
:root{--err:#b00020;--warn:#8a5300;--info:#4a5866;--ok:#0a7d2c;--line:#d5dae1;--soft:#f4f6f8;--ink:#1f2328}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;color:var(--ink);background:#fff;font:15px/1.55 system-ui,-apple-system,"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif}
html:not(:has(.en-target:target)) .en{display:none}
html:has(.en-target:target) .zh{display:none}
a{color:#0b57d0}
code,.mono{font-family:ui-monospace,"SFMono-Regular","DejaVu Sans Mono",monospace;font-size:.88em;overflow-wrap:anywhere}
code{background:var(--soft);padding:0 .25em;border-radius:3px}
h1{font-size:1.6rem;margin:.2rem 0 .6rem;line-height:1.3}
h2{font-size:1.25rem;margin:2rem 0 .6rem;padding-bottom:.2rem;border-bottom:2px solid var(--line)}
h3{font-size:1.1rem;margin:0 0 .3rem}
h4{font-size:1rem;margin:1.2rem 0 .4rem}
h5{font-size:.8rem;margin:0 0 .2rem;color:var(--info);text-transform:uppercase;letter-spacing:.02em}
small,.muted{color:var(--info)}
.frame{width:100%;border-collapse:collapse;table-layout:fixed}
.frame>tbody>tr>td{padding:0}
.page{max-width:90rem;margin:0 auto;padding:.5rem 1.5rem 3rem}
nav.lang{display:flex;flex-wrap:wrap;gap:.4rem 1rem;align-items:center;justify-content:space-between;padding:.5rem 1.5rem;background:var(--soft);border-bottom:1px solid var(--line);font-size:.9rem}
nav.lang .switch a{display:inline-block;padding:.25rem .8rem;border:1px solid #0b57d0;border-radius:999px;text-decoration:none;margin-right:.3rem}
html:not(:has(.en-target:target)) nav.lang a.to-zh,html:has(.en-target:target) nav.lang a.to-en{background:#0b57d0;color:#fff}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.15rem 1rem;margin:.5rem 0 1rem}
dl.facts dt{color:var(--info)}dl.facts dd{margin:0;overflow-wrap:anywhere}
.verdict{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:baseline;padding:.8rem 1rem;border-radius:6px;border:1px solid var(--line);border-left:8px solid var(--ok);background:#f1f8f3}
.verdict.fail{border-left-color:var(--err);background:#fdf2f3}
.verdict strong{font-size:1.35rem}
.verdict.fail strong{color:var(--err)}.verdict.pass strong{color:var(--ok)}
.personal{color:var(--err);font-weight:600}
.attention{list-style:none;padding:0;margin:.8rem 0;display:flex;flex-wrap:wrap;gap:.4rem}
.attention li a{display:inline-block;padding:.2rem .6rem;border:1px solid var(--line);border-radius:4px;text-decoration:none;color:var(--ink);background:#fff}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(15rem,1fr));gap:.8rem;margin:.8rem 0}
.card{border:1px solid var(--line);border-radius:6px;padding:.6rem .9rem}
.card .big{font-size:1.6rem;font-weight:700;line-height:1.2}
.card.omission{border-top:4px solid var(--err)}.card.inclusion{border-top:4px solid var(--warn)}.card.other{border-top:4px solid var(--info)}
.card ul{margin:.3rem 0 0;padding-left:1.1rem}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,26rem),1fr));gap:1rem 2rem;align-items:start}
figure{margin:0}figcaption{font-weight:600;margin-bottom:.3rem}
svg.chart{width:100%;max-width:34rem;height:auto;display:block}
svg.chart text{font-size:12px;fill:var(--ink);font-family:ui-monospace,"DejaVu Sans Mono",monospace}
svg.chart .bar-count{fill:var(--info)}
.bar-error{fill:var(--err)}.bar-warning{fill:#d68a00}.bar-info{fill:#8a99a8}
.legend{font-size:.85rem;color:var(--info)}
.key{display:inline-block;width:.8em;height:.8em;margin:0 .25em 0 .6em;vertical-align:-.05em}
.key.error{background:var(--err)}.key.warning{background:#d68a00}.key.info{background:#8a99a8}
table.grid{border-collapse:collapse;width:100%;margin:.4rem 0 1rem}
table.grid th,table.grid td{border-bottom:1px solid var(--line);padding:.35rem .5rem;text-align:left;vertical-align:top}
table.grid th{background:var(--soft);font-weight:600;white-space:nowrap}
table.grid td.n,table.grid th.n{text-align:right;font-variant-numeric:tabular-nums}
table.rules td.rule{min-width:16rem}
.rule-id{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:.85em;white-space:nowrap}
.outcome{display:inline-block;padding:0 .45rem;border-radius:3px;background:var(--soft);white-space:nowrap;font-size:.9em}
.outcome-failed{background:#fbe3e6;color:var(--err);font-weight:600}
.outcome-partially_reviewed,.outcome-not_reviewed{background:#fdf0d5;color:var(--warn);font-weight:600}
.outcome-passed{background:#e3f4e8;color:var(--ok)}
.sev{display:inline-block;padding:0 .45rem;border-radius:3px;font-size:.85em;font-weight:600;white-space:nowrap}
.sev-error{background:var(--err);color:#fff}.sev-warning{background:#d68a00;color:#fff}.sev-info{background:#e4e8ec;color:var(--ink)}
.dir{display:inline-block;padding:0 .45rem;border-radius:3px;font-size:.85em;border:1px solid currentColor}
.dir-omission{color:var(--err)}.dir-inclusion{color:var(--warn)}
.status{display:inline-block;padding:0 .45rem;border-radius:3px;font-size:.85em;border:1px solid currentColor}.status-new{color:var(--err);font-weight:600}.status-known{color:#555}.status-waived{color:var(--ok)}
section.rule{border-top:1px solid var(--line);padding-top:1rem;margin-top:1.5rem}
.rule-head{display:flex;flex-wrap:wrap;gap:.3rem .8rem;align-items:baseline}
.reason{border-left:4px solid #d68a00;background:#fdf7ea;padding:.4rem .8rem;margin:.5rem 0}
ul.params{margin:.2rem 0;padding-left:1.2rem}ul.params li{overflow-wrap:anywhere}
.finding{border:1px solid var(--line);border-left:5px solid #8a99a8;border-radius:4px;padding:.6rem .9rem;margin:.6rem 0;break-inside:avoid}
.finding.sev-border-error{border-left-color:var(--err)}.finding.sev-border-warning{border-left-color:#d68a00}
.finding-head{display:flex;flex-wrap:wrap;gap:.2rem .7rem;align-items:baseline}
.finding .msg{margin:.35rem 0 .5rem;font-weight:500}
.evidence{display:grid;grid-template-columns:1fr 1fr;gap:.5rem 1.5rem;background:var(--soft);border-radius:4px;padding:.5rem .7rem}
dl.ev{margin:0}
dl.ev>div{display:grid;grid-template-columns:minmax(6rem,max-content) 1fr;gap:0 .7rem;padding:.05rem 0}
dl.ev dt{color:var(--info)}dl.ev dd{margin:0;overflow-wrap:anywhere}
dl.ev dl.ev{border-left:2px solid var(--line);padding-left:.5rem}
ol.ev-list{margin:0;padding-left:1.3rem}
.none{color:var(--info)}
.nowrap{white-space:nowrap}
dl.about{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:.6rem 0 0}
dl.about dt{color:var(--info)}dl.about dd{margin:0;overflow-wrap:anywhere}
.omitted{border:1px dashed var(--warn);padding:.5rem .8rem;border-radius:4px}
.running{display:flex;flex-wrap:wrap;gap:0 1.2rem;font-size:8pt;color:var(--info);border-bottom:1px solid var(--line);padding-bottom:2mm;margin-bottom:3mm}
@media screen{.frame>thead{display:none}.frame,.frame>tbody,.frame>tbody>tr,.frame>tbody>tr>td{display:block}}
.scroll{overflow-x:auto}
@media (max-width:720px){
 body{font-size:15px}
 .page{padding:.5rem .8rem 2rem}
 nav.lang{padding:.5rem .8rem}
 h1{font-size:1.3rem}
 .evidence{grid-template-columns:1fr}
 dl.facts,dl.about{grid-template-columns:1fr;gap:0}
 dl.facts dd,dl.about dd{margin-bottom:.35rem}
 dl.ev>div{grid-template-columns:1fr}
 table.rules thead{display:none}
 table.rules,table.rules tbody,table.rules tr,table.rules td{display:block;width:auto}
 table.rules tr{border:1px solid var(--line);border-radius:6px;padding:.4rem .6rem;margin:0 0 .5rem}
 table.rules td{border:0;padding:0;text-align:left;line-height:1.45}
 table.rules td.rule{min-width:0}
 table.rules td[data-zh]::before{content:attr(data-zh) ":";color:var(--info);margin-right:.3rem;font-size:.85em}
 html:has(.en-target:target) table.rules td[data-en]::before{content:attr(data-en) ":"}
 table.rules td.n{display:inline-block;margin-right:.9rem;font-size:.92em}
 table.grid th{white-space:normal}
 table.grid th,table.grid td{padding:.3rem .3rem}
}
@page{size:A4;margin:12mm 12mm 14mm}
@media print{
 body{font-size:9.5pt;line-height:1.45}
 nav.lang,button,summary{display:none!important}
 .page{max-width:none;padding:0}
 a{color:inherit;text-decoration:none}
 .frame>thead{display:table-header-group}
 h2{break-after:avoid;margin-top:1.2rem}
 h3,h4,.rule-head{break-after:avoid}
 .finding,.card,figure,table.grid tr{break-inside:avoid}
 .verdict,.evidence,.sev,.outcome,.card{-webkit-print-color-adjust:exact;print-color-adjust:exact}
 svg.chart{max-width:15cm}
}
`;
